// The UTF-8 helpers in core/text/Utf8: validation, code point counting, the conversion
// between code point and byte offsets, and slicing by code points.
#include "core/text/Utf8.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <string>

namespace utf8 = concord::utf8;
using std::nullopt;

namespace {

// U+1F600 GRINNING FACE: four bytes, one code point.
const std::string kEmoji = "\xF0\x9F\x98\x80";
// "e" + U+0301 COMBINING ACUTE ACCENT: two code points for one visible character.
const std::string kCombined = "e\xCC\x81";
// Hebrew "shalom" and Arabic "marhaba": two bytes per letter.
const std::string kHebrew = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D";
const std::string kArabic = "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7";

} // namespace

TEST_CASE("Valid UTF-8 of every length is accepted", "[utf8]")
{
    CHECK(utf8::isValid(""));
    CHECK(utf8::isValid("plain ASCII, long enough for the eight-byte fast path"));
    CHECK(utf8::isValid("\xC2\x80"));             // U+0080, smallest two-byte
    CHECK(utf8::isValid("\xDF\xBF"));             // U+07FF
    CHECK(utf8::isValid("\xE0\xA0\x80"));         // U+0800, smallest three-byte
    CHECK(utf8::isValid("\xED\x9F\xBF"));         // U+D7FF, just below the surrogates
    CHECK(utf8::isValid("\xEE\x80\x80"));         // U+E000, just above them
    CHECK(utf8::isValid("\xEF\xBF\xBF"));         // U+FFFF
    CHECK(utf8::isValid("\xF0\x90\x80\x80"));     // U+10000, smallest four-byte
    CHECK(utf8::isValid("\xF4\x8F\xBF\xBF"));     // U+10FFFF, the largest code point
    CHECK(utf8::isValid(std::string("a\0b", 3))); // NUL is a valid character
    CHECK(utf8::isValid(kEmoji + kCombined + kHebrew + kArabic));
}

TEST_CASE("Invalid UTF-8 is found at its first byte", "[utf8]")
{
    const auto [text, offset] = GENERATE(table<std::string, std::size_t>({
        {"\x80", 0},                             // lone continuation byte
        {"abc\xBF", 3},                          // continuation after ASCII
        {"\xC0\xAF", 0},                         // overlong "/"
        {"\xC1\xBF", 0},                         // overlong two-byte
        {"ok \xE0\x80\xAF", 3},                  // overlong three-byte
        {"\xF0\x80\x80\xAF", 0},                 // overlong four-byte
        {"\xF0\x8F\xBF\xBF", 0},                 // overlong U+FFFF
        {"x\xED\xA0\x80", 1},                    // high surrogate U+D800
        {"\xED\xBF\xBF", 0},                     // low surrogate U+DFFF
        {"\xED\xA0\xBD\xED\xB8\x80", 0},         // a surrogate pair encoded as CESU-8
        {"\xF4\x90\x80\x80", 0},                 // U+110000, above the range
        {"\xF5\x80\x80\x80", 0},                 // lead byte F5
        {"\xFF", 0},                             //
        {"\xFE\xFF", 0},                         // a UTF-16 BOM is not UTF-8
        {"\xC3", 0},                             // truncated at the end
        {"ab\xE2\x82", 2},                       // truncated three-byte
        {"\xF0\x9F\x98", 0},                     // truncated emoji
        {"\xE2\x82x", 0},                        // continuation missing mid-text
        {"\xC3(", 0},                            //
        {"0123456789abcdef\x80", 16},            // after two fast-path words
        {"\xF0\x9F\x98\x80\xF0\x9F\x98", 4},     // a good emoji, then a truncated one
        {"\xD7\xA9\xD7\x9C\xD7\x95\xD7\xFF", 6}, // Hebrew with a broken last letter
    }));
    CAPTURE(text);
    CHECK(utf8::firstInvalidByte(text) == offset);
    CHECK_FALSE(utf8::isValid(text));
}

TEST_CASE("Code points are counted, not bytes or characters", "[utf8]")
{
    CHECK(utf8::codePointCount("") == 0);
    CHECK(utf8::codePointCount("abc") == 3);
    CHECK(utf8::codePointCount(kEmoji) == 1);
    CHECK(utf8::codePointCount(kCombined) == 2);
    CHECK(utf8::codePointCount(kHebrew) == 4);
    CHECK(utf8::codePointCount(kArabic) == 5);
    // Woman technologist: U+1F469 U+200D U+1F4BB, one glyph, three code points.
    CHECK(utf8::codePointCount("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB") == 3);
}

TEST_CASE("Byte offsets and code point indexes convert both ways", "[utf8]")
{
    const std::string text = "a" + kEmoji + kCombined + kHebrew; // a 😀 e ́ ש ל ו ם
    REQUIRE(utf8::codePointCount(text) == 8);
    CHECK(utf8::byteOffsetOfCodePoint(text, 0) == 0u);
    CHECK(utf8::byteOffsetOfCodePoint(text, 1) == 1u);
    CHECK(utf8::byteOffsetOfCodePoint(text, 2) == 5u);  // after the emoji
    CHECK(utf8::byteOffsetOfCodePoint(text, 3) == 6u);  // the combining mark
    CHECK(utf8::byteOffsetOfCodePoint(text, 4) == 8u);  // first Hebrew letter
    CHECK(utf8::byteOffsetOfCodePoint(text, 8) == 16u); // the end
    CHECK(utf8::byteOffsetOfCodePoint(text, 9) == nullopt);

    CHECK(utf8::codePointAtByte(text, 0) == 0u);
    CHECK(utf8::codePointAtByte(text, 1) == 1u);
    CHECK(utf8::codePointAtByte(text, 2) == nullopt); // inside the emoji
    CHECK(utf8::codePointAtByte(text, 4) == nullopt);
    CHECK(utf8::codePointAtByte(text, 5) == 2u);
    CHECK(utf8::codePointAtByte(text, 7) == nullopt); // inside the combining mark
    CHECK(utf8::codePointAtByte(text, 9) == nullopt); // inside a Hebrew letter
    CHECK(utf8::codePointAtByte(text, 10) == 5u);
    CHECK(utf8::codePointAtByte(text, 16) == 8u);
    CHECK(utf8::codePointAtByte(text, 17) == nullopt);

    for (std::size_t i = 0; i <= 8; ++i) {
        CAPTURE(i);
        const auto byte = utf8::byteOffsetOfCodePoint(text, i);
        REQUIRE(byte);
        CHECK(utf8::codePointAtByte(text, *byte) == i);
    }
}

TEST_CASE("Slices are taken by code points and clamped", "[utf8]")
{
    const std::string text = "a" + kEmoji + kCombined + kHebrew;
    CHECK(utf8::slice(text, 1, 2) == kEmoji);
    CHECK(utf8::slice(text, 2, 4) == kCombined);
    CHECK(utf8::slice(text, 4, 8) == kHebrew);
    CHECK(utf8::slice(text, 4, 100) == kHebrew);
    CHECK(utf8::slice(text, 0, 0).empty());
    CHECK(utf8::slice(text, 5, 3).empty());
    CHECK(utf8::slice(text, 50, 60).empty());
}

TEST_CASE("Sanitizing replaces invalid bytes and keeps the rest", "[utf8]")
{
    const std::string replacement = "\xEF\xBF\xBD";
    CHECK(utf8::sanitized("ok " + kEmoji) == "ok " + kEmoji);
    CHECK(utf8::sanitized("a\xFF"
                          "b") == "a" + replacement + "b");
    CHECK(utf8::sanitized("\xED\xA0\x80") == replacement + replacement + replacement);
    const std::string truncated = utf8::sanitized(kHebrew + "\xE2\x82");
    CHECK(utf8::isValid(truncated));
    CHECK(truncated.starts_with(kHebrew + replacement));
}
