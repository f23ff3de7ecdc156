// Prodigy JSON Lines, as `prodigy db-in` takes and `db-out` gives: {"text", "meta":{"id",...},
// "answer":"accept"} plus, by task kind:
//   spans (ner_manual/spans_manual): "spans":[{"start","end","label"}] in code points (Python's
//     character offsets);
//   single/multi (choice): "options":[{"id":label,"text":label}...], "accept":[chosen labels];
//   rating (choice): options with integer ids ratingMin..ratingMax, "accept":[rating].
// A raw record's annotator is "_annotator_id". The reader also takes binary tasks ("label" with
// "answer" accept: that label; reject/ignore: no label) and skips nothing: a rejected or
// ignored task becomes a record without a value. Prodigy adds _input_hash/_task_hash on db-in.
#pragma once

#include "core/export/ExportRecord.hpp"

#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace concord::exporting {

struct ProdigyOptions
{
    bool includeMetadata = false; // the record's metadata joins "meta"
};

void writeProdigy(const std::vector<ExportRecord>& records, const ExportSchema& schema, std::ostream& out,
                  const ProdigyOptions& options = {});
std::vector<ExportRecord> readProdigy(std::istream& input, const ExportSchema& schema,
                                      const std::string& sourceName = "input");

} // namespace concord::exporting
