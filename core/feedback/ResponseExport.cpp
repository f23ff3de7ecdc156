#include "core/feedback/ResponseExport.hpp"

#include "core/io/KeySelection.hpp"

namespace concord {

namespace {

using Json = nlohmann::ordered_json;

// Walks one query's rows in sample order beside the samples' scan.
class SampleCursor
{
public:
    SampleCursor(sqlite::Database& db, const char* sql) : m_statement(db.prepare(sql)), m_more(m_statement.step()) {}

    // Calls `visit` for each row of `key` (the first column), skipping rows of earlier samples.
    template <typename Visit> void rowsOf(std::int64_t key, Visit&& visit)
    {
        while (m_more && m_statement.columnInt(0) < key) {
            m_more = m_statement.step();
        }
        while (m_more && m_statement.columnInt(0) == key) {
            visit(m_statement);
            m_more = m_statement.step();
        }
    }

private:
    sqlite::Statement m_statement;
    bool m_more;
};

} // namespace

std::size_t exportResponsesJsonl(Project& project, std::ostream& output, bool allResponses,
                                 const std::vector<std::int64_t>* only)
{
    auto& db = project.database();
    SampleCursor answers(db, "SELECT sample, annotator, question, value, context FROM answers "
                             "ORDER BY sample, annotator, question");
    SampleCursor responses(db, "SELECT sample, annotator, status, reason, duration_ms FROM responses "
                               "ORDER BY sample, annotator");
    SampleCursor suggestions(db, "SELECT sample, question, agent, value, score FROM suggestions "
                                 "ORDER BY sample, question, score IS NULL, score DESC, agent");
    SampleCursor gold(db, "SELECT sample, question, value, note, author FROM gold ORDER BY sample, question");

    std::size_t count = 0;
    io::KeySelection selection(only);
    project.samples().forEach([&](const Sample& sample) {
        if (!selection.wants(sample.key)) {
            return;
        }
        const RecordContent record = project.recordOf(sample);
        Json line;
        line["id"] = sample.id;
        line["fields"] = Json(record.fields);
        line["field_meta"] = Json(record.meta);
        line["meta"] = Json::parse(sample.meta);

        Json byAnnotator = Json::object();
        responses.rowsOf(sample.key, [&](const sqlite::Statement& row) {
            byAnnotator[row.columnText(1)] = {{"status", row.columnText(2)},
                                              {"reason", row.columnText(3)},
                                              {"duration_ms", row.columnInt(4)},
                                              {"answers", Json::object()}};
        });
        answers.rowsOf(sample.key, [&](const sqlite::Statement& row) {
            const std::string annotator = row.columnText(1);
            if (!byAnnotator.contains(annotator)) {
                // No status: a label made before statuses existed counts as submitted.
                byAnnotator[annotator] = {
                    {"status", "submitted"}, {"reason", ""}, {"duration_ms", 0}, {"answers", Json::object()}};
            }
            Json answer = {{"value", Json::parse(row.columnView(3))}};
            if (const auto context = row.columnView(4); !context.empty()) {
                answer.update(Json::parse(context));
            }
            byAnnotator[annotator]["answers"][row.columnText(2)] = std::move(answer);
        });
        Json kept = Json::object();
        for (auto& [annotator, response] : byAnnotator.items()) {
            if (allResponses || response["status"] == "submitted") {
                kept[annotator] = std::move(response);
            }
        }
        line["responses"] = std::move(kept);

        Json suggested = Json::object();
        suggestions.rowsOf(sample.key, [&](const sqlite::Statement& row) {
            Json entry = {{"agent", row.columnText(2)}, {"value", Json::parse(row.columnView(3))}};
            entry["score"] = row.isNull(4) ? Json() : Json(row.columnDouble(4));
            suggested[row.columnText(1)].push_back(std::move(entry));
        });
        line["suggestions"] = std::move(suggested);

        Json golden = Json::object();
        gold.rowsOf(sample.key, [&](const sqlite::Statement& row) {
            golden[row.columnText(1)] = {
                {"value", Json::parse(row.columnView(2))}, {"note", row.columnText(3)}, {"author", row.columnText(4)}};
        });
        line["gold"] = std::move(golden);
        output << line.dump() << '\n';
        ++count;
    });
    return count;
}

} // namespace concord
