// Chunked line splitting shared by the line-based readers; see LineSource.hpp.
#include "core/io/LineSource.hpp"

#include "core/text/Utf8.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <cstring>

namespace concord::io {

LineSource::LineSource(std::istream& input, std::size_t chunkSize)
    : m_input(input), m_buffer(std::max<std::size_t>(chunkSize, 1))
{}

void LineSource::refill()
{
    if (m_begin > 0) {
        std::memmove(m_buffer.data(), m_buffer.data() + m_begin, m_end - m_begin);
        m_end -= m_begin;
        m_begin = 0;
    }
    if (m_end == m_buffer.size()) {
        // One line fills the whole buffer: grow geometrically so a long line costs
        // amortised linear time.
        m_buffer.resize(m_buffer.size() * 2);
    }
    const std::size_t wanted = m_buffer.size() - m_end;
    m_input.read(m_buffer.data() + m_end, static_cast<std::streamsize>(wanted));
    if (m_input.bad()) {
        throw StoreError("reading the input failed");
    }
    const auto got = static_cast<std::size_t>(m_input.gcount());
    m_end += got;
    // A short read means end of input (istream::read only stops early at the end).
    m_eof = got < wanted;
}

void LineSource::skipByteOrderMark()
{
    while (m_end - m_begin < 3 && !m_eof) {
        refill();
    }
    static constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (std::string_view(m_buffer.data() + m_begin, m_end - m_begin).starts_with(kBom)) {
        m_begin += kBom.size();
        m_consumed += kBom.size();
    }
}

std::optional<LineSource::Line> LineSource::next()
{
    if (!m_started) {
        m_started = true;
        skipByteOrderMark();
    }
    std::size_t scanFrom = m_begin;
    for (;;) {
        const char* base = m_buffer.data();
        const void* found = std::memchr(base + scanFrom, '\n', m_end - scanFrom);
        std::size_t textEnd = 0;
        std::size_t lineEnd = 0;
        if (found != nullptr) {
            lineEnd = static_cast<std::size_t>(static_cast<const char*>(found) - base) + 1;
            textEnd = lineEnd - 1;
        } else if (m_eof) {
            if (m_begin == m_end) {
                return std::nullopt;
            }
            lineEnd = m_end;
            textEnd = m_end;
        } else {
            // No newline in what is buffered: keep what was scanned, read more.
            const std::size_t scanned = m_end - m_begin;
            refill();
            scanFrom = m_begin + scanned;
            continue;
        }
        if (textEnd > m_begin && base[textEnd - 1] == '\r') {
            --textEnd; // CRLF, or a lone CR closing the last line
        }
        Line line;
        line.number = ++m_lineNumber;
        line.text = std::string_view(base + m_begin, textEnd - m_begin);
        line.terminator = std::string_view(base + textEnd, lineEnd - textEnd);
        m_consumed += lineEnd - m_begin;
        m_begin = lineEnd;
        return line;
    }
}

bool isBlankLine(std::string_view line)
{
    return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

std::optional<std::string> invalidUtf8InLine(std::string_view line)
{
    if (const auto bad = utf8::firstInvalidByte(line)) {
        return "invalid UTF-8 at byte " + std::to_string(*bad + 1) + " of the line";
    }
    return std::nullopt;
}

} // namespace concord::io
