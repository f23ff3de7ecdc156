// libFuzzer target for what an import does with each record it reads: the reader (JSON Lines,
// or CSV when the first byte is odd) with nesting bounded at 8 levels, then RecordPreparer with
// every size limit at 1 KiB or less, so that small inputs reach each limit. Whatever the bytes,
// a record is either refused with an InputError or prepared within every limit, with a value
// the schema accepts; nothing crashes or overflows the stack.
#include "FuzzChecks.hpp"

#include "core/io/CsvReader.hpp"
#include "core/io/JsonlReader.hpp"
#include "core/io/RecordPreparer.hpp"
#include "core/util/Error.hpp"

#include <array>
#include <memory>
#include <sstream>

namespace {

using concord::RecordLimits;
using concord::fuzz::require;

constexpr int kDepth = 8;

RecordLimits smallLimits()
{
    RecordLimits limits;
    limits.textBytes = 1024;
    limits.metadataBytes = 1024;
    limits.metadataDepth = kDepth;
    limits.valueBytes = 1024;
    limits.idBytes = 64;
    limits.fileJsonDepth = kDepth;
    return limits;
}

concord::LabelSchema schemaFor(std::uint8_t selector)
{
    static constexpr std::array kinds = {concord::TaskKind::Single, concord::TaskKind::Multi, concord::TaskKind::Spans,
                                         concord::TaskKind::Rating};
    return concord::LabelSchema::fromNames(kinds[selector % kinds.size()], {"a", "b", "c"});
}

void checkPrepared(const concord::io::PreparedRecord& prepared, const concord::LabelSchema& schema,
                   const RecordLimits& limits)
{
    require(concord::jsonEncodedSize(prepared.text) <= limits.textBytes);
    require(!prepared.id.empty() && prepared.id.size() <= limits.idBytes);
    require(prepared.meta.size() <= limits.metadataBytes);
    const auto meta = nlohmann::json::parse(prepared.meta);
    require(meta.is_object() && concord::jsonDepth(meta) <= limits.metadataDepth);
    if (prepared.value) {
        require(prepared.value->size() <= limits.valueBytes);
        schema.validate(nlohmann::json::parse(*prepared.value), prepared.text); // throws: a bug
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) {
        return 0;
    }
    const bool csv = (data[0] & 1) != 0;
    const concord::LabelSchema schema = schemaFor(static_cast<std::uint8_t>(data[0] >> 1));
    const RecordLimits limits = smallLimits();
    std::istringstream input(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
    std::unique_ptr<concord::io::RecordReader> reader;
    if (csv) {
        reader = std::make_unique<concord::io::CsvReader>(input, ',');
    } else {
        reader = std::make_unique<concord::io::JsonlReader>(input, 64 * 1024, kDepth);
    }
    const concord::io::RecordPreparer preparer(concord::io::RecordFields{"text", std::nullopt, "label"}, schema, limits,
                                               "fuzz");
    while (auto result = reader->next()) {
        auto* record = std::get_if<concord::io::SourceRecord>(&*result);
        if (record == nullptr) {
            continue;
        }
        try {
            checkPrepared(preparer.prepare(*record), schema, limits);
        } catch (const concord::InputError&) {
            // Refused with a message: what the importer reports as file:line.
        }
    }
    return 0;
}
