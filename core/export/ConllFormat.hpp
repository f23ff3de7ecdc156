// CoNLL-2003 style BIO tags for span projects. Per record:
//   # id = ID
//   # text = THE TEXT            (or `# text_json = "..."` when the text has a line break)
//   # annotator = NAME           (raw records only)
//   TOKEN<TAB>TAG                (one line per token; TAG is O, B-LABEL or I-LABEL)
//   <blank line>
// Tokenisation (conllTokens): the text is split at whitespace (space, tab, CR, LF, VT, FF),
// and each ASCII punctuation character is a token of its own; offsets are code points. A span
// tags every token it touches, so a span whose ends fall inside a token is widened to the
// token's ends: exactly the spans whose boundaries are token boundaries round-trip. Spans
// that overlap cannot be written as BIO and are refused. The reader takes the text from the
// `# text` line (without it: the tokens joined by single spaces), accepts I- without B- as a
// start (IOB1), skips -DOCSTART- lines, and takes the last column as the tag when a line has
// more (space-separated CoNLL-2003 files).
#pragma once

#include "core/export/ExportRecord.hpp"

#include <cstdint>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace concord::exporting {

struct ConllToken
{
    std::int64_t start = 0; // code points
    std::int64_t end = 0;
    std::string text;
};

std::vector<ConllToken> conllTokens(const std::string& text);

// Throws InputError for a non-span schema and for overlapping spans.
void writeConll(const std::vector<ExportRecord>& records, const ExportSchema& schema, std::ostream& out);
std::vector<ExportRecord> readConll(std::istream& input, const ExportSchema& schema,
                                    const std::string& sourceName = "input");

} // namespace concord::exporting
