// Tokenisation rules stated in Tokenizer.hpp.
#include "core/learn/Tokenizer.hpp"

#include "core/learn/CaseFold.hpp"

namespace concord::learn {

CharClass classify(char32_t c)
{
    if (c < 0x80) {
        if (c <= 0x20 || c == 0x7F) {
            return CharClass::Space;
        }
        const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        return word ? CharClass::Word : CharClass::Punctuation;
    }
    if ((c >= 0x80 && c <= 0xA0) || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
        c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF) {
        return CharClass::Space;
    }
    if (c == 0x200B || c == 0x200C || c == 0x200D) {
        return CharClass::Word; // zero-width joiners belong to the word (emoji sequences, Indic scripts)
    }
    // Latin-1 symbols (but ª, µ, º are letters), × and ÷, General Punctuation, CJK punctuation,
    // full-width ASCII punctuation, and U+FFFD.
    if ((c >= 0xA1 && c <= 0xBF && c != 0xAA && c != 0xB5 && c != 0xBA) || c == 0xD7 || c == 0xF7 ||
        (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) || (c >= 0x3001 && c <= 0x3003) ||
        (c >= 0x3008 && c <= 0x3011) || (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) || c == 0xFFFD) {
        return CharClass::Punctuation;
    }
    return CharClass::Word;
}

void tokenize(std::string_view text, std::vector<std::string_view>& tokens)
{
    tokens.clear();
    std::size_t pos = 0;
    std::size_t wordStart = std::string_view::npos;
    const auto endWord = [&](std::size_t end) {
        if (wordStart != std::string_view::npos) {
            tokens.push_back(text.substr(wordStart, end - wordStart));
            wordStart = std::string_view::npos;
        }
    };
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t c = decodeUtf8(text, pos);
        const CharClass kind = classify(c);
        if (kind == CharClass::Word) {
            if (wordStart == std::string_view::npos) {
                wordStart = start;
            }
            continue;
        }
        const bool apostrophe = c == U'\'' || c == 0x2019;
        if (apostrophe && wordStart != std::string_view::npos && pos < text.size()) {
            std::size_t after = pos;
            if (classify(decodeUtf8(text, after)) == CharClass::Word) {
                continue; // inside a word: "don't", "l'été"
            }
        }
        endWord(start);
        if (kind == CharClass::Punctuation) {
            tokens.push_back(text.substr(start, pos - start));
        }
    }
    endWord(text.size());
}

} // namespace concord::learn
