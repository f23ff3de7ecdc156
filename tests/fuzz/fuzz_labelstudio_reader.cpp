// libFuzzer target for the Label Studio reader, the one interchange reader that parses a whole
// file of someone else's JSON: any bytes give records or an InputError, never a crash; what it
// returns fits the project (spans inside their text, known labels, ratings on the scale); and
// writing those records and reading them back gives them again.
#include "FuzzChecks.hpp"

#include "core/export/LabelStudioFormat.hpp"
#include "core/text/Utf8.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <set>
#include <sstream>

namespace {

using concord::TaskKind;
using concord::exporting::ExportRecord;
using concord::exporting::ExportSchema;
using concord::fuzz::require;

void checkFits(const ExportRecord& record, const ExportSchema& schema)
{
    const auto known = [&](const std::string& label) {
        return std::find(schema.labels.begin(), schema.labels.end(), label) != schema.labels.end();
    };
    const auto length = static_cast<std::int64_t>(concord::utf8::codePointCount(record.text));
    for (const auto& span : record.spans) {
        require(0 <= span.start && span.start < span.end && span.end <= length && known(span.label));
    }
    require(std::all_of(record.labels.begin(), record.labels.end(), known));
    require(!record.rating || (*record.rating >= schema.ratingMin && *record.rating <= schema.ratingMax));
    require(!record.emptyAnswer || (record.labels.empty() && record.spans.empty()));
    require(schema.kind != TaskKind::Single || record.labels.size() <= 1);
}

// The records with a value, in id order: what a write and a read keep. Empty when they hold
// what one task cannot (two annotations by one user, two gold values, one id with two texts),
// which the writer merges or refuses.
std::vector<ExportRecord> comparable(const std::vector<ExportRecord>& records, TaskKind kind)
{
    std::vector<ExportRecord> out;
    std::set<std::pair<std::string, std::string>> users;
    std::set<std::string> golds;
    for (const auto& record : records) {
        if (!concord::exporting::hasValue(record, kind)) {
            continue;
        }
        if ((!record.annotator.empty() && !users.emplace(record.id, record.annotator).second) ||
            (record.source == "gold" && !golds.insert(record.id).second)) {
            return {};
        }
        out.push_back(record);
    }
    std::stable_sort(out.begin(), out.end(), [](const ExportRecord& a, const ExportRecord& b) { return a.id < b.id; });
    return out;
}

void readAs(const std::string& bytes, const ExportSchema& schema)
{
    std::vector<ExportRecord> records;
    try {
        std::istringstream input(bytes);
        std::vector<std::string> notes;
        records = concord::exporting::readLabelStudio(input, schema, "fuzz", &notes);
    } catch (const concord::InputError&) {
        return;
    }
    for (const auto& record : records) {
        checkFits(record, schema);
    }
    const auto before = comparable(records, schema.kind);
    if (before.empty()) {
        return;
    }
    std::ostringstream out;
    try {
        concord::exporting::writeLabelStudio(before, schema, out, {true});
    } catch (const concord::InputError&) {
        return; // one id with two texts
    }
    std::istringstream again(out.str());
    require(comparable(concord::exporting::readLabelStudio(again, schema, "again"), schema.kind) == before);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const std::vector<std::string> labels = {"PER", "LOC"};
    readAs(bytes, {TaskKind::Spans, labels, 1, 5});
    readAs(bytes, {TaskKind::Single, labels, 1, 5});
    readAs(bytes, {TaskKind::Multi, labels, 1, 5});
    readAs(bytes, {TaskKind::Rating, {}, 0, 4});
    return 0;
}
