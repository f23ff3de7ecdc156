// libFuzzer target for CsvReader: any bytes give records or problems, never a crash; every
// record has exactly the header's fields; results do not depend on the chunk size.
#include "FuzzChecks.hpp"

#include "core/io/CsvReader.hpp"

#include <sstream>

namespace {

std::string readAll(const std::string& bytes, char delimiter, std::size_t chunkSize)
{
    std::istringstream input(bytes);
    concord::io::CsvReader reader(input, delimiter, chunkSize);
    auto drained = concord::fuzz::drainChecked(reader, bytes.size(), [&](const concord::io::SourceRecord& record) {
        concord::fuzz::require(!reader.header().empty());
        concord::fuzz::require(record.fields.size() == reader.header().size());
        for (const auto& name : reader.header()) {
            const auto field = record.fields.find(name);
            concord::fuzz::require(field != record.fields.end() && field->is_string());
        }
    });
    if (reader.header().empty()) {
        // No header: the input was empty, or its header was wrong and that one problem
        // ended the reading.
        concord::fuzz::require(drained.results <= 1);
    } else {
        concord::fuzz::require(reader.bytesConsumed() == bytes.size());
    }
    return std::move(drained.summary);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const std::string whole = readAll(bytes, ',', 64 * 1024);
    concord::fuzz::require(readAll(bytes, ',', 1 + size % 7) == whole);
    readAll(bytes, '\t', 64 * 1024);
    return 0;
}
