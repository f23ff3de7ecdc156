// libFuzzer target for FrameDecoder: any byte stream gives payloads and then, at most, one
// fatal ProtocolError; never a crash, never a payload above the limit, and the same result
// whether the bytes arrive at once or in pieces of any size. The payloads re-encoded are the
// bytes they were decoded from.
#include "net/protocol/Frame.hpp"
#include "net/protocol/ProtocolError.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace {

void require(bool condition)
{
    if (!condition) {
        __builtin_trap();
    }
}

struct Decoded
{
    std::vector<std::string> payloads;
    bool failed = false;
    std::size_t leftover = 0;
};

Decoded decode(const std::string& bytes, std::size_t chunk)
{
    concord::net::FrameDecoder decoder;
    Decoded decoded;
    for (std::size_t at = 0; at < bytes.size() && !decoded.failed; at += chunk) {
        decoder.feed(std::string_view(bytes).substr(at, chunk));
        try {
            while (auto payload = decoder.next()) {
                require(!payload->empty() && payload->size() <= concord::net::kMaxFrameBytes);
                decoded.payloads.push_back(std::move(*payload));
            }
        } catch (const concord::net::ProtocolError& error) {
            require(error.fatal());
            decoded.failed = true;
        }
    }
    decoded.leftover = decoded.failed ? 0 : decoder.buffered();
    return decoded;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const Decoded whole = decode(bytes, bytes.size() + 1);
    const Decoded pieces = decode(bytes, 1 + (size > 0 ? data[0] % 13 : 0));
    require(whole.payloads == pieces.payloads);
    require(whole.failed == pieces.failed);
    require(whole.leftover == pieces.leftover);

    std::string reencoded;
    for (const auto& payload : whole.payloads) {
        reencoded += concord::net::encodeFrame(payload);
    }
    require(bytes.compare(0, reencoded.size(), reencoded) == 0);
    if (!whole.failed) {
        require(reencoded.size() + whole.leftover == bytes.size());
    }
    return 0;
}
