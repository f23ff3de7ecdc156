// Reads JSON Lines: one JSON object per line, each becoming one record. Blank lines are
// skipped; a UTF-8 byte order mark and CRLF line ends are accepted.
#pragma once

#include "core/io/LineSource.hpp"
#include "core/io/RecordReader.hpp"

namespace concord::io {

class JsonlReader : public RecordReader
{
public:
    explicit JsonlReader(std::istream& input, std::size_t chunkSize = LineSource::kDefaultChunkSize);

    std::optional<ReadResult> next() override;
    std::uint64_t bytesConsumed() const override { return m_lines.bytesConsumed(); }

private:
    LineSource m_lines;
};

} // namespace concord::io
