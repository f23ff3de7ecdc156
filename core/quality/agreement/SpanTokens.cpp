// Tokenisation and BIO tags for token-level span agreement; see SpanTokens.hpp.
#include "core/quality/agreement/SpanTokens.hpp"

#include "core/quality/agreement/KrippendorffAlpha.hpp"
#include "core/text/Utf8.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <limits>

namespace concord::quality {

namespace {

bool isWhiteSpace(char32_t c)
{
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Characters that are a token on their own: ASCII punctuation, and Han and kana, which are
// written without spaces between words.
bool standsAlone(char32_t c)
{
    if (c < 0x80) {
        return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
               (c >= 0x7B && c <= 0x7E);
    }
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

// Decodes the code point at text[i] (valid UTF-8) and advances i past it.
char32_t decode(std::string_view text, std::size_t& i)
{
    const auto byte = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[k])); };
    const char32_t b0 = byte(i);
    if (b0 < 0x80) {
        i += 1;
        return b0;
    }
    if (b0 < 0xE0) {
        const char32_t c = ((b0 & 0x1F) << 6) | (byte(i + 1) & 0x3F);
        i += 2;
        return c;
    }
    if (b0 < 0xF0) {
        const char32_t c = ((b0 & 0x0F) << 12) | ((byte(i + 1) & 0x3F) << 6) | (byte(i + 2) & 0x3F);
        i += 3;
        return c;
    }
    const char32_t c =
        ((b0 & 0x07) << 18) | ((byte(i + 1) & 0x3F) << 12) | ((byte(i + 2) & 0x3F) << 6) | (byte(i + 3) & 0x3F);
    i += 4;
    return c;
}

} // namespace

std::vector<Token> tokenize(std::string_view text)
{
    if (const auto bad = utf8::firstInvalidByte(text)) {
        throw InputError("the text is not valid UTF-8 (byte " + std::to_string(*bad + 1) + ")");
    }
    std::vector<Token> tokens;
    bool inWord = false;
    std::uint32_t position = 0;
    for (std::size_t i = 0; i < text.size(); ++position) {
        const char32_t c = decode(text, i);
        if (isWhiteSpace(c)) {
            inWord = false;
        } else if (standsAlone(c)) {
            tokens.push_back(Token{position, position + 1});
            inWord = false;
        } else if (inWord) {
            tokens.back().end = position + 1;
        } else {
            tokens.push_back(Token{position, position + 1});
            inWord = true;
        }
    }
    return tokens;
}

std::vector<std::uint32_t> bioTags(const std::vector<Token>& tokens, const std::vector<Span>& spans)
{
    std::vector<Span> ordered = spans;
    std::sort(ordered.begin(), ordered.end(), [](const Span& a, const Span& b) {
        return a.start != b.start ? a.start < b.start : a.end != b.end ? a.end > b.end : a.label < b.label;
    });
    std::vector<std::uint32_t> tags(tokens.size(), 0);
    std::size_t previous = std::numeric_limits<std::size_t>::max();
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        std::size_t chosen = std::numeric_limits<std::size_t>::max();
        for (std::size_t s = 0; s < ordered.size() && ordered[s].start < tokens[t].end; ++s) {
            if (ordered[s].end > tokens[t].start) {
                chosen = s;
                break;
            }
        }
        if (chosen != std::numeric_limits<std::size_t>::max()) {
            tags[t] = 2 * ordered[chosen].label + (chosen == previous ? 2 : 1);
        }
        previous = chosen;
    }
    return tags;
}

std::vector<std::string> bioValues(const std::vector<std::string>& labels)
{
    std::vector<std::string> values{"O"};
    for (const auto& label : labels) {
        values.push_back("B-" + label);
        values.push_back("I-" + label);
    }
    return values;
}

RatingTable bioTable(const SpanRatings& spans)
{
    RatingTable table;
    table.annotators = spans.annotators;
    table.values = bioValues(spans.labels);
    table.numeric.assign(table.values.size(), std::numeric_limits<double>::quiet_NaN());
    std::vector<std::vector<const SpanAnnotation*>> byItem(spans.items.size());
    for (const auto& annotation : spans.annotations) {
        byItem[annotation.item].push_back(&annotation);
    }
    for (std::size_t item = 0; item < spans.items.size(); ++item) {
        if (byItem[item].empty()) {
            continue;
        }
        const std::vector<Token> tokens = tokenize(spans.texts[item]);
        const auto first = static_cast<std::uint32_t>(table.items.size());
        for (std::size_t k = 0; k < tokens.size(); ++k) {
            table.items.push_back(spans.items[item] + "#" + std::to_string(k));
        }
        for (const SpanAnnotation* annotation : byItem[item]) {
            const std::vector<std::uint32_t> tags = bioTags(tokens, annotation->spans);
            for (std::size_t k = 0; k < tags.size(); ++k) {
                table.ratings.push_back(Rating{first + static_cast<std::uint32_t>(k), annotation->annotator, tags[k]});
            }
        }
    }
    return table;
}

Coefficient bioAlpha(const SpanRatings& spans)
{
    return krippendorffAlpha(bioTable(spans), AlphaMetric::Nominal);
}

} // namespace concord::quality
