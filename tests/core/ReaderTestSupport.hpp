// Helpers shared by the record reader tests: read everything a reader yields and look at
// records and problems with Catch assertions.
#pragma once

#include "core/io/RecordReader.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace concord::test {

inline std::vector<io::ReadResult> drain(io::RecordReader& reader)
{
    std::vector<io::ReadResult> results;
    while (auto result = reader.next()) {
        results.push_back(std::move(*result));
    }
    // The end stays the end.
    CHECK_FALSE(reader.next().has_value());
    return results;
}

inline const io::SourceRecord& asRecord(const io::ReadResult& result)
{
    if (const auto* problem = std::get_if<io::ReadProblem>(&result)) {
        FAIL("expected a record, got a problem on line " << problem->line << ": " << problem->message);
    }
    return std::get<io::SourceRecord>(result);
}

inline const io::ReadProblem& asProblem(const io::ReadResult& result)
{
    if (const auto* record = std::get_if<io::SourceRecord>(&result)) {
        FAIL("expected a problem, got a record on line " << record->line << ": " << record->fields.dump());
    }
    return std::get<io::ReadProblem>(result);
}

// One line per result, for comparing whole readings (for example across chunk sizes).
inline std::string describe(const std::vector<io::ReadResult>& results)
{
    std::string out;
    for (const auto& result : results) {
        if (const auto* record = std::get_if<io::SourceRecord>(&result)) {
            out += "record " + std::to_string(record->line) + " " + record->fields.dump() + " raw=" + record->raw;
        } else {
            const auto& problem = std::get<io::ReadProblem>(result);
            out += "problem " + std::to_string(problem.line) + " " + problem.message + " raw=" + problem.raw;
        }
        out += '\n';
    }
    return out;
}

} // namespace concord::test
