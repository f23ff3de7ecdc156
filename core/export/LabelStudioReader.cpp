// Reading Label Studio's JSON export as it comes: tasks into records, one per annotation, with
// what Label Studio allows and Concord does not (one user annotating a task twice, several
// ground truths) settled and said; see LabelStudioFormat.hpp.
#include "core/export/LabelStudioFormat.hpp"

#include "core/export/FormatSupport.hpp"
#include "core/export/IsoTimestamp.hpp"
#include "core/export/LabelStudioResults.hpp"
#include "core/io/BoundedJson.hpp"
#include "core/model/RecordLimits.hpp"
#include "core/util/Error.hpp"

#include <map>
#include <optional>

namespace concord::exporting {

using nlohmann::json;

namespace {

// What the reader settled or left out, for the notes.
struct ReadLog
{
    std::map<std::string, std::size_t> notTaken; // result type → results
    std::size_t cancelled = 0;
    std::size_t withoutValue = 0;
    std::vector<std::string> replaced; // one line per user and task
    std::vector<std::string> goldChoices;
};

// One annotation as read, with what deciding between two of them needs.
struct Read
{
    ExportRecord record;
    std::optional<std::int64_t> time; // updated_at, else created_at, in microseconds
    std::string timeText;
    bool groundTruth = false;
};

std::string annotatorOf(const json& annotation, const detail::Where& where, const std::string& path)
{
    const auto found = annotation.find("completed_by");
    if (found == annotation.end() || found->is_null()) {
        return {};
    }
    if (found->is_string()) {
        return found->get<std::string>();
    }
    if (found->is_number_integer()) {
        return found->dump(); // Label Studio's user id
    }
    if (found->is_object()) {
        if (const auto email = found->find("email"); email != found->end() && email->is_string()) {
            return email->get<std::string>();
        }
        if (const auto id = found->find("id"); id != found->end() && id->is_number_integer()) {
            return id->dump();
        }
    }
    where.fail(path + ".completed_by",
               "is " + detail::describeType(*found) + ", expected a user name, a user id or an object with \"email\"");
}

// A true/false field of the annotation; missing or null is false.
bool flagOf(const json& annotation, const char* field, const detail::Where& where, const std::string& path)
{
    const auto found = annotation.find(field);
    if (found == annotation.end() || found->is_null()) {
        return false;
    }
    if (!found->is_boolean()) {
        where.fail(path + "." + field, "is " + detail::describeType(*found) + ", expected true or false");
    }
    return found->get<bool>();
}

// When the annotation was last saved: updated_at, else created_at (ISO 8601, as Label Studio
// writes them); none when neither reads.
void readTime(const json& annotation, Read& read)
{
    for (const auto& [field, word] : {std::pair{"updated_at", "updated "}, std::pair{"created_at", "created "}}) {
        const auto found = annotation.find(field);
        if (found != annotation.end() && found->is_string()) {
            if (auto time = parseIsoTimestamp(found->get_ref<const std::string&>())) {
                read.time = time;
                read.timeText = word + found->get<std::string>();
                return;
            }
        }
    }
}

// Whether `later` (further down the file) replaces `earlier`: it does unless both have times
// and `earlier`'s is the later one.
bool replaces(const Read& later, const Read& earlier)
{
    return !(later.time && earlier.time && *earlier.time > *later.time);
}

// The task's sample: id (data.id, else the task's id), text, and as metadata the other keys of
// `data` (as a JSONL import keeps a record's other fields) with the task's `meta` over them.
ExportRecord sampleOf(const json& task, detail::Where& where)
{
    ExportRecord base;
    const json& data = detail::requireField(task, "data", where);
    if (const auto id = data.is_object() ? data.find("id") : data.end(); id != data.end()) {
        base.id = detail::idFrom(*id, "data.id", where);
    } else {
        base.id = detail::idFrom(detail::requireField(task, "id", where), "id", where);
    }
    where.setId(base.id);
    base.text = detail::requireString(data, "text", where, "data");
    base.metadata = data;
    base.metadata.erase("text");
    base.metadata.erase("id");
    if (const auto meta = task.find("meta"); meta != task.end() && !meta->is_null()) {
        if (!meta->is_object()) {
            where.fail("meta", "is " + detail::describeType(*meta) + ", expected an object");
        }
        base.metadata.update(*meta);
    }
    return base;
}

std::string taskName(std::size_t index, const std::string& id)
{
    return "task " + std::to_string(index + 1) + " (record '" + id + "')";
}

// The task's annotations, one per user (the latest), at most one of them the gold value.
std::vector<Read> readAnnotations(const json& task, const ExportRecord& base, const ExportSchema& schema,
                                  const detail::Where& where, const std::string& name, ReadLog& log)
{
    std::vector<Read> reads;
    const auto annotations = task.find("annotations");
    if (annotations == task.end() || annotations->is_null()) {
        return reads;
    }
    if (!annotations->is_array()) {
        where.fail("annotations", "is " + detail::describeType(*annotations) + ", expected a list");
    }
    std::map<std::string, std::pair<std::size_t, std::size_t>> byUser; // annotator → (index in reads, count)
    for (std::size_t a = 0; a < annotations->size(); ++a) {
        const json& annotation = (*annotations)[a];
        const std::string path = "annotations[" + std::to_string(a) + "]";
        if (!annotation.is_object()) {
            where.fail(path, "is " + detail::describeType(annotation) + ", expected an object");
        }
        if (flagOf(annotation, "was_cancelled", where, path)) {
            ++log.cancelled;
            continue;
        }
        Read read;
        read.record = base;
        read.record.annotator = annotatorOf(annotation, where, path);
        read.groundTruth = flagOf(annotation, "ground_truth", where, path);
        readTime(annotation, read);
        detail::readLabelStudioResults(annotation, schema, read.record, where, path, log.notTaken);
        if (!hasValue(read.record, schema.kind)) {
            ++log.withoutValue;
        }
        if (read.record.annotator.empty()) {
            reads.push_back(std::move(read));
            continue;
        }
        auto [found, added] = byUser.try_emplace(read.record.annotator, reads.size(), 1);
        if (added) {
            reads.push_back(std::move(read));
            continue;
        }
        ++found->second.second;
        if (replaces(read, reads[found->second.first])) {
            reads[found->second.first] = std::move(read);
        }
    }
    for (const auto& [user, entry] : byUser) {
        if (entry.second > 1) {
            const Read& kept = reads[entry.first];
            log.replaced.push_back(user + " annotated " + name + " " + std::to_string(entry.second) +
                                   " times; the latest (" + (kept.time ? kept.timeText : "the last in the file") +
                                   ") is kept");
        }
    }
    // One gold value per sample: the latest ground truth.
    std::optional<std::size_t> gold;
    std::size_t golds = 0;
    for (std::size_t i = 0; i < reads.size(); ++i) {
        if (reads[i].groundTruth && hasValue(reads[i].record, schema.kind)) {
            ++golds;
            if (!gold || replaces(reads[i], reads[*gold])) {
                gold = i;
            }
        }
    }
    for (std::size_t i = 0; i < reads.size(); ++i) {
        reads[i].record.source = gold && i == *gold ? "gold" : "";
    }
    if (golds > 1) {
        const std::string& author = reads[*gold].record.annotator;
        log.goldChoices.push_back(name + " has " + std::to_string(golds) + " ground-truth annotations; the latest, " +
                                  (author.empty() ? std::string("without an author") : "by " + author) +
                                  ", is the gold value");
    }
    return reads;
}

// At most ten lines of a list, then a count of the rest.
void addCapped(std::vector<std::string>& notes, const std::vector<std::string>& lines)
{
    constexpr std::size_t kShown = 10;
    for (std::size_t i = 0; i < lines.size() && i < kShown; ++i) {
        notes.push_back(lines[i]);
    }
    if (lines.size() > kShown) {
        notes.push_back("... and " + std::to_string(lines.size() - kShown) + " more like these");
    }
}

std::vector<std::string> notesOf(const ReadLog& log, const ExportSchema& schema)
{
    std::vector<std::string> notes;
    if (!log.notTaken.empty()) {
        std::string list;
        for (const auto& [type, count] : log.notTaken) {
            list +=
                (list.empty() ? "" : ", ") + std::to_string(count) + " " + type + (count == 1 ? " result" : " results");
        }
        notes.push_back("not taken: " + list + " (a " + std::string(toString(schema.kind)) + " project takes " +
                        detail::labelStudioResultType(schema.kind) + " results)");
    }
    addCapped(notes, log.replaced);
    addCapped(notes, log.goldChoices);
    if (log.withoutValue > 0) {
        notes.push_back(std::to_string(log.withoutValue) + " annotation" + (log.withoutValue == 1 ? "" : "s") +
                        " with no value this project takes (left without an annotation)");
    }
    if (log.cancelled > 0) {
        notes.push_back(std::to_string(log.cancelled) + " cancelled (skipped) annotation" +
                        (log.cancelled == 1 ? "" : "s") + " left out");
    }
    return notes;
}

} // namespace

std::vector<ExportRecord> readLabelStudio(std::istream& input, const ExportSchema& schema,
                                          const std::string& sourceName, std::vector<std::string>* notes)
{
    json tasks;
    try {
        const std::string text{std::istreambuf_iterator<char>(input), std::istreambuf_iterator<char>()};
        tasks = io::parseBoundedJson(text, limits::kFileJsonDepth);
    } catch (const json::exception& error) { // a syntax error, or a number too large for a double
        throw InputError(sourceName + ": invalid JSON: " + error.what());
    } catch (const InputError& error) { // nested too deep
        throw InputError(sourceName + ": " + error.what());
    }
    if (!tasks.is_array()) {
        throw InputError(sourceName + ": a Label Studio export is a JSON list of tasks, not " +
                         detail::describeType(tasks));
    }
    std::vector<ExportRecord> records;
    ReadLog log;
    for (std::size_t t = 0; t < tasks.size(); ++t) {
        // Label Studio's file is one JSON value; the task's position stands in for a line.
        detail::Where where(sourceName + " task " + std::to_string(t + 1), 0);
        ExportRecord base = sampleOf(tasks[t], where);
        auto reads = readAnnotations(tasks[t], base, schema, where, taskName(t, base.id), log);
        if (reads.empty()) {
            records.push_back(std::move(base));
        }
        for (auto& read : reads) {
            records.push_back(std::move(read.record));
        }
    }
    if (notes != nullptr) {
        const auto found = notesOf(log, schema);
        notes->insert(notes->end(), found.begin(), found.end());
    }
    return records;
}

} // namespace concord::exporting
