// libFuzzer target for the message parsers: any payload is either a typed message or a
// ProtocolError, for the server's parser (client messages) and the client's (server messages),
// never another exception or a crash. A message that parses serializes to a payload that parses
// to the same message again (compared by serializing both).
#include "net/protocol/Messages.hpp"
#include "net/protocol/ProtocolError.hpp"

#include <cstdint>
#include <string>

namespace {

void require(bool condition)
{
    if (!condition) {
        __builtin_trap();
    }
}

template <typename Parse> void checkRoundTrip(std::string_view payload, Parse parse)
{
    std::string once;
    try {
        once = concord::net::serialize(parse(payload));
    } catch (const concord::net::ProtocolError&) {
        return; // refused, as it should be for most inputs
    }
    // What we serialize we must accept, unchanged.
    std::string twice;
    try {
        twice = concord::net::serialize(parse(once));
    } catch (const concord::net::ProtocolError&) {
        require(false);
    }
    require(once == twice);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view payload(reinterpret_cast<const char*>(data), size);
    checkRoundTrip(payload, [](std::string_view text) { return concord::net::parseClientMessage(text); });
    checkRoundTrip(payload, [](std::string_view text) { return concord::net::parseServerMessage(text); });
    return 0;
}
