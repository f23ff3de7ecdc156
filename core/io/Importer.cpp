#include "core/io/Importer.hpp"

#include "core/util/Error.hpp"

#include <algorithm>
#include <filesystem>

namespace concord::io {

namespace {

bool isBlank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

std::string describeType(const nlohmann::json& value)
{
    const std::string name = value.type_name();
    const bool vowel = name[0] == 'a' || name[0] == 'o';
    return (vowel ? "an " : "a ") + name;
}

} // namespace

Importer::Importer(Project& project, ImportOptions options)
    : m_project(project), m_options(std::move(options)),
      m_idStem(std::filesystem::path(m_options.sourceName).stem().string())
{
}

std::string Importer::generatedId(std::size_t line) const
{
    // Stable across re-imports of the same file, unique within it.
    return m_idStem + "-" + std::to_string(line);
}

Importer::Prepared Importer::prepare(SourceRecord& record) const
{
    auto& fields = record.fields;
    Prepared prepared;

    const auto text = fields.find(m_options.textField);
    if (text == fields.end()) {
        std::string names;
        for (const auto& [name, value] : fields.items()) {
            names += (names.empty() ? "" : ", ") + name;
        }
        throw InputError("no field '" + m_options.textField + "' for the text (fields: " +
                         (names.empty() ? "none" : names) + "); choose one with --text-field");
    }
    if (!text->is_string()) {
        throw InputError("field '" + m_options.textField + "' is " + describeType(*text) + ", expected a string");
    }
    prepared.text = std::move(text->get_ref<std::string&>());
    fields.erase(text);
    if (isBlank(prepared.text)) {
        throw InputError("field '" + m_options.textField + "' is empty");
    }

    const std::string idField = m_options.idField.value_or("id");
    const auto id = fields.find(idField);
    if (id == fields.end() || (id->is_null() && !m_options.idField)) {
        if (m_options.idField) {
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
        throw InputError("field '" + idField + "' (the id) is " + describeType(*id) +
                         ", expected a string or an integer");
    }

    if (id != fields.end()) {
        fields.erase(id);
    }

    if (m_options.labelField) {
        const auto label = fields.find(*m_options.labelField);
        const bool absent = label == fields.end() || label->is_null() || (label->is_string() && label->empty());
        if (!absent) {
            try {
                const nlohmann::json value = m_project.schema().valueFromShorthand(*label);
                m_project.schema().validate(value, prepared.text);
                prepared.value = value.dump();
            } catch (const InputError& error) {
                throw InputError("field '" + *m_options.labelField + "': " + error.what());
            }
        }
        if (label != fields.end()) {
            fields.erase(label);
        }
    }
    // What remains of the record is its metadata.
    prepared.meta = fields.dump();
    return prepared;
}

ImportReport Importer::run(RecordReader& reader, const std::function<void(std::uint64_t)>& progress,
                           const std::function<void(const ImportProblem&)>& onReject)
{
    if (m_options.labelField && m_options.annotator.empty()) {
        throw InputError("importing labels from field '" + *m_options.labelField +
                         "' needs the annotator's name (--annotator)");
    }
    ImportReport report;
    const auto problem = [&](std::size_t line, std::string message, std::string raw) {
        ++report.problemCount;
        ImportProblem found{line, std::move(message), std::move(raw)};
        if (m_options.skipInvalid && onReject) {
            onReject(found);
        }
        if (report.problems.size() < m_options.maxReported) {
            report.problems.push_back(std::move(found));
        }
    };

    auto& db = m_project.database();
    sqlite::Transaction transaction(db);
    auto& samples = m_project.samples();
    auto& annotations = m_project.annotations();
    const std::int64_t now = m_project.now();

    while (auto result = reader.next()) {
        ++report.records;
        if (progress && (report.records & 0x3FFF) == 0) {
            progress(reader.bytesConsumed());
        }
        if (auto* bad = std::get_if<ReadProblem>(&*result)) {
            problem(bad->line, std::move(bad->message), std::move(bad->raw));
            continue;
        }
        auto& record = std::get<SourceRecord>(*result);
        Prepared prepared;
        try {
            prepared = prepare(record);
        } catch (const InputError& error) {
            problem(record.line, error.what(), std::move(record.raw));
            continue;
        }
        const auto key = samples.insert(prepared.id, prepared.text, prepared.meta);
        if (!key) {
            problem(record.line, "duplicate id '" + prepared.id + "' (already in the project or earlier in the file)",
                    std::move(record.raw));
            continue;
        }
        ++report.imported;
        if (prepared.value) {
            annotations.put(*key, m_options.annotator, *prepared.value, now);
            ++report.labeled;
        }
    }
    if (progress) {
        progress(reader.bytesConsumed());
    }

    if (report.problemCount > 0 && !m_options.skipInvalid) {
        // The transaction's destructor rolls everything back: the project stays as it was.
        report.imported = 0;
        report.labeled = 0;
        return report;
    }
    transaction.commit();
    report.committed = true;
    return report;
}

} // namespace concord::io
