// Splits an input stream into physical lines for the line-based readers (JSONL, CSV, text).
// It reads in large chunks because per-character or per-getline reading is what makes
// importers slow; a line is handed out as a view into the chunk buffer, so memory grows
// only with the longest line, never with the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace concord::io {

class LineSource
{
public:
    static constexpr std::size_t kDefaultChunkSize = std::size_t{1} << 20;

    struct Line
    {
        std::size_t number = 0;      // 1-based physical line number
        std::string_view text;       // the line without its terminator
        std::string_view terminator; // "\n", "\r\n", or "" for a last line without one
    };

    // A UTF-8 byte order mark at the very start of the input is skipped (and counted as
    // consumed). `chunkSize` is how much is read at once; tests make it tiny to exercise
    // lines that straddle chunk boundaries.
    explicit LineSource(std::istream& input, std::size_t chunkSize = kDefaultChunkSize);

    // The next line, or nullopt at the end of input. The views stay valid until the next
    // call. Throws StoreError when the stream reports a read error (not for end of input).
    std::optional<Line> next();

    std::uint64_t bytesConsumed() const { return m_consumed; }

private:
    // Moves the unconsumed tail to the front, grows the buffer if the tail fills it, and
    // reads more.
    void refill();
    void skipByteOrderMark();

    std::istream& m_input;
    std::vector<char> m_buffer;
    std::size_t m_begin = 0; // first byte not yet handed out
    std::size_t m_end = 0;   // end of the bytes read so far
    std::size_t m_lineNumber = 0;
    std::uint64_t m_consumed = 0;
    bool m_eof = false;
    bool m_started = false;
};

// True for a line of nothing but spaces, tabs and carriage returns (JSON's whitespace less
// the newline), which the JSONL and text readers skip.
bool isBlankLine(std::string_view line);

// "invalid UTF-8 at byte K of the line" (K 1-based, like a column) when the line is not
// valid UTF-8; nullopt otherwise.
std::optional<std::string> invalidUtf8InLine(std::string_view line);

} // namespace concord::io
