#include "core/feedback/RecordStream.hpp"

#include "core/store/Project.hpp"

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

void forEachRecordFields(Project& project, const std::vector<std::string>& fields,
                         const std::function<void(const Sample&, const RecordContent&)>& visit)
{
    const RecordSchema& schema = project.recordSchema();
    for (const std::string& name : fields) {
        const Field* field = schema.findField(name);
        if (field == nullptr || field->kind == FieldKind::Chat) {
            forEachRecord(project, visit);
            return;
        }
    }
    std::string sql = "SELECT pk, id";
    for (std::size_t i = 0; i < fields.size(); ++i) {
        sql += ", json_extract(record, ?" + std::to_string(i + 1) + ")";
    }
    auto statement = project.database().prepare(sql + " FROM samples ORDER BY pk");
    for (std::size_t i = 0; i < fields.size(); ++i) {
        // Field names are letters, digits, '_' and '-': quoted, they are a JSON path's label.
        statement.bind(static_cast<int>(i + 1), "$.fields.\"" + fields[i] + "\"");
    }
    Sample sample;
    RecordContent record;
    while (statement.step()) {
        sample.key = statement.columnInt(0);
        sample.id = statement.columnText(1);
        record.fields = nlohmann::json::object();
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const int column = static_cast<int>(i + 2);
            if (!statement.isNull(column)) {
                record.fields[fields[i]] = statement.columnText(column);
            }
        }
        visit(sample, record);
    }
}

} // namespace concord
