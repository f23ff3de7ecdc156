// Reads CSV (RFC 4180) and TSV: the first record names the fields, each further record
// becomes one record of string fields keyed by those names. Quoted fields may hold the
// delimiter, "" for a quote, and line breaks; a record's line is the line it starts on.
// Memory grows with the longest record, never with the file.
#pragma once

#include "core/io/LineSource.hpp"
#include "core/io/RecordReader.hpp"

#include <string>
#include <vector>

namespace concord::io {

class CsvReader : public RecordReader
{
public:
    // Throws InputError for a delimiter that cannot separate fields ('"', '\n', '\r').
    explicit CsvReader(std::istream& input, char delimiter = ',',
                       std::size_t chunkSize = LineSource::kDefaultChunkSize);

    // A problem with the header (a syntax error, an empty, duplicate or non-UTF-8 name) is
    // reported once and ends the reading, since no record could be keyed without it.
    std::optional<ReadResult> next() override;
    std::uint64_t bytesConsumed() const override { return m_lines.bytesConsumed(); }

    // The field names in file order (JSON objects do not keep it); empty until the first
    // call to next() has read the header.
    const std::vector<std::string>& header() const { return m_header; }

private:
    struct Record
    {
        std::size_t line = 0;
        std::string raw;
        std::vector<std::string> fields;
        std::optional<std::string> error; // the first syntax error in the record
    };

    // Reads the next record's fields into m_record, skipping empty lines between records;
    // false at the end of input.
    bool readRecord();
    std::optional<ReadProblem> readHeader();
    ReadResult toResult();

    LineSource m_lines;
    char m_delimiter;
    std::vector<std::string> m_header;
    Record m_record;
    bool m_headerRead = false;
    bool m_finished = false;
};

} // namespace concord::io
