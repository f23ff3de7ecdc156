// Token-level agreement on spans: the text is cut into tokens, each annotator's spans become one
// BIO tag per token, and alpha is computed over the tags as over any nominal ratings.
#pragma once

#include "core/quality/agreement/Coefficient.hpp"
#include "core/quality/agreement/RatingTable.hpp"
#include "core/quality/agreement/SpanRatings.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace concord::quality {

struct Token
{
    std::uint32_t start = 0; // code points, [start, end)
    std::uint32_t end = 0;
};

// Tokens of `text`: white space (Unicode White_Space) separates tokens; each ASCII punctuation
// character and each Han or kana character is a token of its own; any other run of code points
// is one token. Throws InputError for invalid UTF-8.
std::vector<Token> tokenize(std::string_view text);

// BIO tags for one annotation: a token inside (overlapping) a span is tagged B-label when it is
// the span's first token and I-label after; other tokens are O. Where spans overlap, a token
// takes the span that starts first (then the longer one). Tags are indices into bioValues().
std::vector<std::uint32_t> bioTags(const std::vector<Token>& tokens, const std::vector<Span>& spans);

// "O", then "B-label", "I-label" for each label in order: tag 0 is O, 2l+1 is B-l, 2l+2 is I-l.
std::vector<std::string> bioValues(const std::vector<std::string>& labels);

// One rating per (token, annotator) for every sample at least one annotator annotated: items
// are "sampleid#k" for token k (0-based); the annotators are those of `spans`, in its order.
RatingTable bioTable(const SpanRatings& spans);

// Nominal alpha over bioTable(spans).
Coefficient bioAlpha(const SpanRatings& spans);

} // namespace concord::quality
