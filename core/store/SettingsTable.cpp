#include "core/store/SettingsTable.hpp"

#include "core/util/Error.hpp"

namespace concord::store {

namespace {

constexpr std::size_t kMinTextBytes = 1024;

} // namespace

std::optional<std::string> SettingsTable::get(std::string_view key)
{
    auto& statement = m_db.cached("SELECT value FROM settings WHERE key = ?");
    statement.bind(1, key);
    if (!statement.step()) {
        return std::nullopt;
    }
    return statement.columnText(0);
}

void SettingsTable::set(std::string_view key, std::string_view value)
{
    auto& statement = m_db.cached("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)");
    statement.bind(1, key).bind(2, value).run();
}

ProjectSettings SettingsTable::loadSettings()
{
    ProjectSettings settings;
    settings.name = get("name").value_or(settings.name);
    settings.overlap = std::stoi(get("overlap").value_or("1"));
    settings.blind = get("blind").value_or("0") == "1";
    settings.guidelines = get("guidelines").value_or("");
    if (const auto maxText = get("max_text_bytes")) {
        settings.maxTextBytes = static_cast<std::size_t>(std::stoull(*maxText));
    }
    return settings;
}

void SettingsTable::saveSettings(const ProjectSettings& settings)
{
    if (settings.overlap < 1) {
        throw InputError("overlap must be at least 1 annotator per sample, found " + std::to_string(settings.overlap));
    }
    if (settings.maxTextBytes < kMinTextBytes || settings.maxTextBytes > limits::kMaxTextBytes) {
        throw InputError("the largest text (setting max_text_bytes) must be from " + std::to_string(kMinTextBytes) +
                         " to " + std::to_string(limits::kMaxTextBytes) +
                         " bytes, so that a sample fits a sync "
                         "message; found " +
                         std::to_string(settings.maxTextBytes));
    }
    if (settings.name.size() > limits::kIdBytes) {
        throw InputError("the project's name has " + std::to_string(settings.name.size()) +
                         " bytes, more than the limit of " + std::to_string(limits::kIdBytes));
    }
    if (settings.guidelines.size() > limits::kGuidelinesBytes) {
        throw InputError("the guidelines take " + std::to_string(settings.guidelines.size()) +
                         " bytes, more than the limit of " + std::to_string(limits::kGuidelinesBytes) +
                         " that a sync message carries");
    }
    set("name", settings.name);
    set("overlap", std::to_string(settings.overlap));
    set("blind", settings.blind ? "1" : "0");
    set("guidelines", settings.guidelines);
    set("max_text_bytes", std::to_string(settings.maxTextBytes));
}

LabelSchema SettingsTable::loadSchema()
{
    auto& header = m_db.cached("SELECT kind, rating_min, rating_max, allow_overlap FROM label_schema WHERE id = 1");
    if (!header.step()) {
        throw StoreError(m_db.path() + " has no label schema; the file is damaged or was not made by Concord");
    }
    LabelSchema schema;
    schema.kind = taskKindFromString(header.columnText(0));
    schema.ratingMin = static_cast<int>(header.columnInt(1));
    schema.ratingMax = static_cast<int>(header.columnInt(2));
    schema.allowOverlap = header.columnInt(3) != 0;
    header.reset();
    auto& labels = m_db.cached("SELECT name, color, key FROM labels ORDER BY position");
    while (labels.step()) {
        schema.labels.push_back(Label{labels.columnText(0), labels.columnText(1), labels.columnText(2)});
    }
    return schema;
}

RecordSchema SettingsTable::loadRecordSchema()
{
    const auto stored = get("record_schema");
    if (!stored) {
        return RecordSchema::fromLegacy(loadSchema());
    }
    const auto json = nlohmann::json::parse(*stored, nullptr, false);
    try {
        return RecordSchema::fromJson(json);
    } catch (const InputError& error) {
        throw StoreError(m_db.path() + " holds a schema this build cannot read (" + error.what() + ")");
    }
}

void SettingsTable::saveRecordSchema(const RecordSchema& schema)
{
    // A project of one text and one question keeps the label schema alone, as before questions
    // existed, so that it stays the same file its replicas and exports know.
    const Question& primary = schema.primary();
    if (primary.asksLabels()) {
        saveSchema(primary.labels);
    }
    if (schema.isLegacy()) {
        m_db.cached("DELETE FROM settings WHERE key = 'record_schema'").run();
    } else {
        set("record_schema", schema.toJson().dump());
    }
    set("primary_question", primary.name);
}

void SettingsTable::saveSchema(const LabelSchema& schema)
{
    auto& header = m_db.cached("INSERT OR REPLACE INTO label_schema(id, kind, rating_min, rating_max, allow_overlap) "
                               "VALUES (1, ?, ?, ?, ?)");
    header.bind(1, toString(schema.kind))
        .bind(2, schema.ratingMin)
        .bind(3, schema.ratingMax)
        .bind(4, schema.allowOverlap ? 1 : 0)
        .run();
    m_db.exec("DELETE FROM labels");
    auto& insert = m_db.cached("INSERT INTO labels(position, name, color, key) VALUES (?, ?, ?, ?)");
    for (std::size_t i = 0; i < schema.labels.size(); ++i) {
        const auto& label = schema.labels[i];
        insert.bind(1, static_cast<std::int64_t>(i)).bind(2, label.name).bind(3, label.color).bind(4, label.key).run();
    }
}

} // namespace concord::store
