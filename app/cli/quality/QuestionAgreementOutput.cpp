// Text and JSON output of per-question and suggestion agreement; see QuestionAgreementOutput.hpp.
#include "app/cli/quality/QuestionAgreementOutput.hpp"

#include "app/cli/quality/TextTable.hpp"

namespace concord::cli {

using namespace quality;

// A named namespace: a unity build puts this file in one batch with its neighbours.
namespace question_output {

std::string number(double value, int digits)
{
    return formatCoefficient(Coefficient::of(value), digits);
}

std::string optionalNumber(const std::optional<double>& value, int digits)
{
    return value ? number(*value, digits) : "undefined: no record has two or more answers";
}

nlohmann::json optionalJson(const std::optional<double>& value)
{
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

void printHead(std::ostream& out, const Question& question, const AnswerCounts& counts, const std::string& detail,
               const OutputOptions& options)
{
    out << "Agreement: " << options.source << ", question '" << question.name << "' (" << toString(question.kind)
        << detail << ")\n";
    out << "  " << counts.records << " records with submitted answers (" << counts.pairedRecords << " with two or more";
    if (counts.records > counts.pairedRecords) {
        out << ", " << counts.records - counts.pairedRecords << " with one left out";
    }
    out << "), " << counts.annotators << " annotators, " << counts.answers << " answers\n\n";
}

nlohmann::json headJson(const Question& question, const AnswerCounts& counts, const OutputOptions& options)
{
    return {{"source", options.source},
            {"question", question.name},
            {"kind", toString(question.kind)},
            {"records", counts.records},
            {"paired_records", counts.pairedRecords},
            {"annotators", counts.annotators},
            {"answers", counts.answers}};
}

// One coefficient per row: name, value, the items it read, and what it is.
void addRow(TextTable& table, const std::string& name, const Coefficient& coefficient, const std::string& about,
            int digits)
{
    const std::string note = coefficient.defined() ? about + (coefficient.note.empty() ? "" : "; " + coefficient.note)
                                                   : coefficient.reason();
    table.add({name, coefficient.defined() ? number(coefficient.value, digits) : "n/a",
               std::to_string(coefficient.items), note});
}

TextTable coefficientTable()
{
    return TextTable({"coefficient", "value", "items", "note"}, {false, true, true, false});
}

} // namespace question_output

void printQuestionAgreement(std::ostream& out, const Question& question, const PreferenceAgreement& result,
                            const OutputOptions& options)
{
    using namespace question_output;
    printHead(out, question, result.counts,
              ", " + std::to_string(question.points) + " points: " + question.fields.at(0) + " vs " +
                  question.fields.at(1),
              options);
    TextTable table = coefficientTable();
    addRow(table, "percent", result.percent, "share of agreeing pairs on the choice (first field, second, tie)",
           options.digits);
    addRow(table, "alpha-nominal", result.alphaChoice, "Krippendorff's alpha on the choice", options.digits);
    addRow(table, "alpha-ordinal", result.alphaStrength,
           "on the strength, +" + std::to_string(question.maxStrength()) + " for " + question.fields.at(0) + " to -" +
               std::to_string(question.maxStrength()) + " for " + question.fields.at(1),
           options.digits);
    table.print(out);
    out << "\n  Opposite winners: " << result.oppositeRecords << " of " << result.counts.pairedRecords
        << " records with two or more answers";
    if (result.counts.pairedRecords > 0) {
        out << " (" << number(double(result.oppositeRecords) / double(result.counts.pairedRecords), options.digits)
            << ")";
    }
    out << ": one annotator chose " << question.fields.at(0) << ", another " << question.fields.at(1) << '\n';
}

void printQuestionAgreement(std::ostream& out, const Question& question, const RankingAgreement& result,
                            const OutputOptions& options)
{
    using namespace question_output;
    printHead(out, question, result.counts, ", " + std::to_string(question.fields.size()) + " fields ranked", options);
    const int digits = options.digits;
    out << "  Kendall's W per record (tie-corrected; the annotators rank the record's fields):\n";
    if (result.w.count == 0) {
        out << "    undefined: no record has two rankers who do not tie every field\n";
    } else {
        out << "    mean " << number(result.w.mean, digits) << " over " << result.w.count << " records; min "
            << number(result.w.min, digits) << ", q1 " << number(result.w.q1, digits) << ", median "
            << number(result.w.median, digits) << ", q3 " << number(result.w.q3, digits) << ", max "
            << number(result.w.max, digits) << '\n';
    }
    if (result.tiedRecords > 0) {
        out << "    " << result.tiedRecords
            << " records left out: every ranker tied every field there (W is 0/0; the rankings agree)\n";
    }
    out << '\n';
    TextTable table = coefficientTable();
    addRow(table, "alpha-ordinal", result.alphaRanks, "Krippendorff's alpha on the ranks, item = (record, field)",
           digits);
    table.print(out);
}

void printQuestionAgreement(std::ostream& out, const Question& question, const TextAgreement& result,
                            const OutputOptions& options)
{
    using namespace question_output;
    printHead(out, question, result.counts, ", written answers", options);
    TextTable table = coefficientTable();
    addRow(table, "alpha-edit", result.alphaEdit, "Krippendorff's alpha, normalized Levenshtein distance",
           options.digits);
    table.print(out);
    out << "\n  Mean pairwise similarity: " << optionalNumber(result.meanSimilarity, options.digits)
        << " (1 - distance, averaged over each record's pairs of annotators, then over records)\n";
    out << "  Exact match: " << optionalNumber(result.exactMatchShare, options.digits)
        << " (share of records with two or more answers where every answer is the same text)\n";
}

nlohmann::json questionAgreementJson(const Question& question, const PreferenceAgreement& result,
                                     const OutputOptions& options)
{
    nlohmann::json json = question_output::headJson(question, result.counts, options);
    json["fields"] = question.fields;
    json["points"] = question.points;
    json["coefficients"] = {{"percent", coefficientJson(result.percent)},
                            {"alpha-nominal", coefficientJson(result.alphaChoice)},
                            {"alpha-ordinal", coefficientJson(result.alphaStrength)}};
    json["opposite_winners"] = {
        {"records", result.oppositeRecords},
        {"share", result.counts.pairedRecords == 0
                      ? nlohmann::json(nullptr)
                      : nlohmann::json(double(result.oppositeRecords) / double(result.counts.pairedRecords))}};
    return json;
}

nlohmann::json questionAgreementJson(const Question& question, const RankingAgreement& result,
                                     const OutputOptions& options)
{
    nlohmann::json json = question_output::headJson(question, result.counts, options);
    json["fields"] = question.fields;
    nlohmann::json w = {{"records", result.w.count}, {"tied_records", result.tiedRecords}};
    for (const auto& [name, value] : {std::pair<const char*, double>{"mean", result.w.mean},
                                      {"min", result.w.min},
                                      {"q1", result.w.q1},
                                      {"median", result.w.median},
                                      {"q3", result.w.q3},
                                      {"max", result.w.max}}) {
        w[name] = result.w.count == 0 ? nlohmann::json(nullptr) : nlohmann::json(value);
    }
    json["kendall_w"] = w;
    json["coefficients"] = {{"alpha-ordinal", coefficientJson(result.alphaRanks)}};
    return json;
}

nlohmann::json questionAgreementJson(const Question& question, const TextAgreement& result,
                                     const OutputOptions& options)
{
    nlohmann::json json = question_output::headJson(question, result.counts, options);
    json["coefficients"] = {{"alpha-edit", coefficientJson(result.alphaEdit)}};
    json["mean_similarity"] = question_output::optionalJson(result.meanSimilarity);
    json["exact_match_share"] = question_output::optionalJson(result.exactMatchShare);
    return json;
}

void printSuggestionAgreement(std::ostream& out, const SuggestionAgreement& result, int digits)
{
    out << "\nAgreement with suggestions (each agent against the annotators' majority):\n";
    if (!result.defined) {
        out << "  " << result.note << '\n';
        return;
    }
    TextTable table({"agent", "suggested", "compared", "agreement", "kappa", "tied majority", "no answers"},
                    {false, true, true, true, true, true, true});
    for (const AgentAgreement& agent : result.agents) {
        const auto share = agent.agreement();
        table.add({agent.agent, std::to_string(agent.suggested), std::to_string(agent.compared),
                   share ? question_output::number(*share, digits) : "n/a",
                   agent.kappa.defined() ? question_output::number(agent.kappa.value, digits) : "n/a",
                   std::to_string(agent.tiedMajority), std::to_string(agent.withoutAnswers)});
    }
    table.print(out);
    out << "  (kappa: Cohen's, unweighted; records whose most frequent answers tie are left out)\n";
}

nlohmann::json suggestionAgreementJson(const SuggestionAgreement& result)
{
    if (!result.defined) {
        return {{"defined", false}, {"reason", result.note}};
    }
    nlohmann::json agents = nlohmann::json::array();
    for (const AgentAgreement& agent : result.agents) {
        agents.push_back({{"agent", agent.agent},
                          {"suggested", agent.suggested},
                          {"compared", agent.compared},
                          {"agreed", agent.agreed},
                          {"agreement", question_output::optionalJson(agent.agreement())},
                          {"kappa", coefficientJson(agent.kappa)},
                          {"tied_majority", agent.tiedMajority},
                          {"without_answers", agent.withoutAnswers}});
    }
    return {{"defined", true}, {"against", "majority of submitted answers"}, {"agents", agents}};
}

} // namespace concord::cli
