// Frames on the wire: a 4-byte big-endian payload length, then the payload (a UTF-8 JSON
// object). The length has a hard maximum so that a peer cannot make us buffer without bound;
// a frame above it, or of length zero, is a fatal protocol error (as in Asio's chat example's
// decode_header and Mumble's "Host tried to send huge packet").
#pragma once

#include "core/model/RecordLimits.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace concord::net {

constexpr std::size_t kFrameHeaderBytes = 4;
// 4 MiB: room for a page of long samples (documents of a few hundred KiB each), small enough
// that a thousand sessions each holding one stay within a server's memory. core's row limits
// (RecordLimits.hpp) are set so that any stored row fits one.
constexpr std::uint32_t kMaxFrameBytes = static_cast<std::uint32_t>(limits::kFrameBytes);
// Before login a peer is a stranger: the longest legal hello (names and token at their limits,
// every byte escaped) fits, and a connection cannot pin megabytes until the hello deadline.
constexpr std::uint32_t kMaxHelloFrameBytes = 8u * 1024u;

// The frame for `payload`. Throws ProtocolError(FrameTooLarge) above the maximum.
std::string encodeFrame(std::string_view payload);

// Reassembles frames from a byte stream that arrives in pieces of any size.
class FrameDecoder
{
public:
    explicit FrameDecoder(std::uint32_t limit = kMaxFrameBytes) : m_limit(limit) {}
    // The largest frame taken from now on (a session raises it once the peer has logged in).
    void setLimit(std::uint32_t limit) { m_limit = limit; }
    void feed(std::string_view bytes);
    // The next complete payload, or nullopt until more bytes arrive. Throws ProtocolError
    // (fatal) for a frame of length zero or above the maximum; the stream is unusable then.
    std::optional<std::string> next();
    // Bytes of an incomplete frame held (nonzero at end of stream means it was truncated).
    std::size_t buffered() const { return m_buffer.size() - m_offset; }

private:
    std::string m_buffer;
    std::size_t m_offset = 0;
    std::uint32_t m_limit;
};

} // namespace concord::net
