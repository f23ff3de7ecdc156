// The Argilla flat form read back into a project; ArgillaImport.hpp says what comes back how.
#include "core/feedback/ArgillaImport.hpp"

#include "core/feedback/FieldImport.hpp"
#include "core/util/Error.hpp"

#include <map>
#include <set>

namespace concord {

// A named namespace: a unity build puts this file in one batch with its neighbours.
namespace argilla_import {

const char* const kResponseColumns[] = {".responses", ".responses.users", ".responses.status"};
const char* const kSuggestionColumns[] = {".suggestion", ".suggestion.score", ".suggestion.agent"};
// Columns Argilla itself writes that say nothing a project keeps.
const std::set<std::string> kIgnored = {"status", "_server_id", "inserted_at", "updated_at"};

// A problem in one column, so that the message can name it.
struct ColumnError : InputError
{
    ColumnError(std::string column, const std::string& message) : InputError(message), column(std::move(column)) {}
    std::string column;
};

std::vector<std::string> expectedColumns(const RecordSchema& schema)
{
    std::vector<std::string> columns = {"id"};
    for (const Field& field : schema.fields) {
        columns.push_back(field.name);
    }
    for (const Question& question : schema.questions) {
        for (const char* suffix : kResponseColumns) {
            columns.push_back(question.name + suffix);
        }
        for (const char* suffix : kSuggestionColumns) {
            columns.push_back(question.name + suffix);
        }
    }
    return columns;
}

void checkColumns(const nlohmann::json& row, const std::vector<std::string>& expected, const RecordSchema& schema)
{
    // Every unknown and missing column in one message: a file made from another schema shows
    // its whole difference at once.
    const std::set<std::string> known(expected.begin(), expected.end());
    std::vector<std::string> unknown, missing;
    for (const auto& [column, value] : row.items()) {
        if (!known.count(column) && !kIgnored.count(column)) {
            unknown.push_back(column.substr(0, 64));
        }
    }
    for (const auto& column : expected) {
        if (!row.contains(column)) {
            missing.push_back(column);
        }
    }
    const auto list = [](const std::vector<std::string>& names, std::size_t from) {
        std::string text;
        for (std::size_t i = from; i < names.size() && i < from + 8; ++i) {
            text += (text.empty() ? "'" : ", '") + names[i] + "'";
        }
        return text + (names.size() > from + 8 ? ", ..." : "");
    };
    std::string others;
    if (unknown.size() > 1) {
        others += "; also unknown: " + list(unknown, 1);
    }
    if (!missing.empty() && !unknown.empty()) {
        others += "; missing: " + list(missing, 0);
    }
    if (!unknown.empty()) {
        throw ColumnError(unknown.front(),
                          "unknown column: the project has no such field or question (fields: " + schema.fieldNames() +
                              "; questions: " + schema.questionNames() + ")" + others);
    }
    if (!missing.empty()) {
        throw ColumnError(missing.front(), "missing column (the project's fields and questions each have theirs)" +
                                               (missing.size() > 1 ? "; also missing: " + list(missing, 1) : ""));
    }
}

const nlohmann::json& listIn(const nlohmann::json& row, const std::string& column, std::size_t size)
{
    const auto& list = row.at(column);
    if (!list.is_array() || list.size() != size) {
        throw ColumnError(column, "expected a list of " + std::to_string(size) + " (one per response), found " +
                                      list.dump().substr(0, 80));
    }
    return list;
}

std::string nameIn(const nlohmann::json& value, const std::string& column, const char* what)
{
    if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
        throw ColumnError(column, std::string("expected ") + what + " (a non-empty string), found " +
                                      value.dump().substr(0, 80));
    }
    return value.get<std::string>();
}

// Every annotator's answers to the row's questions, with each annotator's one status.
std::size_t importResponses(Project& project, std::int64_t key, const nlohmann::json& row)
{
    std::map<std::string, std::pair<ResponseStatus, std::string>> statuses; // annotator -> status, its column
    std::size_t answers = 0;
    for (const Question& question : project.recordSchema().questions) {
        const std::string column = question.name + ".responses";
        const auto& values = row.at(column);
        if (!values.is_array()) {
            throw ColumnError(column, "expected a list of responses, found " + values.dump().substr(0, 80));
        }
        const auto& users = listIn(row, column + ".users", values.size());
        const auto& status = listIn(row, column + ".status", values.size());
        for (std::size_t i = 0; i < values.size(); ++i) {
            const std::string user = nameIn(users[i], column + ".users", "an annotator's name");
            ResponseStatus given;
            try {
                given = responseStatusFromString(nameIn(status[i], column + ".status", "a status"));
            } catch (const ColumnError&) {
                throw;
            } catch (const InputError& error) {
                throw ColumnError(column + ".status", error.what());
            }
            const auto [seen, added] = statuses.emplace(user, std::make_pair(given, column + ".status"));
            if (!added && seen->second.first != given) {
                throw ColumnError(column + ".status", user + "'s status is " + std::string(toString(given)) +
                                                          " here but " + std::string(toString(seen->second.first)) +
                                                          " in column '" + seen->second.second +
                                                          "'; a response has one status");
            }
            try {
                project.answer(key, user, question.name, answerFromArgilla(question, values[i]));
            } catch (const InputError& error) {
                throw ColumnError(column, "response " + std::to_string(i + 1) + " (" + user + "): " + error.what());
            }
            ++answers;
        }
    }
    for (const auto& [user, status] : statuses) {
        try {
            project.setStatus(key, user, status.first);
        } catch (const InputError& error) {
            throw ColumnError(status.second, error.what());
        }
    }
    return answers;
}

std::size_t importSuggestions(Project& project, std::int64_t key, const nlohmann::json& row)
{
    std::size_t count = 0;
    for (const Question& question : project.recordSchema().questions) {
        const std::string column = question.name + ".suggestion";
        const auto& value = row.at(column);
        if (value.is_null()) {
            continue;
        }
        const auto& score = row.at(column + ".score");
        if (!score.is_null() && !score.is_number()) {
            throw ColumnError(column + ".score", "expected a number or null, found " + score.dump().substr(0, 80));
        }
        const auto& agent = row.at(column + ".agent");
        try {
            project.suggest(key, question.name,
                            agent.is_null() ? std::string("argilla")
                                            : nameIn(agent, column + ".agent", "the suggestion's agent"),
                            answerFromArgilla(question, value),
                            score.is_null() ? std::nullopt : std::optional<double>(score.get<double>()));
        } catch (const ColumnError&) {
            throw;
        } catch (const InputError& error) {
            throw ColumnError(column, error.what());
        }
        ++count;
    }
    return count;
}

void importRow(Project& project, nlohmann::json& row, const std::vector<std::string>& columns,
               const RecordLimits& limits, ArgillaImportReport& report)
{
    const RecordSchema& schema = project.recordSchema();
    checkColumns(row, columns, schema);
    std::string id;
    try {
        id = recordIdFrom(row.at("id"), "id");
    } catch (const InputError& error) {
        throw ColumnError("id", error.what());
    }
    auto key = project.samples().keyOf(id);
    if (key) {
        ++report.existing; // its fields stay as they are
    } else {
        RecordContent content;
        for (const Field& field : schema.fields) {
            auto& value = row.at(field.name);
            if (!value.is_null()) {
                try {
                    content.fields[field.name] = fieldValueFrom(field, std::move(value), "field '" + field.name + "'");
                } catch (const InputError& error) {
                    throw ColumnError(field.name, error.what());
                }
            }
        }
        try {
            key = insertRecord(project, id, content, "{}", limits);
        } catch (const InputError& error) {
            throw ColumnError(schema.fields.front().name, "record '" + id + "': " + error.what());
        }
        ++report.added;
    }
    report.suggestions += importSuggestions(project, *key, row);
    report.answers += importResponses(project, *key, row);
}

} // namespace argilla_import

nlohmann::json answerFromArgilla(const Question& question, const nlohmann::json& value)
{
    const auto expected = [&](const char* form) {
        return InputError("expected " + std::string(form) + " for a " + std::string(toString(question.kind)) +
                          " question, found " + value.dump().substr(0, 80));
    };
    switch (question.kind) {
    case QuestionKind::Label:
        if (value.is_null()) {
            return {{"labels", nlohmann::json::array()}};
        }
        if (!value.is_string()) {
            throw expected("a label name");
        }
        return {{"labels", nlohmann::json::array({value})}};
    case QuestionKind::MultiLabel:
    case QuestionKind::Spans:
        if (!value.is_array()) {
            throw expected(question.kind == QuestionKind::Spans ? "a list of spans" : "a list of label names");
        }
        return {{question.kind == QuestionKind::Spans ? "spans" : "labels", value}};
    case QuestionKind::Rating:
        if (!value.is_number_integer()) {
            throw expected("an integer rating");
        }
        return {{"rating", value}};
    case QuestionKind::Text:
        if (!value.is_string()) {
            throw expected("a text");
        }
        return {{"text", value}};
    case QuestionKind::Preference:
        if (!value.is_string()) {
            throw expected("the winning field or \"tie\"");
        }
        if (value == "tie") {
            return {{"preference", {{"winner", nullptr}, {"strength", 0}}}};
        }
        return {{"preference", {{"winner", value}, {"strength", 1}}}};
    case QuestionKind::Ranking: {
        if (!value.is_array()) {
            throw expected("the ranked fields, best first");
        }
        nlohmann::json ranks = nlohmann::json::object();
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (!value[i].is_string() || ranks.contains(value[i].get<std::string>())) {
                throw expected("the ranked fields, best first, each once");
            }
            ranks[value[i].get<std::string>()] = i + 1;
        }
        return {{"ranking", ranks}};
    }
    }
    return value;
}

ArgillaImportReport importArgilla(Project& project, io::RecordReader& reader, const std::string& sourceName,
                                  const Progress& progress)
{
    const std::vector<std::string> columns = argilla_import::expectedColumns(project.recordSchema());
    const RecordLimits limits = project.recordLimits();
    ArgillaImportReport report;
    sqlite::Transaction transaction(project.database());
    while (auto result = reader.next()) {
        ++report.records;
        if ((report.records & 0x3FF) == 0) {
            progress.throwIfCancelled();
            progress.report(reader.bytesConsumed(), 0);
        }
        if (const auto* bad = std::get_if<io::ReadProblem>(&*result)) {
            throw InputError(sourceName + ":" + std::to_string(bad->line) + ": " + bad->message);
        }
        auto& record = std::get<io::SourceRecord>(*result);
        try {
            argilla_import::importRow(project, record.fields, columns, limits, report);
        } catch (const argilla_import::ColumnError& error) {
            throw InputError(sourceName + ":" + std::to_string(record.line) + ": column '" +
                             error.column.substr(0, 200) + "': " + error.what());
        } catch (const nlohmann::json::exception& error) {
            throw InputError(sourceName + ":" + std::to_string(record.line) + ": " + error.what());
        }
    }
    progress.report(reader.bytesConsumed(), 0);
    progress.throwIfCancelled();
    transaction.commit();
    return report;
}

} // namespace concord
