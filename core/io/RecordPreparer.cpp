#include "core/io/RecordPreparer.hpp"

#include "core/util/Error.hpp"

#include <algorithm>

namespace concord::io {

namespace {

bool isBlank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

std::string typeWithArticle(const nlohmann::json& value)
{
    const std::string name = value.type_name();
    const bool vowel = name[0] == 'a' || name[0] == 'o';
    return (vowel ? "an " : "a ") + name;
}

} // namespace

RecordPreparer::RecordPreparer(RecordFields fields, const LabelSchema& schema, RecordLimits limits, std::string idStem)
    : m_fields(std::move(fields)), m_schema(schema), m_limits(limits), m_idStem(std::move(idStem))
{}

std::string RecordPreparer::generatedId(std::size_t line) const
{
    // Stable across re-imports of the same file, unique within it.
    return m_idStem + "-" + std::to_string(line);
}

PreparedRecord RecordPreparer::prepare(SourceRecord& record) const
{
    auto& fields = record.fields;
    PreparedRecord prepared;

    const auto text = fields.find(m_fields.textField);
    if (text == fields.end()) {
        std::string names;
        for (const auto& [name, value] : fields.items()) {
            names += (names.empty() ? "" : ", ") + name;
        }
        throw SettingError("text_field", "no field '" + m_fields.textField +
                                             "' for the text (fields: " + (names.empty() ? "none" : names) +
                                             "); choose the field that holds the text");
    }
    if (!text->is_string()) {
        throw InputError("field '" + m_fields.textField + "' is " + typeWithArticle(*text) + ", expected a string");
    }
    prepared.text = std::move(text->get_ref<std::string&>());
    fields.erase(text);
    if (isBlank(prepared.text)) {
        throw InputError("field '" + m_fields.textField + "' is empty");
    }
    if (auto problem = textOverLimit(prepared.text, m_limits)) {
        throw InputError("field '" + m_fields.textField + "': " + *problem);
    }

    const std::string idField = m_fields.idField.value_or("id");
    const auto id = fields.find(idField);
    if (id == fields.end() || (id->is_null() && !m_fields.idField)) {
        if (m_fields.idField) {
            throw InputError("no field '" + idField + "' for the id");
        }
        prepared.id = generatedId(record.line);
    } else if (id->is_string()) {
        prepared.id = id->get<std::string>();
        if (isBlank(prepared.id)) {
            throw InputError("field '" + idField + "' (the id) is empty");
        }
    } else if (id->is_number_integer()) {
        prepared.id = id->dump();
    } else {
        throw InputError("field '" + idField + "' (the id) is " + typeWithArticle(*id) +
                         ", expected a string or an integer");
    }

    if (id != fields.end()) {
        fields.erase(id);
    }
    if (prepared.id.size() > m_limits.idBytes) {
        throw InputError("field '" + idField + "' (the id) has " + std::to_string(prepared.id.size()) +
                         " bytes, more than the limit of " + std::to_string(m_limits.idBytes));
    }

    if (m_fields.labelField) {
        const auto label = fields.find(*m_fields.labelField);
        const bool absent = label == fields.end() || label->is_null() || (label->is_string() && label->empty());
        if (!absent) {
            try {
                const nlohmann::json value = m_schema.valueFromShorthand(*label);
                m_schema.validate(value, prepared.text);
                prepared.value = value.dump();
                checkValueSize(*prepared.value, m_limits);
            } catch (const InputError& error) {
                throw InputError("field '" + *m_fields.labelField + "': " + error.what());
            }
        }
        if (label != fields.end()) {
            fields.erase(label);
        }
    }
    // What remains of the record is its metadata.
    prepared.meta = fields.dump();
    checkMetadata(fields, prepared.meta, m_limits);
    return prepared;
}

} // namespace concord::io
