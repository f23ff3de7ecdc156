// Reads plain text with one sample per line: each non-blank line becomes a record whose
// only field is "text". A UTF-8 byte order mark and CRLF line ends are accepted.
#pragma once

#include "core/io/LineSource.hpp"
#include "core/io/RecordReader.hpp"

namespace concord::io {

class TextReader : public RecordReader
{
public:
    explicit TextReader(std::istream& input, std::size_t chunkSize = LineSource::kDefaultChunkSize);

    std::optional<ReadResult> next() override;
    std::uint64_t bytesConsumed() const override { return m_lines.bytesConsumed(); }

private:
    LineSource m_lines;
};

} // namespace concord::io
