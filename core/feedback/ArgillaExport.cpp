#include "core/feedback/ArgillaExport.hpp"

#include "core/feedback/RecordStream.hpp"
#include "core/store/Project.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace concord {

nlohmann::json argillaValue(const Question& question, const nlohmann::json& value)
{
    switch (question.kind) {
    case QuestionKind::Label:
        return value.at("labels").empty() ? nlohmann::json() : value.at("labels").front();
    case QuestionKind::MultiLabel:
        return value.at("labels");
    case QuestionKind::Spans:
        return value.at("spans");
    case QuestionKind::Rating:
        return value.at("rating");
    case QuestionKind::Text:
        return value.at("text");
    case QuestionKind::Preference: {
        const auto& winner = value.at("preference").at("winner");
        return winner.is_null() ? nlohmann::json("tie") : winner;
    }
    case QuestionKind::Ranking: {
        std::vector<std::pair<double, std::string>> ranked;
        for (const auto& field : question.fields) {
            ranked.emplace_back(value.at("ranking").value(field, 0.0), field);
        }
        std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        nlohmann::json list = nlohmann::json::array();
        for (const auto& entry : ranked) {
            list.push_back(entry.second);
        }
        return list;
    }
    }
    return value;
}

std::vector<nlohmann::ordered_json> argillaRows(Project& project)
{
    const RecordSchema& schema = project.recordSchema();
    using Key = std::pair<std::int64_t, std::string>; // sample, question
    struct Responses
    {
        nlohmann::json values = nlohmann::json::array(), users = nlohmann::json::array(),
                       statuses = nlohmann::json::array();
    };
    std::map<Key, Responses> responses;
    auto answers = project.database().prepare(
        "SELECT a.sample, a.question, a.annotator, a.value, coalesce(r.status, 'submitted') FROM answers a "
        "LEFT JOIN responses r ON r.sample = a.sample AND r.annotator = a.annotator ORDER BY a.sample, a.annotator");
    while (answers.step()) {
        const Question* question = schema.findQuestion(answers.columnText(1));
        if (!question) {
            continue;
        }
        auto& entry = responses[{answers.columnInt(0), question->name}];
        entry.values.push_back(argillaValue(*question, nlohmann::json::parse(answers.columnView(3))));
        entry.users.push_back(answers.columnText(2));
        entry.statuses.push_back(answers.columnText(4));
    }
    std::map<Key, nlohmann::json> suggestions; // the best-scored first, as the plain export orders them
    auto suggested = project.database().prepare("SELECT sample, question, agent, value, score FROM suggestions "
                                                "ORDER BY sample, question, score IS NULL, score DESC, agent");
    while (suggested.step()) {
        const Question* question = schema.findQuestion(suggested.columnText(1));
        const Key key{suggested.columnInt(0), suggested.columnText(1)};
        if (!question || suggestions.count(key)) {
            continue;
        }
        suggestions[key] = {
            {"value", argillaValue(*question, nlohmann::json::parse(suggested.columnView(3)))},
            {"score", suggested.isNull(4) ? nlohmann::json() : nlohmann::json(suggested.columnDouble(4))},
            {"agent", suggested.columnText(2)}};
    }

    std::vector<nlohmann::ordered_json> rows;
    forEachRecord(project, [&](const Sample& sample, const RecordContent& record) {
        nlohmann::ordered_json row;
        row["id"] = sample.id;
        for (const Field& field : schema.fields) {
            row[field.name] = record.fields.contains(field.name) ? record.fields[field.name] : nlohmann::json();
        }
        for (const Question& question : schema.questions) {
            const auto found = responses.find({sample.key, question.name});
            const Responses none;
            const Responses& given = found == responses.end() ? none : found->second;
            row[question.name + ".responses"] = given.values;
            row[question.name + ".responses.users"] = given.users;
            row[question.name + ".responses.status"] = given.statuses;
            const auto suggestion = suggestions.find({sample.key, question.name});
            const bool has = suggestion != suggestions.end();
            row[question.name + ".suggestion"] = has ? suggestion->second["value"] : nlohmann::json();
            row[question.name + ".suggestion.score"] = has ? suggestion->second["score"] : nlohmann::json();
            row[question.name + ".suggestion.agent"] = has ? suggestion->second["agent"] : nlohmann::json();
        }
        rows.push_back(std::move(row));
    });
    return rows;
}

} // namespace concord
