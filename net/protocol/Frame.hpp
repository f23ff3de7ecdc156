// Frames on the wire: a 4-byte big-endian payload length, then the payload (a UTF-8 JSON
// object). The length has a hard maximum so that a peer cannot make us buffer without bound;
// a frame above it, or of length zero, is a fatal protocol error (as in Asio's chat example's
// decode_header and Mumble's "Host tried to send huge packet").
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace concord::net {

constexpr std::size_t kFrameHeaderBytes = 4;
// 4 MiB: room for a page of long samples (documents of a few hundred KiB each), small enough
// that a thousand sessions each holding one stay within a server's memory.
constexpr std::uint32_t kMaxFrameBytes = 4u * 1024u * 1024u;

// The frame for `payload`. Throws ProtocolError(FrameTooLarge) above the maximum.
std::string encodeFrame(std::string_view payload);

// Reassembles frames from a byte stream that arrives in pieces of any size.
class FrameDecoder
{
public:
    void feed(std::string_view bytes);
    // The next complete payload, or nullopt until more bytes arrive. Throws ProtocolError
    // (fatal) for a frame of length zero or above the maximum; the stream is unusable then.
    std::optional<std::string> next();
    // Bytes of an incomplete frame held (nonzero at end of stream means it was truncated).
    std::size_t buffered() const { return m_buffer.size() - m_offset; }

private:
    std::string m_buffer;
    std::size_t m_offset = 0;
};

} // namespace concord::net
