// Splits lower-cased text into tokens: words (runs of letters, digits, marks and other
// non-punctuation code points, with an apostrophe inside a word kept, as in "don't") and single
// punctuation or symbol characters ("!", "?", ":"), which carry signal in short texts.
// White space and control characters separate tokens and are dropped.
#pragma once

#include <string_view>
#include <vector>

namespace concord::learn {

enum class CharClass
{
    Space,
    Word,
    Punctuation
};

CharClass classify(char32_t c);

// Replaces `tokens` with views into `text` (which must outlive them).
void tokenize(std::string_view text, std::vector<std::string_view>& tokens);

} // namespace concord::learn
