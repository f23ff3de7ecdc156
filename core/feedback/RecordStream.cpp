#include "core/feedback/RecordStream.hpp"

#include "core/feedback/StoredFields.hpp"
#include "core/store/Project.hpp"
#include "core/store/ReadAside.hpp"

#include <algorithm>
#include <future>
#include <vector>

namespace concord {

namespace record_stream {

constexpr int kPageSize = 1024;

struct DecodedPage
{
    std::vector<Sample> samples;
    std::vector<RecordContent> records; // parallel to samples
};

// Reads no database: only the samples' own strings, so it may run beside the caller's reads.
DecodedPage decode(const Project& project, std::vector<Sample> samples)
{
    DecodedPage page;
    page.records.reserve(samples.size());
    for (const Sample& sample : samples) {
        page.records.push_back(project.recordOf(sample));
    }
    page.samples = std::move(samples);
    return page;
}

// `record`'s fields made of the texts of `fields` (moved out); an empty text is an absent field,
// as fieldText() reads one.
void fill(RecordContent& record, const std::vector<std::string>& fields, std::vector<std::string>& texts)
{
    record.fields = nlohmann::json::object();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (!texts[i].empty()) {
            record.fields[fields[i]] = std::move(texts[i]);
        }
    }
}

} // namespace record_stream

void forEachRecord(Project& project, const std::function<void(const Sample&, const RecordContent&)>& visit)
{
    const auto start = [&project](std::vector<Sample> samples) {
        return std::async(std::launch::async, record_stream::decode, std::cref(project), std::move(samples));
    };
    std::vector<Sample> first = project.samples().pageAfter(0, record_stream::kPageSize);
    if (first.empty()) {
        return;
    }
    std::int64_t after = first.back().key;
    auto pending = start(std::move(first));
    while (pending.valid()) {
        const record_stream::DecodedPage page = pending.get();
        std::vector<Sample> next = project.samples().pageAfter(after, record_stream::kPageSize);
        if (!next.empty()) {
            after = next.back().key;
            pending = start(std::move(next));
        }
        for (std::size_t i = 0; i < page.samples.size(); ++i) {
            visit(page.samples[i], page.records[i]);
        }
    }
}

bool arePlainFields(const RecordSchema& schema, const std::vector<std::string>& fields)
{
    return std::all_of(fields.begin(), fields.end(), [&](const std::string& name) {
        const Field* field = schema.findField(name);
        return field != nullptr && field->kind != FieldKind::Chat;
    });
}

void forEachRecordFields(Project& project, const std::vector<std::string>& fields,
                         const std::function<void(const Sample&, const RecordContent&)>& visit)
{
    if (!arePlainFields(project.recordSchema(), fields)) {
        forEachRecord(project, visit);
        return;
    }
    RecordContent record;
    forEachPlainRecordTexts(project.database(), fields, [&](const Sample& sample, std::vector<std::string>& texts) {
        record_stream::fill(record, fields, texts);
        visit(sample, record);
    });
}

void forEachPlainRecordTexts(sqlite::Database& db, const std::vector<std::string>& fields,
                             const std::function<void(const Sample&, std::vector<std::string>& texts)>& visit)
{
    // A record of the one field `text` (a project made before fields) stores no record.
    auto statement = db.prepare("SELECT pk, id, record, iif(coalesce(record, '') = '', text, NULL) FROM samples "
                                "ORDER BY pk");
    Sample sample;
    std::vector<std::string> texts(fields.size());
    while (statement.step()) {
        sample.key = statement.columnInt(0);
        sample.id = statement.columnText(1);
        const std::string_view stored = statement.columnView(2);
        if (stored.empty()) {
            for (std::size_t i = 0; i < fields.size(); ++i) {
                texts[i] = fields[i] == "text" ? statement.columnText(3) : std::string();
            }
        } else if (!pickStoredStrings(stored, fields, texts)) {
            const RecordContent record = decodeRecord(stored);
            for (std::size_t i = 0; i < fields.size(); ++i) {
                texts[i] = fieldText(record, fields[i]);
            }
        }
        visit(sample, texts);
    }
}

RecordFieldsAhead::RecordFieldsAhead(Project& project, std::vector<std::string> fields)
    : m_project(project), m_fields(std::move(fields))
{
    if (arePlainFields(project.recordSchema(), m_fields) && store::canReadAside(project)) {
        m_read = store::readAside(project, [fields = m_fields](sqlite::Database& db) {
            Read read;
            forEachPlainRecordTexts(db, fields, [&](const Sample& sample, std::vector<std::string>& texts) {
                Sample kept;
                kept.key = sample.key;
                kept.id = sample.id;
                read.samples.push_back(std::move(kept));
                read.texts.push_back(std::move(texts));
                texts.resize(fields.size());
            });
            return read;
        });
    }
}

void RecordFieldsAhead::forEach(const std::function<void(const Sample&, const RecordContent&)>& visit)
{
    if (!m_read.valid()) {
        forEachRecordFields(m_project, m_fields, visit);
        return;
    }
    Read read = m_read.get();
    RecordContent record;
    for (std::size_t r = 0; r < read.samples.size(); ++r) {
        record_stream::fill(record, m_fields, read.texts[r]);
        visit(read.samples[r], record);
    }
}

} // namespace concord
