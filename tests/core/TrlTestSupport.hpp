// What the TRL export tests share: a project of fields and questions in a real file, records
// inserted as an import does, and answers given and submitted through the core API.
#pragma once

#include "core/feedback/RecordContent.hpp"
#include "core/feedback/Templates.hpp"
#include "core/feedback/TrlRows.hpp"
#include "core/store/Project.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace concord::trltest {

inline std::unique_ptr<Project> projectFrom(const std::string& path, const nlohmann::json& schema)
{
    ProjectSettings settings;
    settings.name = "trl";
    return Project::create(path, settings, RecordSchema::fromJson(schema));
}

inline std::int64_t insert(Project& project, const std::string& id, const nlohmann::json& fields)
{
    RecordContent record;
    record.fields = fields;
    checkRecord(project.recordSchema(), record, project.recordLimits());
    const auto key =
        project.samples().insert(id, primaryText(project.recordSchema(), record), "{}", encodeRecord(record));
    REQUIRE(key);
    return *key;
}

// The annotator's answer to one question, submitted.
inline void submit(Project& project, std::int64_t key, const std::string& annotator, const std::string& question,
                   const nlohmann::json& value)
{
    project.answer(key, annotator, question, value);
    project.setStatus(key, annotator, ResponseStatus::Submitted);
}

inline nlohmann::json prefer(const char* winner, int strength)
{
    return {{"preference", {{"winner", winner}, {"strength", strength}}}};
}

inline nlohmann::json tie()
{
    return {{"preference", {{"winner", nullptr}, {"strength", 0}}}};
}

// The rows as plain JSON (key order aside), to compare with hand-written expectations.
inline std::vector<nlohmann::json> plain(const TrlRows& rows)
{
    return {rows.rows.begin(), rows.rows.end()};
}

inline std::size_t droppedBy(const TrlRows& rows, const std::string& rule)
{
    for (const auto& [name, count] : rows.dropped) {
        if (name == rule) {
            return count;
        }
    }
    return 0;
}

} // namespace concord::trltest
