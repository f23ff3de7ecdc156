// libFuzzer target for JsonlReader: any bytes give records or problems, never a crash, and
// the same results whether the input arrives in one chunk or in tiny ones.
#include "FuzzChecks.hpp"

#include "core/io/JsonlReader.hpp"

#include <sstream>

namespace {

std::string readAll(const std::string& bytes, std::size_t chunkSize)
{
    std::istringstream input(bytes);
    concord::io::JsonlReader reader(input, chunkSize);
    auto drained = concord::fuzz::drainChecked(reader, bytes.size(), [](const concord::io::SourceRecord& record) {
        // One record per physical line.
        concord::fuzz::require(record.raw.find('\n') == std::string::npos);
    });
    concord::fuzz::require(reader.bytesConsumed() == bytes.size());
    return std::move(drained.summary);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    // 64 KiB holds the fuzzer's inputs whole; the small chunk puts lines across boundaries.
    const std::string whole = readAll(bytes, 64 * 1024);
    concord::fuzz::require(readAll(bytes, 1 + size % 7) == whole);
    return 0;
}
