#include "core/quality/leaderboard/ProjectComparisons.hpp"

#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <optional>

namespace concord::quality {

namespace {} // namespace

const Question& comparedQuestion(const RecordSchema& schema, const std::string& name)
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

namespace {

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

ModelVoteCounts forEachModelVote(Project& project, const Question& question,
                                 const std::function<void(const ModelVote&)>& visit)
{
    ModelVoteCounts counts;
    // Submitted answers only: a response without a status row counts as submitted.
    auto statement = project.database().prepare(
        "SELECT a.sample, s.record, a.value, s.id, a.annotator FROM answers a JOIN samples s ON s.pk = a.sample "
        "WHERE a.question = ?1 AND coalesce((SELECT r.status FROM responses r "
        "WHERE r.sample = a.sample AND r.annotator = a.annotator), 'submitted') = 'submitted' "
        "ORDER BY a.sample, a.annotator");
    statement.bind(1, question.name);
    std::int64_t currentSample = -1;
    std::optional<std::vector<std::string>> models;
    while (statement.step()) {
        const std::int64_t sample = statement.columnInt(0);
        if (sample != currentSample) {
            currentSample = sample;
            ++counts.records;
            models =
                statement.isNull(1) ? std::nullopt : modelsOf(question, decodeRecord(statement.columnView(1)).meta);
            if (!models) {
                ++counts.skippedRecords;
            }
        }
        ++counts.votes;
        if (!models) {
            ++counts.skippedVotes;
            continue;
        }
        const nlohmann::json value = nlohmann::json::parse(statement.columnView(2));
        const std::string_view id = statement.columnView(3);
        const std::string_view annotator = statement.columnView(4);
        const auto compare = [&](std::size_t i, std::size_t j, Outcome outcome) {
            if ((*models)[i] == (*models)[j]) {
                ++counts.samePairs;
                return;
            }
            visit(ModelVote{sample, id, annotator, (*models)[i], (*models)[j], outcome});
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
    return counts;
}

ProjectComparisons loadProjectComparisons(Project& project, const std::string& questionName)
{
    const Question& question = comparedQuestion(project.recordSchema(), questionName);
    ProjectComparisons out;
    out.question = question.name;
    out.questionKind = std::string(toString(question.kind));
    ComparisonSetBuilder builder;
    std::int64_t currentSample = -1;
    std::uint32_t record = 0;
    const ModelVoteCounts counts = forEachModelVote(project, question, [&](const ModelVote& vote) {
        if (vote.sample != currentSample) {
            currentSample = vote.sample;
            record = builder.newRecord();
        }
        builder.add(record, vote.modelA, vote.modelB, vote.outcome);
    });
    out.votes = counts.votes;
    out.records = counts.records;
    out.skippedRecords = counts.skippedRecords;
    out.skippedVotes = counts.skippedVotes;
    out.samePairs = counts.samePairs;
    out.set = builder.build();
    return out;
}

PairVotes votesBetween(Project& project, const std::string& questionName, const std::string& modelA,
                       const std::string& modelB, std::size_t maxRows)
{
    const Question& question = comparedQuestion(project.recordSchema(), questionName);
    PairVotes out;
    forEachModelVote(project, question, [&](const ModelVote& vote) {
        const bool forward = vote.modelA == modelA && vote.modelB == modelB;
        if (!forward && !(vote.modelA == modelB && vote.modelB == modelA)) {
            return;
        }
        Outcome outcome = vote.outcome;
        if (!forward && outcome != Outcome::Tie) {
            outcome = outcome == Outcome::AWins ? Outcome::BWins : Outcome::AWins;
        }
        (outcome == Outcome::AWins ? out.aWins : outcome == Outcome::BWins ? out.bWins : out.ties) += 1;
        if (out.rows.size() < maxRows) {
            out.rows.push_back({std::string(vote.recordId), std::string(vote.annotator), outcome});
        }
    });
    return out;
}

} // namespace concord::quality
