// External predictions import, with the checks stated in PredictionImport.hpp.
#include "core/learn/PredictionImport.hpp"

#include "core/io/JsonlReader.hpp"
#include "core/learn/ModelPredictions.hpp"
#include "core/learn/TrainingSet.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <unordered_map>
#include <unordered_set>

namespace concord::learn {

namespace {

constexpr std::size_t kListedProblems = 100;
constexpr double kSumTolerance = 0.01;

struct Row
{
    std::int64_t key;
    std::string probabilities;
};

// The stored JSON for one line, or the reason it is refused.
std::string checkLine(const nlohmann::json& fields, Project& project, const std::unordered_set<std::string>& labels,
                      bool single, std::int64_t& key)
{
    const auto id = fields.find("id");
    if (id == fields.end() || !(id->is_string() || id->is_number_integer())) {
        throw InputError("\"id\" is missing or not a string or integer");
    }
    const std::string idText = id->is_string() ? id->get<std::string>() : std::to_string(id->get<long long>());
    const auto found = project.samples().keyOf(idText);
    if (!found) {
        throw InputError("no sample with id '" + idText + "' in the project");
    }
    key = *found;
    const auto probabilities = fields.find("probabilities");
    if (probabilities == fields.end() || !probabilities->is_object() || probabilities->empty()) {
        throw InputError("\"probabilities\" is missing or not a non-empty object of label: probability");
    }
    double sum = 0.0;
    nlohmann::ordered_json stored = nlohmann::ordered_json::object();
    for (const auto& [label, p] : probabilities->items()) {
        if (labels.count(label) == 0) {
            throw InputError("label '" + label + "' is not in the project's schema");
        }
        if (!p.is_number() || !(p.get<double>() >= 0.0 && p.get<double>() <= 1.0)) {
            throw InputError("the probability of '" + label + "' is not a number from 0 to 1");
        }
        sum += p.get<double>();
        stored[label] = p.get<double>();
    }
    if (single && std::abs(sum - 1.0) > kSumTolerance) {
        throw InputError("the probabilities sum to " + std::to_string(sum) + ", not 1 (a single-label task)");
    }
    return stored.dump();
}

} // namespace

PredictionImportResult importPredictions(Project& project, const std::string& model, const std::string& path)
{
    if (model.empty()) {
        throw InputError("the model name is empty");
    }
    if (model == kBuiltinModel) {
        throw InputError("the model name 'builtin' is the built-in model's; import under another name");
    }
    std::ifstream input(path, std::ios::binary);
    if (!input) {
        throw InputError(path + ": cannot open the file");
    }
    const std::vector<std::string> classNames = classNamesFor(project.schema());
    const std::unordered_set<std::string> labels(classNames.begin(), classNames.end());
    const bool single = modelKindFor(project.schema()) == ModelKind::Softmax;
    const std::string name = std::filesystem::path(path).filename().string();

    std::vector<std::string> problems;
    std::size_t problemCount = 0;
    const auto problem = [&](std::size_t line, const std::string& reason) {
        if (problems.size() < kListedProblems) {
            problems.push_back(name + ":" + std::to_string(line) + ": " + reason);
        }
        ++problemCount;
    };
    std::vector<Row> rows;
    std::unordered_map<std::int64_t, std::size_t> lineOfKey;
    io::JsonlReader reader(input);
    while (auto result = reader.next()) {
        if (const auto* bad = std::get_if<io::ReadProblem>(&*result)) {
            problem(bad->line, bad->message);
            continue;
        }
        const auto& record = std::get<io::SourceRecord>(*result);
        try {
            std::int64_t key = 0;
            std::string stored = checkLine(record.fields, project, labels, single, key);
            if (const auto [it, inserted] = lineOfKey.emplace(key, record.line); !inserted) {
                throw InputError("the sample is already on line " + std::to_string(it->second));
            }
            rows.push_back({key, std::move(stored)});
        } catch (const InputError& error) {
            problem(record.line, error.what());
        }
    }
    if (problemCount > 0) {
        std::string message = "no predictions imported; " + std::to_string(problemCount) + " problem" +
                              (problemCount == 1 ? "" : "s") + " in " + path + ":";
        for (const auto& line : problems) {
            message += "\n  " + line;
        }
        if (problemCount > problems.size()) {
            message += "\n  ... and " + std::to_string(problemCount - problems.size()) + " more";
        }
        throw InputError(message);
    }
    if (rows.empty()) {
        throw InputError(path + ": no predictions in the file");
    }
    sqlite::Transaction transaction(project.database());
    auto clear = project.database().prepare("DELETE FROM predictions WHERE model = ?");
    clear.bind(1, model).run();
    const std::int64_t now = project.now();
    for (const Row& row : rows) {
        project.predictions().put(row.key, model, row.probabilities, now);
    }
    transaction.commit();
    PredictionImportResult result;
    result.imported = rows.size();
    result.samplesWithout = static_cast<std::size_t>(project.samples().count()) - rows.size();
    return result;
}

} // namespace concord::learn
