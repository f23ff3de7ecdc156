// concord-cli aggregate: a suggested gold label per sample from its annotators' labels, by
// majority vote or Dawid–Skene, with each annotator's estimated accuracy.
#include "app/cli/Commands.hpp"
#include "core/io/AtomicFile.hpp"
#include "core/quality/aggregation/Aggregation.hpp"
#include "core/quality/aggregation/DawidSkene.hpp"
#include "core/quality/aggregation/QuestionGold.hpp"
#include "core/quality/agreement/ProjectRatings.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <cmath>
#include <iomanip>
#include <iostream>
#include <map>

namespace concord::cli {

namespace {

struct AggregateOptions
{
    std::string project;
    std::string method = "majority";
    std::string question;
    bool json = false;
    std::string output;
};

// The suggested label as JSON: a label name, or the rating as a number.
nlohmann::json labelJson(const quality::RatingTable& table, const quality::ItemEstimate& item)
{
    if (item.value == quality::kNoValue) {
        return nullptr;
    }
    const double number = table.numeric[item.value];
    if (!std::isnan(number)) {
        return static_cast<std::int64_t>(number);
    }
    return table.values[item.value];
}

nlohmann::json sampleJson(const quality::RatingTable& table, const quality::AggregationResult& result, std::size_t i)
{
    const auto& item = result.items[i];
    return {{"id", table.items[i]},
            {"label", labelJson(table, item)},
            {"confidence", item.confidence},
            {"tied", item.tied},
            {"votes", item.votes}};
}

nlohmann::json summaryJson(const quality::RatingTable& table, const quality::AggregationResult& result)
{
    nlohmann::json json = {{"method", std::string(quality::toString(result.method))}, {"samples", table.items.size()}};
    if (result.method == quality::AggregationMethod::DawidSkene) {
        json["iterations"] = result.iterations;
        json["converged"] = result.converged;
    }
    json["annotators"] = nlohmann::json::array();
    for (std::size_t a = 0; a < table.annotators.size(); ++a) {
        const auto& estimate = result.annotators[a];
        json["annotators"].push_back({{"name", table.annotators[a]},
                                      {"labels", estimate.labels},
                                      // NaN is not JSON: an annotator with nothing to judge gets null.
                                      {"accuracy", std::isnan(estimate.accuracy) ? nlohmann::json(nullptr)
                                                                                 : nlohmann::json(estimate.accuracy)}});
    }
    return json;
}

void printSummary(const quality::RatingTable& table, const quality::AggregationResult& result)
{
    std::size_t tied = 0;
    for (const auto& item : result.items) {
        tied += item.tied ? 1 : 0;
    }
    std::cout << "Method     " << quality::toString(result.method);
    if (result.method == quality::AggregationMethod::DawidSkene) {
        std::cout << (result.converged ? " (converged after " : " (NOT converged after ") << result.iterations
                  << " iterations)";
    }
    std::cout << "\nSamples    " << table.items.size() << " with labels, " << tied << " tied"
              << (tied > 0 ? " (each given the label that comes first in the schema)" : "") << "\n\n";
    std::cout << std::left << std::setw(24) << "Annotator" << std::right << std::setw(8) << "Labels" << std::setw(16)
              << "Est. accuracy" << '\n';
    for (std::size_t a = 0; a < table.annotators.size(); ++a) {
        const auto& estimate = result.annotators[a];
        std::cout << std::left << std::setw(24) << table.annotators[a] << std::right << std::setw(8) << estimate.labels
                  << std::setw(16);
        if (std::isnan(estimate.accuracy)) {
            std::cout << "-";
        } else {
            std::cout << std::fixed << std::setprecision(3) << estimate.accuracy;
        }
        std::cout << '\n';
    }
}

// A gold value as a cell: a label, a rating, "response_a (2)" or "tie", or "b > a = c".
std::string goldText(const nlohmann::json& value)
{
    if (value.contains("labels") && value["labels"].size() == 1) {
        return value["labels"][0].get<std::string>();
    }
    if (value.contains("rating")) {
        return value["rating"].dump();
    }
    if (value.contains("preference")) {
        const auto& preference = value["preference"];
        return preference["winner"].is_null()
                   ? "tie"
                   : preference["winner"].get<std::string>() + " (" + preference["strength"].dump() + ")";
    }
    if (value.contains("ranking")) {
        std::multimap<std::int64_t, std::string> byRank;
        for (const auto& [field, rank] : value["ranking"].items()) {
            byRank.emplace(rank.get<std::int64_t>(), field);
        }
        std::string text;
        std::int64_t last = 0;
        for (const auto& [rank, field] : byRank) {
            text += (text.empty() ? "" : rank == last ? " = " : " > ") + field;
            last = rank;
        }
        return text;
    }
    return value.dump();
}

nlohmann::json recordJson(const quality::RecordGold& record)
{
    return {{"id", record.id},
            {"value", record.value},
            {"source", std::string(quality::toString(record.source))},
            {"confidence", record.confidence ? nlohmann::json(*record.confidence) : nlohmann::json(nullptr)},
            {"tied", record.tied},
            {"votes", record.votes}};
}

void runQuestion(const AggregateOptions& options, quality::AggregationMethod method)
{
    auto project = Project::open(options.project);
    const quality::QuestionGold gold = quality::aggregateQuestion(*project, options.question, method);
    const bool choices = gold.kind != QuestionKind::Ranking;
    if (!options.output.empty()) {
        io::AtomicFile file(options.output);
        for (const auto& record : gold.items) {
            file.stream() << recordJson(record).dump() << '\n';
        }
        file.commit();
    }
    if (options.json) {
        nlohmann::json json = choices ? summaryJson(gold.table, gold.aggregation) : nlohmann::json::object();
        json["method"] = gold.method;
        json["question"] = gold.question;
        json["kind"] = std::string(toString(gold.kind));
        json["records"] = gold.items.size();
        json["from_reviewer"] = gold.fromReviewer;
        json.erase("samples");
        if (options.output.empty()) {
            json["gold"] = nlohmann::json::array();
            for (const auto& record : gold.items) {
                json["gold"].push_back(recordJson(record));
            }
        } else {
            json["output"] = options.output;
        }
        std::cout << json.dump(2) << '\n';
        return;
    }
    std::cout << "Question   " << gold.question << " (" << toString(gold.kind) << ")\n";
    if (choices) {
        printSummary(gold.table, gold.aggregation);
    } else {
        std::cout << "Method     mean rank (Borda); equal means share the lower rank\n";
    }
    std::cout << "\nGold       " << gold.items.size() << " records: " << gold.fromReviewer << " from the reviewer, "
              << gold.items.size() - gold.fromReviewer << " aggregated\n";
    if (!options.output.empty()) {
        std::cout << "\nWrote " << gold.items.size() << " gold values to " << options.output << ".\n";
        return;
    }
    std::cout << '\n'
              << std::left << std::setw(24) << "Sample" << std::setw(28) << "Gold" << std::setw(10) << "Source"
              << std::right << std::setw(11) << "Confidence" << std::setw(7) << "Votes" << '\n';
    for (const auto& record : gold.items) {
        std::cout << std::left << std::setw(24) << record.id << std::setw(28) << goldText(record.value) << std::setw(10)
                  << quality::toString(record.source) << std::right << std::setw(11);
        if (record.confidence) {
            std::cout << std::fixed << std::setprecision(3) << *record.confidence;
        } else {
            std::cout << "-";
        }
        std::cout << std::setw(7) << record.votes << (record.tied ? "  tied" : "") << '\n';
    }
}

void run(const AggregateOptions& options)
{
    const auto method = quality::aggregationMethodFromString(options.method);
    if (!options.question.empty()) {
        runQuestion(options, method);
        return;
    }
    auto project = Project::open(options.project);
    if (!project->isLegacy()) {
        throw InputError(options.project +
                         " has several fields or questions; name the question to aggregate with "
                         "--question (one of: " +
                         project->recordSchema().questionNames() + ")");
    }
    const TaskKind kind = project->schema().kind;
    if (kind != TaskKind::Single && kind != TaskKind::Rating) {
        throw InputError("aggregate works on single-label and rating projects; " + options.project + " is a " +
                         std::string(toString(kind)) + " project");
    }
    const quality::RatingTable table = quality::loadProjectRatings(*project).table;
    const quality::AggregationResult result = quality::aggregate(table, method);

    if (!options.output.empty()) {
        io::AtomicFile file(options.output);
        for (std::size_t i = 0; i < table.items.size(); ++i) {
            file.stream() << sampleJson(table, result, i).dump() << '\n';
        }
        file.commit();
    }
    if (options.json) {
        nlohmann::json json = summaryJson(table, result);
        if (options.output.empty()) {
            json["samples"] = nlohmann::json::array();
            for (std::size_t i = 0; i < table.items.size(); ++i) {
                json["samples"].push_back(sampleJson(table, result, i));
            }
        } else {
            json["output"] = options.output;
        }
        std::cout << json.dump(2) << '\n';
        return;
    }
    printSummary(table, result);
    if (!options.output.empty()) {
        std::cout << "\nWrote " << table.items.size() << " suggested labels to " << options.output << ".\n";
        return;
    }
    std::cout << '\n'
              << std::left << std::setw(24) << "Sample" << std::setw(16) << "Suggested" << std::right << std::setw(11)
              << "Confidence" << std::setw(7) << "Votes" << '\n';
    for (std::size_t i = 0; i < table.items.size(); ++i) {
        const auto& item = result.items[i];
        const auto label = labelJson(table, item);
        std::cout << std::left << std::setw(24) << table.items[i] << std::setw(16)
                  << (label.is_string() ? label.get<std::string>() : label.dump()) << std::right << std::setw(11)
                  << std::fixed << std::setprecision(3) << item.confidence << std::setw(7) << item.votes
                  << (item.tied ? "  tied" : "") << '\n';
    }
}

} // namespace

void addAggregateCommand(CLI::App& app)
{
    auto options = std::make_shared<AggregateOptions>();
    auto* command = app.add_subcommand(
        "aggregate", "Suggest a gold label per sample from its annotators' labels, with each annotator's accuracy");
    command->add_option("project", options->project, "Project file (single-label or rating)")->required();
    command
        ->add_option("--method", options->method,
                     "majority (ties go to the label first in the schema) or dawid-skene (weighs annotators by "
                     "their estimated skill)")
        ->check(CLI::IsMember({"majority", "dawid-skene"}))
        ->capture_default_str();
    command->add_option("--question", options->question,
                        "Aggregate this question of a project of fields and questions (label, rating, preference: "
                        "--method; ranking: mean rank); the reviewer's gold value wins where there is one");
    command->add_flag("--json", options->json, "Print JSON instead of tables");
    command->add_option("--output", options->output,
                        "Write one JSON line per sample (id, label, confidence, tied, votes) to this file");
    command->callback([options] { run(*options); });
}

} // namespace concord::cli
