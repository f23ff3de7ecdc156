#include "core/quality/leaderboard/ProjectComparisons.hpp"

#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <optional>

namespace concord::quality {

namespace {

const Question& chooseQuestion(const RecordSchema& schema, const std::string& name)
{
    const auto compares = [](const Question& q) {
        return q.kind == QuestionKind::Preference || q.kind == QuestionKind::Ranking;
    };
    if (!name.empty()) {
        const Question* question = schema.findQuestion(name);
        if (question == nullptr) {
            throw SettingError("question", "the project has no question '" + name + "'");
        }
        if (!compares(*question)) {
            throw SettingError("question", "question '" + name + "' is a " + std::string(toString(question->kind)) +
                                               " question; a leaderboard reads preference and ranking questions");
        }
        return *question;
    }
    for (const QuestionKind kind : {QuestionKind::Preference, QuestionKind::Ranking}) {
        for (const Question& question : schema.questions) {
            if (question.kind == kind) {
                return question;
            }
        }
    }
    throw SettingError("question", "the project asks no preference or ranking question to rank models by");
}

// The model named in each compared field's metadata; nullopt when a field names none.
std::optional<std::vector<std::string>> modelsOf(const Question& question, const nlohmann::json& meta)
{
    std::vector<std::string> models;
    for (const std::string& field : question.fields) {
        const auto found = meta.find(field);
        if (found == meta.end() || !found->is_object()) {
            return std::nullopt;
        }
        const auto model = found->find(kModelMetaKey);
        if (model == found->end() || !model->is_string() || model->get_ref<const std::string&>().empty()) {
            return std::nullopt;
        }
        models.push_back(model->get<std::string>());
    }
    return models;
}

} // namespace

ProjectComparisons loadProjectComparisons(Project& project, const std::string& questionName)
{
    const Question& question = chooseQuestion(project.recordSchema(), questionName);
    ProjectComparisons out;
    out.question = question.name;
    out.questionKind = std::string(toString(question.kind));

    // Submitted answers only: a response without a status row counts as submitted.
    auto statement = project.database().prepare(
        "SELECT a.sample, s.record, a.value FROM answers a JOIN samples s ON s.pk = a.sample "
        "WHERE a.question = ?1 AND coalesce((SELECT r.status FROM responses r "
        "WHERE r.sample = a.sample AND r.annotator = a.annotator), 'submitted') = 'submitted' "
        "ORDER BY a.sample, a.annotator");
    statement.bind(1, question.name);
    ComparisonSetBuilder builder;
    std::int64_t currentSample = -1;
    std::optional<std::vector<std::string>> models;
    std::uint32_t record = 0;
    while (statement.step()) {
        const std::int64_t sample = statement.columnInt(0);
        if (sample != currentSample) {
            currentSample = sample;
            ++out.records;
            models =
                statement.isNull(1) ? std::nullopt : modelsOf(question, decodeRecord(statement.columnView(1)).meta);
            if (!models) {
                ++out.skippedRecords;
            }
            record = builder.newRecord();
        }
        ++out.votes;
        if (!models) {
            ++out.skippedVotes;
            continue;
        }
        const nlohmann::json value = nlohmann::json::parse(statement.columnView(2));
        const auto compare = [&](std::size_t i, std::size_t j, Outcome outcome) {
            if ((*models)[i] == (*models)[j]) {
                ++out.samePairs;
                return;
            }
            builder.add(record, (*models)[i], (*models)[j], outcome);
        };
        if (question.kind == QuestionKind::Preference) {
            const auto& winner = value.at("preference").at("winner");
            compare(0, 1,
                    winner.is_null()               ? Outcome::Tie
                    : winner == question.fields[0] ? Outcome::AWins
                                                   : Outcome::BWins);
            continue;
        }
        const auto& ranks = value.at("ranking");
        for (std::size_t i = 0; i < question.fields.size(); ++i) {
            for (std::size_t j = i + 1; j < question.fields.size(); ++j) {
                const auto ri = ranks.at(question.fields[i]).get<std::int64_t>();
                const auto rj = ranks.at(question.fields[j]).get<std::int64_t>();
                compare(i, j, ri < rj ? Outcome::AWins : ri > rj ? Outcome::BWins : Outcome::Tie);
            }
        }
    }
    out.set = builder.build();
    return out;
}

} // namespace concord::quality
