// Project settings (name, overlap, blind mode, guidelines) and the label schema, which
// together describe how a project is labeled.
#pragma once

#include "core/feedback/RecordSchema.hpp"
#include "core/model/LabelSchema.hpp"
#include "core/model/Records.hpp"
#include "core/store/Sqlite.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace concord::store {

class SettingsTable
{
public:
    explicit SettingsTable(sqlite::Database& db) : m_db(db) {}

    std::optional<std::string> get(std::string_view key);
    void set(std::string_view key, std::string_view value);

    ProjectSettings loadSettings();
    void saveSettings(const ProjectSettings& settings);

    LabelSchema loadSchema();
    void saveSchema(const LabelSchema& schema);

    // The fields and questions; a project without them stored is one of a label schema.
    RecordSchema loadRecordSchema();
    void saveRecordSchema(const RecordSchema& schema);

private:
    sqlite::Database& m_db;
};

} // namespace concord::store
