// wordDiff: the pieces spell both texts, the changes are minimal on hand-made cases, and
// difflib (Python's SequenceMatcher on the same tokens) finds as many tokens in common.
#include "core/text/WordDiff.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>

using concord::text::DiffPiece;
using concord::text::wordDiff;
using Kind = DiffPiece::Kind;

namespace {

std::string spelled(const std::vector<DiffPiece>& pieces, Kind skip)
{
    std::string text;
    for (const auto& piece : pieces) {
        if (piece.kind != skip) {
            text += piece.text;
        }
    }
    return text;
}

std::size_t sameLength(const std::vector<DiffPiece>& pieces)
{
    std::size_t length = 0;
    for (const auto& piece : pieces) {
        length += piece.kind == Kind::Same ? piece.text.size() : 0;
    }
    return length;
}

} // namespace

TEST_CASE("word diff: a corrected response, word by word", "[text][diff]")
{
    CHECK(wordDiff("The cat sat.", "The cat sat.") == std::vector<DiffPiece>{{Kind::Same, "The cat sat."}});
    CHECK(wordDiff("", "").empty());
    CHECK(wordDiff("", "new text") == std::vector<DiffPiece>{{Kind::Added, "new text"}});
    CHECK(wordDiff("old text", "") == std::vector<DiffPiece>{{Kind::Removed, "old text"}});
    // One word replaced: the removal first, then what replaces it.
    CHECK(wordDiff("Paris is in Italy.", "Paris is in France.") ==
          std::vector<DiffPiece>{{Kind::Same, "Paris is in "}, {Kind::Removed, "Italy."}, {Kind::Added, "France."}});
    // A word inserted and one removed elsewhere.
    CHECK(wordDiff("a b c d", "a x b c") ==
          std::vector<DiffPiece>{{Kind::Same, "a "}, {Kind::Added, "x "}, {Kind::Same, "b c"}, {Kind::Removed, " d"}});
    // White space is a token of its own: a doubled space shows.
    CHECK(wordDiff("a b", "a  b") ==
          std::vector<DiffPiece>{{Kind::Same, "a"}, {Kind::Removed, " "}, {Kind::Added, "  "}, {Kind::Same, "b"}});
}

TEST_CASE("word diff: the pieces spell both texts, too large a middle is one change", "[text][diff]")
{
    std::mt19937 random(7);
    const char* words[] = {"the", "a", "model", "answer", "is", "not", "ok", "\n", "  "};
    for (int round = 0; round < 300; ++round) {
        std::string before, after;
        for (int i = 0; i < 30; ++i) {
            before += std::string(words[random() % 9]) + (random() % 3 ? " " : "");
            after += std::string(words[random() % 9]) + (random() % 3 ? " " : "");
        }
        const auto pieces = wordDiff(before, after);
        CHECK(spelled(pieces, Kind::Added) == before);
        CHECK(spelled(pieces, Kind::Removed) == after);
        for (std::size_t i = 1; i < pieces.size(); ++i) {
            CHECK(pieces[i].kind != pieces[i - 1].kind); // merged
        }
    }
    const auto capped = wordDiff("x a b c y", "x d e f y", 4);
    CHECK(capped == std::vector<DiffPiece>{
                        {Kind::Same, "x "}, {Kind::Removed, "a b c"}, {Kind::Added, "d e f"}, {Kind::Same, " y"}});
}

TEST_CASE("word diff: as many tokens in common as difflib's matching blocks on the same tokens", "[text][diff]")
{
    // /usr/bin/python3 -c 'import difflib,re
    // t=lambda s: re.findall(r"\s+|\S+", s)
    // a,b=t("the quick brown fox jumps over the lazy dog"),t("a quick brown dog jumps over the fox")
    // bl=difflib.SequenceMatcher(None,a,b,autojunk=False).get_matching_blocks()
    // print(sum(m.size for m in bl), sum(len("".join(a[m.a:m.a+m.size])) for m in bl))'
    // prints "12 29": 12 tokens, 29 characters in common. A longest common subsequence of the
    // tokens has at least as many tokens; here it is the same one.
    const auto pieces = wordDiff("the quick brown fox jumps over the lazy dog", "a quick brown dog jumps over the fox");
    CHECK(sameLength(pieces) == 29);
    CHECK(spelled(pieces, Kind::Added) == "the quick brown fox jumps over the lazy dog");
}
