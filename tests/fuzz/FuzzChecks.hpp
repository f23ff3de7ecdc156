// Invariants shared by the reader fuzz targets. A violation calls __builtin_trap() so that
// libFuzzer records the input as a crash; each check is cheap enough to run on every input.
#pragma once

#include "core/io/RecordReader.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

namespace concord::fuzz {

inline void require(bool condition)
{
    if (!condition) {
        __builtin_trap();
    }
}

struct Drained
{
    std::string summary; // one entry per result, to compare two readings of the same bytes
    std::size_t results = 0;
};

// Reads everything and checks what holds for every reader:
//  - records and problems come in order of strictly increasing line, starting at 1;
//  - a record's fields are an object whose strings are valid UTF-8 (dump() throws otherwise);
//  - a result's raw bytes span as many lines as the line numbers say they do;
//  - bytesConsumed() never goes back nor passes the input's size.
// Whether everything was consumed at the end is for the caller to check.
template <typename Reader, typename CheckRecord>
Drained drainChecked(Reader& reader, std::size_t inputSize, CheckRecord&& checkRecord)
{
    Drained drained;
    std::string& summary = drained.summary;
    std::size_t nextAllowedLine = 1;
    std::uint64_t consumed = 0;
    while (auto result = reader.next()) {
        std::size_t line = 0;
        const std::string* raw = nullptr;
        if (auto* record = std::get_if<io::SourceRecord>(&*result)) {
            require(record->fields.is_object());
            try {
                summary += record->fields.dump();
            } catch (const nlohmann::json::exception&) {
                __builtin_trap();
            }
            checkRecord(*record);
            line = record->line;
            raw = &record->raw;
        } else {
            const auto& problem = std::get<io::ReadProblem>(*result);
            require(!problem.message.empty());
            summary += problem.message;
            line = problem.line;
            raw = &problem.raw;
        }
        require(line >= nextAllowedLine);
        nextAllowedLine = line + 1 + static_cast<std::size_t>(std::count(raw->begin(), raw->end(), '\n'));
        require(reader.bytesConsumed() >= consumed);
        consumed = reader.bytesConsumed();
        require(consumed <= inputSize);
        summary += " @" + std::to_string(line) + " raw=" + *raw + "\n";
        ++drained.results;
    }
    require(!reader.next().has_value());
    return drained;
}

} // namespace concord::fuzz
