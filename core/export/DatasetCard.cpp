// The dataset card's Markdown; see DatasetCard.hpp.
#include "core/export/DatasetCard.hpp"

#include "core/export/LabelMap.hpp"
#include "core/export/LabelStudioFormat.hpp"
#include "core/quality/agreement/AgreementReport.hpp"
#include "core/quality/agreement/ProjectRatings.hpp"
#include "core/store/Project.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

namespace concord::exporting {

namespace {

std::string fixed(double value, int digits)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
    return buffer;
}

// A table cell: pipes and line breaks would break the table.
std::string cell(const std::string& text)
{
    std::string out;
    for (const char c : text) {
        if (c == '|') {
            out += "\\|";
        } else if (c == '\n' || c == '\r') {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

std::string howChosen(const DatasetCardInput& input)
{
    std::string text;
    if (input.source == "raw") {
        text = "Every annotator's own labels, one record per sample and annotator (the `annotator` field "
               "names whose). No aggregation and no gold labels.";
    } else {
        const bool ds = input.source == "gold-dawid-skene";
        text = "Where a reviewer set a gold label, that label. Otherwise the label the annotators' labels "
               "aggregate to by " +
               std::string(ds ? "Dawid–Skene (expectation–maximisation over each annotator's confusion matrix; "
                                "the confidence is the posterior of the chosen label)"
                              : "majority vote (ties go to the label that comes first in the schema; the "
                                "confidence is the share of annotators who gave the chosen label)") +
               ".";
        if (input.minAgreement) {
            text += " Aggregated labels with a confidence below " + fixed(*input.minAgreement, 2) +
                    " were left out (gold labels are always kept).";
        }
    }
    if (input.signalExpression) {
        text += " Only the samples selected by the signal `" + *input.signalExpression + "`.";
    }
    return text;
}

} // namespace

std::vector<AgreementFigure> agreementFigures(Project& project)
{
    std::vector<AgreementFigure> figures;
    const quality::AgreementData data = quality::loadProjectRatings(project);
    if (data.table.ratings.empty()) {
        return figures;
    }
    quality::ReportOptions options;
    options.breakdowns = false;
    const quality::AgreementReport report = quality::buildReport(data, options);
    for (const auto& [metric, coefficient] : report.coefficients) {
        const auto& info = quality::infoOf(metric);
        figures.push_back(AgreementFigure{std::string(info.name), std::string(info.title), coefficient.get(),
                                          coefficient.defined() ? std::string() : coefficient.reason()});
    }
    // Krippendorff's alpha first: it is the figure that copes with missing ratings and any
    // number of annotators, so the one to quote.
    std::stable_partition(figures.begin(), figures.end(),
                          [](const AgreementFigure& figure) { return figure.name.rfind("alpha", 0) == 0; });
    return figures;
}

std::vector<std::pair<std::string, std::size_t>> labelCounts(const std::vector<ExportRecord>& records,
                                                             const ExportSchema& schema)
{
    std::map<std::string, std::size_t> counts;
    for (const auto& record : records) {
        if (record.rating) {
            ++counts[std::to_string(*record.rating)];
        } else if (schema.kind == TaskKind::Spans) {
            for (const auto& span : record.spans) {
                ++counts[span.label];
            }
            if (record.spans.empty()) {
                ++counts["(none)"];
            }
        } else if (record.labels.empty()) {
            ++counts["(none)"];
        } else {
            for (const auto& label : record.labels) {
                ++counts[label];
            }
        }
    }
    std::vector<std::pair<std::string, std::size_t>> ordered;
    for (const auto& name : labelNamesOf(schema)) {
        if (const auto it = counts.find(name); it != counts.end()) {
            ordered.emplace_back(name, it->second);
            counts.erase(it);
        }
    }
    for (auto& [name, count] : counts) { // labels the schema no longer lists, then "(none)"
        if (name != "(none)") {
            ordered.emplace_back(name, count);
        }
    }
    if (const auto it = counts.find("(none)"); it != counts.end()) {
        ordered.emplace_back(it->first, it->second);
    }
    return ordered;
}

std::string datasetCard(const DatasetCardInput& input)
{
    std::ostringstream out;
    const auto& splits = *input.splits;
    std::size_t total = 0;
    for (const auto& split : splits) {
        total += split.records.size();
    }
    out << "# " << (input.projectName.empty() ? "Concord dataset" : input.projectName) << "\n\n";
    out << "Exported by Concord from a " << toString(input.schema.kind) << " labeling project: " << total
        << " records in " << splits.size() << (input.folds != 0 ? " folds" : " splits") << ", format `" << input.format
        << "`.\n\n";

    out << "## Files\n\n| File | Records |\n|---|---:|\n";
    for (std::size_t s = 0; s < splits.size(); ++s) {
        out << "| " << cell(input.files[s]) << " | " << splits[s].records.size() << " |\n";
    }
    out << "| label_map.json | label2id and id2label |\n";
    const bool labelStudio = input.format == "labelstudio";
    if (labelStudio) {
        out << "| label_config.xml | the Label Studio labeling config (see below) |\n";
    }
    out << '\n';

    out << "## Records per split and label\n\n";
    std::vector<std::vector<std::pair<std::string, std::size_t>>> perSplit;
    std::vector<std::string> labels;
    for (const auto& split : splits) {
        perSplit.push_back(labelCounts(split.records, input.schema));
        for (const auto& [label, count] : perSplit.back()) {
            if (std::find(labels.begin(), labels.end(), label) == labels.end()) {
                labels.push_back(label);
            }
        }
    }
    // Label order: the schema's (labelCounts orders each split so; merge keeps first sight).
    const auto names = labelNamesOf(input.schema);
    std::stable_sort(labels.begin(), labels.end(), [&](const std::string& a, const std::string& b) {
        const auto rank = [&](const std::string& name) {
            return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
        };
        return rank(a) < rank(b);
    });
    out << "| Label |";
    for (const auto& split : splits) {
        out << ' ' << split.name << " |";
    }
    out << "\n|---|";
    for (std::size_t s = 0; s < splits.size(); ++s) {
        out << "---:|";
    }
    out << '\n';
    for (const auto& label : labels) {
        out << "| " << cell(label) << " |";
        for (const auto& counts : perSplit) {
            std::size_t n = 0;
            for (const auto& [name, count] : counts) {
                n = name == label ? count : n;
            }
            out << ' ' << n << " |";
        }
        out << '\n';
    }
    out << "| **records** |";
    for (const auto& split : splits) {
        out << ' ' << split.records.size() << " |";
    }
    out << "\n\n";
    if (input.schema.kind == TaskKind::Multi || input.schema.kind == TaskKind::Spans) {
        out << "A record counts once for each of its " << (input.schema.kind == TaskKind::Multi ? "labels" : "spans")
            << ".\n\n";
    }

    out << "## How the labels were chosen\n\n" << howChosen(input) << "\n\n";
    out << "- Samples considered: " << input.samples << '\n';
    if (input.source == "raw") {
        out << "- Raw records: " << input.raw << '\n';
    } else {
        out << "- Gold labels set by a reviewer: " << input.gold << '\n';
        out << "- Aggregated labels: " << input.aggregated << '\n';
        if (input.minAgreement) {
            out << "- Left out below the minimum agreement: " << input.belowAgreement << '\n';
        }
    }
    out << "- Left out without any label: " << input.unlabeled << "\n\n";

    out << "## Agreement\n\n";
    if (input.agreement.empty()) {
        out << "No annotations, so no agreement figures.\n\n";
    } else {
        out << "Over all the project's annotations (before any selection):\n\n| Coefficient | Value |\n|---|---:|\n";
        for (const auto& figure : input.agreement) {
            out << "| " << cell(figure.title) << " | "
                << (figure.value ? fixed(*figure.value, 3) : "n/a (" + cell(figure.reason) + ")") << " |\n";
        }
        out << '\n';
    }

    out << "## Splits\n\n";
    if (input.folds != 0) {
        out << input.folds << " folds, stratified by label, seed " << input.seed << ".";
    } else {
        out << "Train/validation/test in the ratios ";
        for (std::size_t i = 0; i < input.ratios.size(); ++i) {
            out << (i == 0 ? "" : "/") << fixed(input.ratios[i], 2);
        }
        out << ", stratified by label, seed " << input.seed << ".";
    }
    out << " Exact duplicates (same text after collapsing whitespace and ASCII case) and near duplicates "
           "(MinHash over word pairs, Jaccard 0.7 or more) were kept inside one split.";
    if (input.leakage != nullptr) {
        out << " Leakage check: "
            << (input.leakage->clean()
                    ? "no text appears in two splits."
                    : std::to_string(input.leakage->shared.size()) + " texts appear in more than one split.");
    }
    out << "\n\n";
    if (labelStudio) {
        out << labelStudioCardSection(input.schema, input.files);
    }
    if (!input.command.empty()) {
        out << "## How it was made\n\n```\n" << input.command << "\n```\n";
    }
    return out.str();
}

} // namespace concord::exporting
