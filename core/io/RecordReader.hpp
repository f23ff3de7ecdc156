// The interface every import format reads through: a stream of records, each a JSON object
// of fields, or a problem naming the line. Readers never load the whole input.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <variant>

namespace concord::io {

struct SourceRecord
{
    std::size_t line = 0;  // 1-based line on which the record starts
    nlohmann::json fields; // always an object: field name -> value (CSV and text: strings)
    std::string raw;       // the record's bytes as read, for the rejects file
};

struct ReadProblem
{
    std::size_t line = 0;
    std::string message; // what is wrong, without the file:line prefix
    std::string raw;
};

using ReadResult = std::variant<SourceRecord, ReadProblem>;

class RecordReader
{
public:
    virtual ~RecordReader() = default;
    // The next record or problem; nullopt at the end of input. After a problem, reading goes
    // on with the next record so that one pass can report every problem.
    virtual std::optional<ReadResult> next() = 0;
    // Bytes consumed so far, for progress reporting.
    virtual std::uint64_t bytesConsumed() const = 0;
};

enum class Format
{
    Jsonl,
    Csv,
    Text
};

// Format from a file name's extension (.jsonl/.ndjson/.json, .csv/.tsv, .txt); nullopt if unknown.
std::optional<Format> formatFromPath(const std::string& path);

// `delimiter` applies to CSV only (',' or '\t'). A JSONL reader parses ahead on a thread of its
// own (ReadAhead): `input` must not be touched until the reader is destroyed.
std::unique_ptr<RecordReader> makeReader(Format format, std::istream& input, char delimiter = ',');

} // namespace concord::io
