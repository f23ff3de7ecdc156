#include "core/feedback/TrlExport.hpp"

#include "core/export/ExportTarget.hpp"
#include "core/export/Splits.hpp"
#include "core/feedback/ArgillaExport.hpp"
#include "core/io/AtomicFile.hpp"
#include "core/io/JsonWriter.hpp"
#include "core/util/Error.hpp"

#include <filesystem>
#include <sstream>

namespace concord {

// A named namespace: a unity build puts this file in one batch with its neighbours.
namespace trl_export {

namespace fs = std::filesystem;

void prepareDirectory(const fs::path& target, bool replace)
{
    exporting::checkExportTarget(target, replace);
    std::error_code error;
    if (!fs::exists(target, error) && !fs::create_directory(target, error) && error) {
        throw StoreError("cannot create " + target.string() + ": " + error.message());
    }
}

std::string votesRule(const TrlOptions& options)
{
    if (options.votes == TrlVotes::EveryResponse) {
        return "every submitted response on its own (gold values are not used)";
    }
    return "the reviewer's gold value where one is set; else the submitted responses aggregated: the winner most "
           "annotators chose (preference), the mean rank (ranking), the text most annotators wrote (text), the mean "
           "rating or the majority of good/not good (KTO)";
}

std::string card(const TrlExportSummary& summary, const TrlExportOptions& options, const std::string& projectName)
{
    std::ostringstream out;
    out << "# " << projectName << " (" << summary.format << ")\n\n";
    out << "Rows in TRL's " << summary.format.substr(4) << " format, "
        << (summary.conversational ? "conversational (lists of {\"role\", \"content\"} messages)" : "plain strings")
        << ", from question `" << summary.question << "`.\n\n";
    out << "| split | rows |\n| --- | --- |\n";
    for (const auto& [name, rows] : summary.splits) {
        out << "| " << name << " | " << rows << " |\n";
    }
    out << "\n## What went in\n\n";
    out << "- Records: " << summary.records << " looked at, " << summary.recordsUsed << " gave rows; " << summary.rows
        << " rows.\n";
    out << "- Votes: " << votesRule(options.rows) << ".\n";
    if (options.rows.format == TrlFormat::Preference) {
        out << "- Ranking pairs: "
            << (options.rows.rankingPairs == RankingPairs::Every ? "every pair of responses ranked apart"
                                                                 : "the best-ranked against the worst-ranked")
            << "; a preference gives its winner as chosen.\n";
        if (options.rows.margin) {
            out << "- `margin`: the preference's strength, or the rank difference of a ranking pair.\n";
        }
    }
    if (options.rows.minAgreement || options.rows.withoutTies || options.rows.withoutFlagged) {
        out << "- Filters:";
        if (options.rows.minAgreement) {
            out << " records whose annotators agree less than " << *options.rows.minAgreement
                << " on the question (the share of agreeing pairs; Kendall's W for a ranking; the mean similarity "
                   "for a text) left out, unless a reviewer resolved them;";
        }
        if (options.rows.withoutTies) {
            out << " records with a tie left out;";
        }
        if (options.rows.withoutFlagged) {
            out << " records with empty or identical responses and the votes of position-biased or one-sided "
                   "annotators (the preference checks' flags) left out;";
        }
        out << " counts below.\n";
    }
    out << "- Splits: every row of one prompt (same text, ignoring case and spacing) is in one split; seed "
        << options.seed << ".\n";
    out << "\n## What was left out\n\n";
    if (summary.dropped.empty()) {
        out << "Nothing.\n";
    } else {
        out << "| rule | count |\n| --- | --- |\n";
        for (const auto& [rule, count] : summary.dropped) {
            out << "| " << rule << " | " << count << " |\n";
        }
    }
    out << "\n## Loading\n\n```python\nfrom datasets import load_dataset\n"
        << "dataset = load_dataset(\"json\", data_files={";
    for (std::size_t i = 0; i < summary.splits.size(); ++i) {
        out << (i == 0 ? "" : ", ") << '"' << summary.splits[i].first << "\": \"" << summary.splits[i].first
            << ".jsonl\"";
    }
    out << "})\n```\n";
    if (!options.command.empty()) {
        out << "\n## How it was made\n\n```\n" << options.command << "\n```\n";
    }
    return out.str();
}

} // namespace trl_export

TrlExportSummary exportTrl(Project& project, const TrlExportOptions& options)
{
    exporting::SplitOptions splitCheck;
    splitCheck.ratios = options.ratios;
    exporting::checkSplitOptions(splitCheck, 0);
    TrlRows rows = buildTrlRows(project, options.rows);
    if (rows.rows.empty()) {
        throw InputError("nothing to export: no record of question '" + rows.question + "' gave a " +
                         toString(options.rows.format) + " row");
    }
    // Splits group rows by their prompt, as the dataset export groups records by their text;
    // KTO rows are stratified by their label.
    std::vector<exporting::ExportRecord> byPrompt(rows.rows.size());
    for (std::size_t i = 0; i < rows.rows.size(); ++i) {
        byPrompt[i].text = std::move(rows.prompts[i]);
        if (rows.rows[i].contains("label")) {
            byPrompt[i].labels = {rows.rows[i]["label"].get<bool>() ? "true" : "false"};
        }
    }
    const auto parts = exporting::assignParts(byPrompt, options.ratios, options.seed, false);

    TrlExportSummary summary;
    summary.directory = options.directory;
    summary.format = toString(options.rows.format);
    summary.question = rows.question;
    summary.conversational = rows.conversational;
    summary.records = rows.records;
    summary.recordsUsed = rows.recordsUsed;
    summary.rows = rows.rows.size();
    summary.dropped = rows.dropped;

    const std::filesystem::path directory(options.directory);
    trl_export::prepareDirectory(directory, options.replace);
    static const char* const names[] = {"train", "validation", "test"};
    for (std::uint32_t part = 0; part < options.ratios.size(); ++part) {
        if (options.ratios[part] <= 0.0) {
            continue;
        }
        io::AtomicFile file((directory / (std::string(names[part]) + ".jsonl")).string());
        std::size_t count = 0;
        std::string line;
        for (std::size_t i = 0; i < rows.rows.size(); ++i) {
            if (parts[i] == part) {
                line.clear();
                io::appendJson(line, rows.rows[i]);
                line += '\n';
                file.stream() << line;
                ++count;
            }
        }
        file.commit();
        summary.splits.emplace_back(names[part], count);
        summary.files.push_back(std::string(names[part]) + ".jsonl");
    }
    io::AtomicFile readme((directory / "README.md").string());
    readme.stream() << trl_export::card(summary, options, project.settings().name);
    readme.commit();
    summary.files.push_back("README.md");
    return summary;
}

std::size_t exportArgilla(Project& project, const std::string& directory, bool replace)
{
    const auto rows = argillaRows(project);
    trl_export::prepareDirectory(directory, replace);
    io::AtomicFile file((std::filesystem::path(directory) / "records.jsonl").string());
    std::string line;
    for (const auto& row : rows) {
        line.clear();
        io::appendJson(line, row);
        line += '\n';
        file.stream() << line;
    }
    file.commit();
    return rows.size();
}

} // namespace concord
