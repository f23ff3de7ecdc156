// Reads JSON Lines: one JSON object per line, each becoming one record. Blank lines are
// skipped; a UTF-8 byte order mark and CRLF line ends are accepted. A line nesting deeper than
// `maxDepth` is a problem, found before the parser sees it.
#pragma once

#include "core/io/LineSource.hpp"
#include "core/io/RecordReader.hpp"
#include "core/model/RecordLimits.hpp"

namespace concord::io {

class JsonlReader : public RecordReader
{
public:
    explicit JsonlReader(std::istream& input, std::size_t chunkSize = LineSource::kDefaultChunkSize,
                         int maxDepth = limits::kFileJsonDepth);

    std::optional<ReadResult> next() override;
    std::uint64_t bytesConsumed() const override { return m_lines.bytesConsumed(); }

private:
    LineSource m_lines;
    int m_maxDepth;
};

} // namespace concord::io
