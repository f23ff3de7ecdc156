// Text and JSON output of agreement reports; see AgreementOutput.hpp.
#include "app/cli/quality/AgreementOutput.hpp"

#include "app/cli/quality/TextTable.hpp"

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace concord::cli {

using namespace quality;

namespace {

std::string_view undefinedCode(Undefined reason)
{
    switch (reason) {
    case Undefined::No:
        return "";
    case Undefined::NoRatings:
        return "no_ratings";
    case Undefined::NoPairableItems:
        return "no_pairable_items";
    case Undefined::NoVariation:
        return "no_variation";
    case Undefined::OneCategory:
        return "one_category";
    case Undefined::NoSpans:
        return "no_spans";
    case Undefined::NotApplicable:
        return "not_applicable";
    }
    return "undefined";
}

std::string_view weightsName(KappaWeights weights)
{
    switch (weights) {
    case KappaWeights::None:
        return "none";
    case KappaWeights::Linear:
        return "linear";
    case KappaWeights::Quadratic:
        return "quadratic";
    }
    return "none";
}

std::string_view weightsPhrase(KappaWeights weights)
{
    switch (weights) {
    case KappaWeights::None:
        return "unweighted";
    case KappaWeights::Linear:
        return "linear weights";
    case KappaWeights::Quadratic:
        return "quadratic weights";
    }
    return "unweighted";
}

std::string fixed(double value, int digits)
{
    std::ostringstream out;
    out << std::fixed << std::setprecision(digits) << value;
    return out.str();
}

// A value column: the number, or "n/a" when undefined (the reason goes in a note column).
std::string cell(const Coefficient& coefficient, int digits)
{
    return coefficient.defined() ? fixed(coefficient.value, digits) : "n/a";
}

std::string plural(std::size_t count, const std::string& one, const std::string& many)
{
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

using Table = TextTable;

std::string title(const std::string& source, const AgreementData& data)
{
    return "Agreement: " + source + " (" + std::string(toString(data.kind)) + ")";
}

} // namespace

std::string formatCoefficient(const Coefficient& coefficient, int digits)
{
    return coefficient.defined() ? fixed(coefficient.value, digits) : "undefined: " + coefficient.reason();
}

nlohmann::json coefficientJson(const Coefficient& coefficient)
{
    nlohmann::json json;
    if (coefficient.defined()) {
        json["value"] = coefficient.value;
        if (!coefficient.note.empty()) {
            json["note"] = coefficient.note;
        }
    } else {
        json["value"] = nullptr;
        json["undefined"] = undefinedCode(coefficient.undefined);
        json["reason"] = coefficient.reason();
    }
    if (coefficient.undefined != Undefined::NotApplicable) {
        json["items"] = coefficient.items;
        json["ratings"] = coefficient.ratings;
        json["excluded_items"] = coefficient.excludedItems;
    }
    return json;
}

nlohmann::json bootstrapJson(const BootstrapInterval& interval, AlphaMetric metric)
{
    nlohmann::json json = {{"metric", "alpha-" + std::string(toString(metric))},
                           {"method", "percentile, resampling items with replacement"},
                           {"replicates", interval.replicates},
                           {"used", interval.used},
                           {"seed", interval.seed},
                           {"level", interval.level}};
    if (interval.defined()) {
        json["lower"] = interval.lower;
        json["upper"] = interval.upper;
    } else {
        json["lower"] = nullptr;
        json["upper"] = nullptr;
        json["reason"] = "alpha was undefined on every resample";
    }
    return json;
}

nlohmann::json reportJson(const AgreementData& data, const AgreementReport& report, const OutputOptions& options)
{
    const RatingTable& table = data.table;
    nlohmann::json json = {{"source", options.source},      {"kind", toString(report.kind)},
                           {"items", report.items},         {"annotators", report.annotators},
                           {"ratings", report.ratings},     {"pairable_items", report.pairableItems},
                           {"rated_once", report.ratedOnce}};
    json["coefficients"] = nlohmann::json::object();
    for (const auto& [metric, coefficient] : report.coefficients) {
        json["coefficients"][std::string(infoOf(metric).name)] = coefficientJson(coefficient);
    }
    if (report.bootstrap) {
        json["bootstrap"] = bootstrapJson(*report.bootstrap, report.bootstrapMetric);
    }
    if (!report.perValue.empty()) {
        auto& list = json["per_value"] = nlohmann::json::array();
        for (const auto& entry : report.perValue) {
            list.push_back(
                {{"value", table.values[entry.value]}, {"uses", entry.uses}, {"alpha", coefficientJson(entry.alpha)}});
        }
    }
    if (!report.perLabel.empty()) {
        auto& list = json["per_label"] = nlohmann::json::array();
        for (const auto& entry : report.perLabel) {
            list.push_back({{"label", data.sets->labels[entry.label]},
                            {"uses", entry.uses},
                            {"alpha", coefficientJson(entry.alpha)}});
        }
    }
    if (!report.pairs.empty()) {
        json["pair_weights"] = weightsName(report.pairWeights);
        auto& list = json["pairs"] = nlohmann::json::array();
        for (const auto& pair : report.pairs) {
            list.push_back({{"first", table.annotators[pair.first]},
                            {"second", table.annotators[pair.second]},
                            {"kappa", coefficientJson(pair.kappa)}});
        }
    }
    if (!report.spanPairs.empty()) {
        auto& list = json["span_pairs"] = nlohmann::json::array();
        for (const auto& pair : report.spanPairs) {
            list.push_back({{"first", table.annotators[pair.first]},
                            {"second", table.annotators[pair.second]},
                            {"items", pair.items},
                            {"first_spans", pair.firstSpans},
                            {"second_spans", pair.secondSpans},
                            {"exact_f1", coefficientJson(pair.exact)},
                            {"overlap_f1", coefficientJson(pair.overlap)}});
        }
    }
    if (!report.perAnnotator.empty()) {
        auto& list = json["per_annotator"] = nlohmann::json::array();
        for (const auto& entry : report.perAnnotator) {
            nlohmann::json item = {{"annotator", table.annotators[entry.annotator]},
                                   {"ratings", entry.ratings},
                                   {"alone", entry.alone},
                                   {"ties", entry.ties},
                                   {"kappa", coefficientJson(entry.kappa)}};
            item["agrees_with_others"] = entry.agreesWithOthers ? nlohmann::json(*entry.agreesWithOthers) : nullptr;
            list.push_back(std::move(item));
        }
    }
    auto& contested = json["contested"] = nlohmann::json::array();
    const std::size_t shown =
        options.top == 0 ? report.contested.size() : std::min(options.top, report.contested.size());
    for (std::size_t k = 0; k < shown; ++k) {
        const ItemContest& item = report.contested[k];
        contested.push_back({{"item", table.items[item.item]},
                             {"ratings", item.ratings},
                             {"majority", table.values[item.majorityValue]},
                             {"tie", item.tie},
                             {"majority_share", item.majorityShare},
                             {"entropy_bits", item.entropy}});
    }
    json["contested_total"] = report.contested.size(); // items with two or more ratings, unanimous ones last
    return json;
}

void printReport(std::ostream& out, const AgreementData& data, const AgreementReport& report,
                 const OutputOptions& options)
{
    const RatingTable& table = data.table;
    const int digits = options.digits;
    out << title(options.source, data) << '\n';
    out << "  " << plural(report.items, "item", "items") << " (" << report.pairableItems << " rated by two or more";
    if (report.ratedOnce > 0) {
        out << ", " << report.ratedOnce << " rated once and left out";
    }
    out << "), " << plural(report.annotators, "annotator", "annotators") << ", "
        << plural(report.ratings, "rating", "ratings") << "\n\n";

    Table coefficients({"coefficient", "value", "items", "note"}, {false, true, true, false});
    for (const auto& [metric, coefficient] : report.coefficients) {
        const std::string note = coefficient.defined() ? std::string(infoOf(metric).title) +
                                                             (coefficient.note.empty() ? "" : "; " + coefficient.note)
                                                       : coefficient.reason();
        coefficients.add({std::string(infoOf(metric).name), cell(coefficient, digits),
                          coefficient.undefined == Undefined::NotApplicable ? "" : std::to_string(coefficient.items),
                          note});
    }
    coefficients.print(out);
    if (report.bootstrap) {
        const BootstrapInterval& interval = *report.bootstrap;
        out << "\n  alpha-" << toString(report.bootstrapMetric) << ", " << fixed(100 * interval.level, 0)
            << "% bootstrap interval (" << interval.replicates << " resamples of items, seed " << interval.seed
            << "): ";
        if (interval.defined()) {
            out << fixed(interval.lower, digits) << " to " << fixed(interval.upper, digits);
            if (interval.used < interval.replicates) {
                out << " (" << interval.replicates - interval.used << " resamples without variation left out)";
            }
        } else {
            out << "undefined: alpha was undefined on every resample";
        }
        out << '\n';
    }

    if (!report.perValue.empty() || !report.perLabel.empty()) {
        out << "\nPer " << (report.perLabel.empty() ? "value" : "label") << ": one against the rest (nominal alpha)\n";
        Table values({report.perLabel.empty() ? "value" : "label", "uses", "alpha", "note"},
                     {false, true, true, false});
        for (const auto& entry : report.perValue) {
            values.add({table.values[entry.value], std::to_string(entry.uses), cell(entry.alpha, digits),
                        entry.alpha.defined() ? "" : entry.alpha.reason()});
        }
        for (const auto& entry : report.perLabel) {
            values.add({data.sets->labels[entry.label], std::to_string(entry.uses), cell(entry.alpha, digits),
                        entry.alpha.defined() ? "" : entry.alpha.reason()});
        }
        values.print(out);
    }
    if (!report.pairs.empty()) {
        out << "\nAnnotator pairs: Cohen's kappa (" << weightsPhrase(report.pairWeights)
            << ") on the items both rated\n";
        Table pairs({"first", "second", "items", "kappa", "note"}, {false, false, true, true, false});
        for (const auto& pair : report.pairs) {
            pairs.add({table.annotators[pair.first], table.annotators[pair.second], std::to_string(pair.kappa.items),
                       cell(pair.kappa, digits), pair.kappa.defined() ? "" : pair.kappa.reason()});
        }
        pairs.print(out);
    }
    if (!report.spanPairs.empty()) {
        out << "\nAnnotator pairs: span F1 on the samples both annotated\n";
        Table pairs({"first", "second", "samples", "spans", "exact F1", "overlap F1", "note"},
                    {false, false, true, true, true, true, false});
        for (const auto& pair : report.spanPairs) {
            pairs.add({table.annotators[pair.first], table.annotators[pair.second], std::to_string(pair.items),
                       std::to_string(pair.firstSpans) + "/" + std::to_string(pair.secondSpans),
                       cell(pair.exact, digits), cell(pair.overlap, digits),
                       pair.exact.defined() ? "" : pair.exact.reason()});
        }
        pairs.print(out);
    }
    if (!report.perAnnotator.empty()) {
        out << "\nEach annotator against the majority of the others"
            << (data.kind == DataKind::Spans ? " (token BIO tags)" : "") << "\n";
        Table annotators({"annotator", "ratings", "compared", "ties", "alone", "agreement", "kappa", "note"},
                         {false, true, true, true, true, true, true, false});
        for (const auto& entry : report.perAnnotator) {
            annotators.add({table.annotators[entry.annotator], std::to_string(entry.ratings),
                            std::to_string(entry.kappa.items), std::to_string(entry.ties), std::to_string(entry.alone),
                            entry.agreesWithOthers ? fixed(*entry.agreesWithOthers, digits) : "n/a",
                            cell(entry.kappa, digits), entry.kappa.defined() ? "" : entry.kappa.reason()});
        }
        annotators.print(out);
    }
    // The review queue: samples on which the ratings differ, most contested first. (Unanimous
    // samples sort last in report.contested and are left out of the text.)
    const auto disagreeing =
        static_cast<std::size_t>(std::count_if(report.contested.begin(), report.contested.end(),
                                               [](const ItemContest& item) { return item.majorityShare < 1.0; }));
    const std::size_t shown = options.top == 0 ? disagreeing : std::min(options.top, disagreeing);
    if (report.pairableItems > 0 && disagreeing == 0) {
        out << "\nNo sample has disagreeing ratings.\n";
    } else if (shown > 0) {
        out << "\nMost contested samples (the review queue: " << plural(disagreeing, "sample", "samples")
            << " with disagreement";
        out << (shown < disagreeing ? ", the first " + std::to_string(shown) + " shown" : std::string()) << ")\n";
        Table contested({"sample", "ratings", "majority", "share", "entropy (bits)"}, {false, true, false, true, true});
        for (std::size_t k = 0; k < shown; ++k) {
            const ItemContest& item = report.contested[k];
            contested.add({table.items[item.item], std::to_string(item.ratings),
                           table.values[item.majorityValue] + (item.tie ? " (tie)" : ""),
                           fixed(item.majorityShare, digits), fixed(item.entropy, digits)});
        }
        contested.print(out);
    }
}

} // namespace concord::cli
