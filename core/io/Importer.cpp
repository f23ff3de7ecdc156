#include "core/io/Importer.hpp"

#include "core/util/Error.hpp"

#include <algorithm>
#include <filesystem>

namespace concord::io {

Importer::Importer(Project& project, ImportOptions options)
    : m_project(project), m_options(std::move(options)),
      m_preparer(RecordFields{m_options.textField, m_options.idField, m_options.labelField}, project.schema(),
                 m_options.limits.value_or(project.recordLimits()),
                 std::filesystem::path(m_options.sourceName).stem().string())
{}

ImportReport Importer::run(RecordReader& reader, const Progress& progress,
                           const std::function<void(const ImportProblem&)>& onReject)
{
    if (m_options.labelField && m_options.annotator.empty()) {
        throw SettingError("annotator", "importing labels from field '" + *m_options.labelField +
                                            "' needs the name of the annotator whose labels they are");
    }
    if (m_options.labelField) {
        checkNameSize(m_options.annotator, "the annotator's name");
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
        if ((report.records & 0x3FFF) == 0) {
            progress.throwIfCancelled(); // the transaction's destructor rolls back
            progress.report(reader.bytesConsumed(), 0);
        }
        if (auto* bad = std::get_if<ReadProblem>(&*result)) {
            problem(bad->line, std::move(bad->message), std::move(bad->raw));
            continue;
        }
        auto& record = std::get<SourceRecord>(*result);
        PreparedRecord prepared;
        try {
            prepared = m_preparer.prepare(record);
        } catch (const InputError& error) {
            if (const auto* setting = dynamic_cast<const SettingError*>(&error)) {
                report.settings.insert(setting->setting());
            }
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
    progress.report(reader.bytesConsumed(), 0);
    // A cancel that came after the last check still keeps the project as it was.
    progress.throwIfCancelled();

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
