#include "net/protocol/Frame.hpp"

#include "net/protocol/ProtocolError.hpp"

namespace concord::net {

namespace {

std::uint32_t readLength(const char* header)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(header);
    return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) | (std::uint32_t{bytes[2]} << 8) |
           std::uint32_t{bytes[3]};
}

} // namespace

std::string encodeFrame(std::string_view payload)
{
    if (payload.size() > kMaxFrameBytes) {
        throw ProtocolError(ErrorCode::FrameTooLarge, "a message of " + std::to_string(payload.size()) +
                                                          " bytes exceeds the frame limit of " +
                                                          std::to_string(kMaxFrameBytes));
    }
    const auto length = static_cast<std::uint32_t>(payload.size());
    std::string frame(kFrameHeaderBytes, '\0');
    frame[0] = static_cast<char>((length >> 24) & 0xFF);
    frame[1] = static_cast<char>((length >> 16) & 0xFF);
    frame[2] = static_cast<char>((length >> 8) & 0xFF);
    frame[3] = static_cast<char>(length & 0xFF);
    frame.append(payload);
    return frame;
}

void FrameDecoder::feed(std::string_view bytes)
{
    // Drop consumed bytes once they are the larger part, so the buffer stays near one frame.
    if (m_offset > 0 && m_offset >= m_buffer.size() / 2) {
        m_buffer.erase(0, m_offset);
        m_offset = 0;
    }
    m_buffer.append(bytes);
}

std::optional<std::string> FrameDecoder::next()
{
    if (buffered() < kFrameHeaderBytes) {
        return std::nullopt;
    }
    const std::uint32_t length = readLength(m_buffer.data() + m_offset);
    if (length == 0) {
        throw ProtocolError(ErrorCode::BadFrame, "a frame of length zero", true);
    }
    if (length > m_limit) {
        throw ProtocolError(ErrorCode::FrameTooLarge,
                            "a frame of " + std::to_string(length) + " bytes exceeds the limit of " +
                                std::to_string(m_limit) + (m_limit < kMaxFrameBytes ? " before login" : ""),
                            true);
    }
    if (buffered() < kFrameHeaderBytes + length) {
        return std::nullopt;
    }
    std::string payload = m_buffer.substr(m_offset + kFrameHeaderBytes, length);
    m_offset += kFrameHeaderBytes + length;
    if (m_offset == m_buffer.size()) {
        m_buffer.clear();
        m_offset = 0;
    }
    return payload;
}

} // namespace concord::net
