// Reads votes between models from a CSV file: a header naming the columns `model_a`, `model_b`
// and `winner` (`a`, `b` or `tie`) in any order, and optionally `record`, which groups the votes
// of one record for the bootstrap (without it every row is a record of its own). Other columns
// are ignored.
#pragma once

#include "core/quality/leaderboard/Comparisons.hpp"

#include <cstdint>
#include <istream>
#include <string>

namespace concord::quality {

// Larger files are refused before they are read.
inline constexpr std::uintmax_t kMaxComparisonsFileBytes = std::uintmax_t{1} << 30;

// Throws InputError naming FILE:LINE for a malformed row (a missing column, an unknown winner,
// the same model on both sides, an empty or too long name) and StoreError when the file cannot
// be read.
ComparisonSet loadComparisonsCsv(const std::string& path);

// The same from a stream; `name` stands for the file in messages.
ComparisonSet readComparisonsCsv(std::istream& input, const std::string& name);

} // namespace concord::quality
