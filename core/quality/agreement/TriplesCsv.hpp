// Reads annotations kept in a spreadsheet: a CSV file of item,annotator,value rows under a
// header row, the input of `concord-cli agreement --triples`. Built for a million rows in well
// under a second: chunked line reading and a splitter that only unquotes fields holding quotes.
#pragma once

#include "core/quality/agreement/RatingTable.hpp"
#include "core/quality/agreement/RatingTableBuilder.hpp"

#include <istream>
#include <string>

namespace concord::quality {

// The header names the columns `item`, `annotator` and `value` (any order, any case; other
// columns are ignored). An empty value is a missing rating; blank lines are skipped. Fields
// may be quoted as in RFC 4180 ("" inside quotes is a quote) but a quoted field may not span
// lines. Throws InputError naming FILE:LINE for a malformed row, a missing column or an
// (item, annotator) pair listed twice; StoreError when the file cannot be read.
RatingTable loadTriplesCsv(const std::string& path, const ValueOrder& order = {});

// The same from a stream; `name` stands for the file in messages. `expectedRows` (a guess, e.g.
// from the file size) only sizes the buffers.
RatingTable readTriplesCsv(std::istream& input, const std::string& name, const ValueOrder& order = {},
                           std::size_t expectedRows = 0);

} // namespace concord::quality
