// Lower-casing for features, without ICU: a small table covering what most labeling projects
// hold — ASCII, Latin-1 Supplement, Latin Extended-A, Greek and Cyrillic (with its extensions
// up to U+052F). Other scripts pass unchanged (most have no case). Greek final sigma (ς) folds
// to σ so that a word's feature does not depend on its position. Documented in docs/learn.md.
#pragma once

#include <string>
#include <string_view>

namespace concord::learn {

// The lower-case form of one code point (itself when the table has none).
char32_t lowerCodePoint(char32_t c);

// Appends the lower-cased text to `out`. Invalid UTF-8 bytes become U+FFFD, so features never
// fail on bad text.
void appendLowerUtf8(std::string_view text, std::string& out);

// Decodes the code point at `pos` and advances `pos` past it (U+FFFD and one byte when invalid).
char32_t decodeUtf8(std::string_view text, std::size_t& pos);
void appendUtf8(char32_t c, std::string& out);

} // namespace concord::learn
