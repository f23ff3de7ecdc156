#include "core/feedback/FieldImport.hpp"

#include "core/feedback/Answers.hpp"
#include "core/io/BoundedJson.hpp"
#include "core/util/Error.hpp"

#include <filesystem>

namespace concord {

namespace {

// Where reshape() leaves a TRL file's recorded preference; no file key can be empty.
constexpr const char* kRecordedPreference = "";

std::string describeType(const nlohmann::json& value)
{
    return std::string(value.type_name());
}

// A chat from a list of messages, or from a CSV cell holding that list as JSON.
nlohmann::json chatFrom(nlohmann::json value, const std::string& where)
{
    if (value.is_string()) {
        try {
            value = io::parseBoundedJson(value.get<std::string>(), limits::kFileJsonDepth);
        } catch (const std::exception&) {
            throw InputError(where + ": expected a list of messages {\"role\", \"content\"}, found text that is not "
                                     "JSON");
        }
    }
    if (!value.is_array()) {
        throw InputError(where + ": expected a list of messages {\"role\", \"content\"}, found " + describeType(value));
    }
    return value;
}

// A TRL value as a field of `kind`: a conversation stays a chat, or becomes its text.
nlohmann::json asField(const nlohmann::json& value, FieldKind kind)
{
    if (kind == FieldKind::Chat) {
        if (value.is_string()) {
            return nlohmann::json::array({{{"role", "user"}, {"content", value}}});
        }
        return value;
    }
    if (!value.is_array()) {
        return value;
    }
    RecordContent record;
    record.fields["x"] = value;
    return fieldText(record, "x");
}

// A conversational TRL response: the last message's content; the messages before it are the
// prompt when the file gives none.
std::pair<nlohmann::json, nlohmann::json> splitConversation(const nlohmann::json& value, const std::string& key)
{
    if (!value.is_array()) {
        return {nlohmann::json(), value};
    }
    if (value.empty() || !value.back().is_object() || !value.back().contains("content")) {
        throw InputError("key '" + key + "': a conversation must end with a message that has content");
    }
    nlohmann::json before = value;
    before.erase(before.size() - 1);
    return {before.empty() ? nlohmann::json() : before, value.back()["content"]};
}

std::optional<double> scoreFrom(const nlohmann::json& value, const std::string& key)
{
    if (value.is_null() || (value.is_string() && value.get_ref<const std::string&>().empty())) {
        return std::nullopt;
    }
    if (value.is_number()) {
        return value.get<double>();
    }
    if (value.is_string()) {
        try {
            std::size_t used = 0;
            const double score = std::stod(value.get<std::string>(), &used);
            if (used == value.get_ref<const std::string&>().size()) {
                return score;
            }
        } catch (const std::exception&) {
        }
    }
    throw InputError("key '" + key + "' (a suggestion's score) is not a number: " + value.dump().substr(0, 80));
}

bool isAbsent(const nlohmann::json& value)
{
    return value.is_null() || (value.is_string() && value.get_ref<const std::string&>().empty());
}

// A value from a file, for a question: JSON text in a CSV cell, or the short forms.
nlohmann::json answerValue(const Question& question, nlohmann::json value)
{
    if (value.is_string() && question.kind != QuestionKind::Text && question.kind != QuestionKind::Label) {
        auto parsed = nlohmann::json::parse(value.get<std::string>(), nullptr, false);
        if (!parsed.is_discarded() && !parsed.is_string()) {
            value = std::move(parsed);
        }
    }
    return answerFromShorthand(question, value);
}

// The record's id, taken out of its keys: the id key's string or integer, else FILE-LINE.
std::string takeId(nlohmann::json& fields, const std::optional<std::string>& idField, const std::string& stem,
                   std::size_t line)
{
    const std::string key = idField.value_or("id");
    const auto found = fields.find(key);
    if (found == fields.end() || found->is_null()) {
        if (idField) {
            throw SettingError("id_field", "no key '" + key + "' for the id");
        }
        return stem + "-" + std::to_string(line);
    }
    std::string id = recordIdFrom(*found, key);
    fields.erase(found);
    return id;
}

} // namespace

std::string recordIdFrom(const nlohmann::json& value, const std::string& key)
{
    std::string id;
    if (value.is_string()) {
        id = value.get<std::string>();
    } else if (value.is_number_integer()) {
        id = value.dump();
    } else {
        throw InputError("key '" + key + "' (the id) is " + describeType(value) + ", expected a string or an integer");
    }
    if (id.empty()) {
        throw InputError("key '" + key + "' (the id) is empty");
    }
    if (id.size() > limits::kIdBytes) {
        throw InputError("key '" + key + "' (the id) has " + std::to_string(id.size()) +
                         " bytes, more than the limit of " + std::to_string(limits::kIdBytes));
    }
    return id;
}

nlohmann::json fieldValueFrom(const Field& field, nlohmann::json value, const std::string& where)
{
    if (field.kind == FieldKind::Chat) {
        return chatFrom(std::move(value), where);
    }
    if (value.is_string()) {
        return value;
    }
    if (value.is_number() || value.is_boolean()) {
        return value.dump();
    }
    throw InputError(where + ": expected text, found " + describeType(value));
}

std::int64_t insertRecord(Project& project, const std::string& id, const RecordContent& content,
                          const std::string& meta, const RecordLimits& limits)
{
    // Encoded once: its size is what the limit measures, and it is what is stored.
    const std::string encoded = encodeRecord(content);
    checkRecord(project.recordSchema(), content, limits, encoded.size());
    const std::string text = primaryText(project.recordSchema(), content);
    const auto key = project.samples().insert(id, text, meta, project.isLegacy() ? "" : encoded);
    if (!key) {
        throw InputError("record '" + id + "' could not be stored (its id is taken)");
    }
    return *key;
}

FieldImporter::FieldImporter(Project& project, FieldImportOptions options)
    : m_project(project), m_options(std::move(options)), m_limits(project.recordLimits()),
      m_idStem(std::filesystem::path(m_options.sourceName).stem().string())
{
    const RecordSchema& schema = project.recordSchema();
    for (const auto& [field, key] : m_options.fieldKeys) {
        if (!schema.findField(field)) {
            throw SettingError("field",
                               "the project has no field '" + field + "' (its fields: " + schema.fieldNames() + ")");
        }
    }
    for (const auto& [target, key] : m_options.metaKeys) {
        const auto dot = target.find('.');
        if (dot == std::string::npos || dot == 0 || dot + 1 == target.size() ||
            !schema.findField(target.substr(0, dot))) {
            throw SettingError("field_meta", "'" + target + "' must be FIELD.NAME with a field of the project (" +
                                                 schema.fieldNames() + ")");
        }
    }
    for (const auto* map : {&m_options.suggestion, &m_options.scoreKeys, &m_options.agents, &m_options.answerKeys}) {
        for (const auto& [question, key] : *map) {
            schema.question(question); // throws SettingError("question")
        }
    }
    for (const auto& [question, key] : m_options.scoreKeys) {
        if (!m_options.suggestion.count(question)) {
            throw SettingError("suggestion",
                               "a score for question '" + question + "' needs its suggestion's key as well");
        }
    }
    const bool answers = !m_options.answerKeys.empty() ||
                         (m_options.shape == RecordShape::TrlPreference && !m_options.preferenceAsSuggestion);
    if (answers && m_options.annotator.empty()) {
        throw SettingError("annotator", "importing answers needs the name of the annotator who gave them");
    }
    if (m_options.shape == RecordShape::Fields) {
        return;
    }
    for (const auto& question : schema.questions) {
        if (question.kind == QuestionKind::Preference && !m_preference) {
            m_preference = &question;
        }
        if (question.kind == QuestionKind::Text && !question.field.empty() && m_responseField.empty()) {
            m_responseField = question.field;
        }
    }
    if (m_options.shape == RecordShape::TrlPreference && !m_preference) {
        throw SettingError("format", "a TRL preference file needs a project with a preference question (as the "
                                     "preference template makes)");
    }
    for (const auto& field : schema.fields) {
        const bool compared =
            m_preference && (field.name == m_preference->fields[0] || field.name == m_preference->fields[1]);
        if (!compared && field.name != m_responseField && m_promptField.empty()) {
            m_promptField = field.name;
        }
    }
    if (m_options.shape == RecordShape::TrlSft) {
        if (m_responseField.empty()) {
            for (const auto& field : schema.fields) {
                if (field.name != m_promptField && field.kind != FieldKind::Chat) {
                    m_responseField = field.name;
                    break;
                }
            }
        }
        if (m_responseField.empty() || m_promptField.empty()) {
            throw SettingError("format", "a TRL prompt-completion file needs a project with a prompt field and a "
                                         "response field (as the sft template makes)");
        }
    }
}

void FieldImporter::reshape(io::SourceRecord& record) const
{
    auto& fields = record.fields;
    const RecordSchema& schema = m_project.recordSchema();
    const auto take = [&](const char* key, bool required) {
        const auto found = fields.find(key);
        if (found == fields.end()) {
            if (required) {
                throw InputError(std::string("key '") + key + "' is missing (a TRL " +
                                 (m_options.shape == RecordShape::TrlPreference ? "preference" : "prompt-completion") +
                                 " record has it)");
            }
            return nlohmann::json();
        }
        nlohmann::json value = std::move(*found);
        fields.erase(found);
        return value;
    };
    nlohmann::json prompt = take("prompt", false);
    if (m_options.shape == RecordShape::TrlSft) {
        auto [before, completion] = splitConversation(take("completion", true), "completion");
        if (prompt.is_null()) {
            prompt = std::move(before);
        }
        fields[m_responseField] = asField(completion, schema.findField(m_responseField)->kind);
    } else {
        auto [chosenPrompt, chosen] = splitConversation(take("chosen", true), "chosen");
        auto [ignored, rejected] = splitConversation(take("rejected", true), "rejected");
        if (prompt.is_null()) {
            prompt = std::move(chosenPrompt); // an implicit prompt: the conversation before the answer
        }
        const std::string& a = m_preference->fields[0];
        const std::string& b = m_preference->fields[1];
        // Which response is shown as A is drawn per record, so that position says nothing.
        const std::string key = fields.contains(m_options.idField.value_or("id"))
                                    ? fields[m_options.idField.value_or("id")].dump()
                                    : std::to_string(record.line);
        const bool chosenFirst = std::hash<std::string>{}(key + "|" + std::to_string(m_project.orderSeed())) % 2 == 0;
        fields[a] = asField(chosenFirst ? chosen : rejected, schema.findField(a)->kind);
        fields[b] = asField(chosenFirst ? rejected : chosen, schema.findField(b)->kind);
        fields[kRecordedPreference] = {{"preference", {{"winner", chosenFirst ? a : b}, {"strength", 1}}}};
    }
    if (!prompt.is_null() && !m_promptField.empty()) {
        fields[m_promptField] = asField(prompt, schema.findField(m_promptField)->kind);
    }
}

RecordContent FieldImporter::takeContent(nlohmann::json& fields) const
{
    RecordContent content;
    for (const auto& field : m_project.recordSchema().fields) {
        const auto mapped = m_options.fieldKeys.find(field.name);
        const std::string key = mapped != m_options.fieldKeys.end() ? mapped->second : field.name;
        const auto found = fields.find(key);
        if (found == fields.end() || isAbsent(*found)) {
            if (found != fields.end()) {
                fields.erase(found);
            }
            continue; // checkRecord names a required field that is missing
        }
        const std::string where = "field '" + field.name + "'" + (key != field.name ? " (key '" + key + "')" : "");
        content.fields[field.name] = fieldValueFrom(field, std::move(*found), where);
        fields.erase(key);
    }
    for (const auto& [target, key] : m_options.metaKeys) {
        const auto found = fields.find(key);
        if (found == fields.end()) {
            continue;
        }
        const auto dot = target.find('.');
        if (!isAbsent(*found)) {
            content.meta[target.substr(0, dot)][target.substr(dot + 1)] = *found;
        }
        fields.erase(found);
    }
    return content;
}

void FieldImporter::importRecord(io::SourceRecord& record, FieldImportReport& report)
{
    if (m_options.shape != RecordShape::Fields) {
        reshape(record);
    }
    auto& fields = record.fields;
    const std::string id = takeId(fields, m_options.idField, m_idStem, record.line);
    const std::string at = "record '" + id + "': ";
    try {
        nlohmann::json recorded;
        if (const auto found = fields.find(kRecordedPreference);
            m_options.shape == RecordShape::TrlPreference && found != fields.end()) {
            recorded = std::move(*found);
            fields.erase(found);
        }
        RecordContent content = takeContent(fields);
        // The keys left over for suggestions, scores and answers; the rest is the record's metadata.
        std::map<std::string, nlohmann::json> columns;
        for (const auto* map : {&m_options.suggestion, &m_options.scoreKeys, &m_options.answerKeys}) {
            for (const auto& [question, key] : *map) {
                if (const auto found = fields.find(key); found != fields.end()) {
                    columns[key] = std::move(*found);
                    fields.erase(found);
                }
            }
        }
        const RecordSchema& schema = m_project.recordSchema();
        std::string meta = fields.dump();
        checkMetadata(fields, meta, m_limits);

        auto key = m_project.samples().keyOf(id);
        if (key) {
            // A record already there: its fields stay, its field metadata and suggestions update.
            const Sample sample = *m_project.samples().findByKey(*key);
            RecordContent stored = m_project.recordOf(sample);
            if (!content.meta.empty() && !sample.record.empty()) {
                stored.meta.update(content.meta);
                checkRecord(schema, stored, m_limits);
                m_project.samples().setRecord(*key, encodeRecord(stored));
            }
            ++report.updated;
        } else {
            key = insertRecord(m_project, id, content, meta, m_limits);
            ++report.added;
        }
        for (const auto& [question, column] : m_options.suggestion) {
            const auto value = columns.find(column);
            if (value == columns.end() || isAbsent(value->second)) {
                continue;
            }
            std::optional<double> score;
            if (const auto scoreKey = m_options.scoreKeys.find(question); scoreKey != m_options.scoreKeys.end()) {
                if (const auto found = columns.find(scoreKey->second); found != columns.end()) {
                    score = scoreFrom(found->second, scoreKey->second);
                }
            }
            const auto agent = m_options.agents.find(question);
            m_project.suggest(*key, question, agent != m_options.agents.end() ? agent->second : "import",
                              answerValue(schema.question(question), value->second), score);
            ++report.suggestions;
        }
        bool answered = false;
        for (const auto& [question, column] : m_options.answerKeys) {
            const auto value = columns.find(column);
            if (value != columns.end() && !isAbsent(value->second)) {
                m_project.answer(*key, m_options.annotator, question,
                                 answerValue(schema.question(question), value->second));
                ++report.answers;
                answered = true;
            }
        }
        if (!recorded.is_null()) {
            if (m_options.preferenceAsSuggestion) {
                const auto agent = m_options.agents.find(m_preference->name);
                m_project.suggest(*key, m_preference->name, agent != m_options.agents.end() ? agent->second : "trl",
                                  recorded, std::nullopt);
                ++report.suggestions;
            } else {
                m_project.answer(*key, m_options.annotator, m_preference->name, recorded);
                ++report.answers;
                answered = true;
            }
        }
        if (answered && m_project.missingRequired(*key, m_options.annotator).empty()) {
            m_project.setStatus(*key, m_options.annotator, ResponseStatus::Submitted);
        }
    } catch (const InputError& error) {
        throw InputError(at + error.what());
    }
}

FieldImportReport FieldImporter::run(io::RecordReader& reader, const Progress& progress,
                                     const std::function<void(const FieldImportProblem&)>& onReject)
{
    FieldImportReport report;
    auto& db = m_project.database();
    sqlite::Transaction transaction(db);
    while (auto result = reader.next()) {
        ++report.records;
        if ((report.records & 0x3FFF) == 0) {
            progress.throwIfCancelled();
            progress.report(reader.bytesConsumed(), 0);
        }
        std::size_t line = 0;
        std::string message;
        std::string raw;
        if (auto* bad = std::get_if<io::ReadProblem>(&*result)) {
            line = bad->line;
            message = std::move(bad->message);
            raw = std::move(bad->raw);
        } else {
            auto& record = std::get<io::SourceRecord>(*result);
            // Each record in a savepoint of its own, so that a bad one leaves nothing behind.
            sqlite::Transaction one(db);
            try {
                FieldImportReport counted;
                importRecord(record, counted);
                one.commit();
                report.added += counted.added;
                report.updated += counted.updated;
                report.suggestions += counted.suggestions;
                report.answers += counted.answers;
                continue;
            } catch (const InputError& error) {
                line = record.line;
                message = error.what();
                raw = std::move(record.raw);
            }
        }
        ++report.problemCount;
        FieldImportProblem problem{line, std::move(message), std::move(raw)};
        if (m_options.skipInvalid && onReject) {
            onReject(problem);
        }
        if (report.problems.size() < m_options.maxReported) {
            report.problems.push_back(std::move(problem));
        }
    }
    progress.report(reader.bytesConsumed(), 0);
    progress.throwIfCancelled();
    if (report.problemCount > 0 && !m_options.skipInvalid) {
        report.added = report.updated = report.suggestions = report.answers = 0;
        return report;
    }
    transaction.commit();
    report.committed = true;
    return report;
}

} // namespace concord
