// Multi-label and span agreement: the MASI distance, tokens and BIO tags, span F1.
#include "AgreementTestSupport.hpp"

#include "core/quality/agreement/SetAgreement.hpp"
#include "core/quality/agreement/SpanAgreement.hpp"
#include "core/quality/agreement/SpanTokens.hpp"
#include "core/util/Error.hpp"

#include <catch2/catch.hpp>

using namespace concord::quality;
using concord::test::printed;

TEST_CASE("MASI distance: Jaccard times monotonicity, with NLTK's constants", "[agreement][sets]")
{
    // NLTK's docstring: masi_distance({1, 2}, {1, 2, 3, 4}) == 0.665.
    CHECK(printed(masiDistance({1, 2}, {1, 2, 3, 4}), 3) == "0.665");
    CHECK(masiDistance({0, 1}, {0, 1}) == 0.0);
    CHECK(masiDistance({0}, {1}) == 1.0);
    CHECK(masiDistance({0, 1}, {1, 2}) == Approx(1.0 - 0.33 / 3.0)); // overlap, neither contains the other
    CHECK(masiDistance({}, {}) == 0.0);
    CHECK(masiDistance({}, {0}) == 1.0);
}

TEST_CASE("label sets from semicolon-separated values: order and spaces do not matter", "[agreement][sets]")
{
    const RatingTable table = ratingTableFromTriples(
        {{"s1", "x", "b;a"}, {"s1", "y", "a; b"}, {"s2", "x", "c"}, {"s2", "y", "a;c"}, {"s3", "x", "a"}});
    const SetRatings sets = setRatingsFromSeparated(table);
    CHECK(sets.labels == std::vector<std::string>{"b", "a", "c"});
    // Distinct sets, by size and then by their labels' positions; {a, b} is one value.
    CHECK(sets.table.values == std::vector<std::string>{"{a}", "{c}", "{b, a}", "{a, c}"});
    CHECK(sets.table.ratings[0].value == sets.table.ratings[1].value);
    const Coefficient alpha = masiAlpha(sets);
    REQUIRE(alpha.defined());
    CHECK(alpha.items == 2);
    CHECK(alpha.excludedItems == 1);
    // Per label "c": s2 has {c} and {a,c}: both hold c; s1 neither: perfect presence agreement.
    const auto perLabel = perLabelAlpha(sets);
    CHECK(perLabel[2].alpha.value == 1.0);
    CHECK(perLabel[2].uses == 2);
    CHECK(perLabel[1].uses == 4); // "a"
}

TEST_CASE("tokens: white space separates, punctuation and Han stand alone, offsets in code points",
          "[agreement][spans]")
{
    const auto tokens = tokenize("Hi, Zo\u00eb!\u00a0\U0001F44B\U0001F3FD 日本 x");
    // H i , _ Z o ë ! nbsp 👋 🏽 _ 日 本 _ x
    // 0 1 2 3 4 5 6 7 8    9  10 11 12 13 14 15
    REQUIRE(tokens.size() == 8);
    const std::vector<std::pair<std::uint32_t, std::uint32_t>> expected = {{0, 2},  {2, 3},   {4, 7},   {7, 8},
                                                                           {9, 11}, {12, 13}, {13, 14}, {15, 16}};
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        INFO(k);
        CHECK(tokens[k].start == expected[k].first);
        CHECK(tokens[k].end == expected[k].second);
    }
    CHECK(tokenize("").empty());
    CHECK(tokenize(" \t\n").empty());
    CHECK_THROWS_AS(tokenize("bad \xff"), concord::InputError);
}

TEST_CASE("BIO tags from spans, overlapping spans resolved to the earliest", "[agreement][spans]")
{
    const auto tokens = tokenize("Alice met Bob Smith in New York");
    // Alice(0,5) met(6,9) Bob(10,13) Smith(14,19) in(20,22) New(23,26) York(27,31)
    const std::vector<Span> spans = {{10, 19, 0}, {23, 31, 1}, {0, 3, 0}};
    CHECK(bioTags(tokens, spans) == std::vector<std::uint32_t>{1, 0, 1, 2, 0, 3, 4});
    CHECK(bioValues({"PER", "LOC"}) == std::vector<std::string>{"O", "B-PER", "I-PER", "B-LOC", "I-LOC"});
    // Two adjacent spans of one label are B, B (not B, I).
    CHECK(bioTags(tokens, {{0, 5, 0}, {6, 9, 0}}) == std::vector<std::uint32_t>{1, 1, 0, 0, 0, 0, 0});
    // Overlapping spans: each token takes the span that starts first, so "met" and "Bob" go to
    // the LOC span that starts inside "Alice", not to a PER span starting at "met".
    CHECK(bioTags(tokens, {{0, 5, 0}, {6, 9, 0}, {4, 13, 1}}) == std::vector<std::uint32_t>{1, 3, 4, 0, 0, 0, 0});
}

namespace {

SpanRatings spanExample()
{
    SpanRatings spans;
    spans.items = {"s1", "s2"};
    spans.texts = {"Alice met Bob in Paris", "Nothing here"};
    spans.annotators = {"ann", "bob", "cat"};
    spans.labels = {"PER", "LOC"};
    // ann: Alice PER, Bob PER, Paris LOC; bob: Alice PER, "Bob in" PER (overlaps Bob), Paris PER.
    spans.annotations = {
        {0, 0, {{0, 5, 0}, {10, 13, 0}, {17, 22, 1}}},
        {0, 1, {{0, 5, 0}, {10, 16, 0}, {17, 22, 0}}},
        {1, 0, {}},
        {1, 1, {}},
        {1, 2, {}},
    };
    return spans;
}

} // namespace

TEST_CASE("span F1 between annotators: exact and partial overlap", "[agreement][spans]")
{
    const auto pairs = pairwiseSpanF1(spanExample());
    REQUIRE(pairs.size() == 3);
    const SpanPairAgreement& annBob = pairs[0];
    CHECK(annBob.items == 2);
    CHECK(annBob.firstSpans == 3);
    CHECK(annBob.secondSpans == 3);
    CHECK(annBob.exact.value == Approx(2.0 / 6.0));   // only Alice matches exactly
    CHECK(annBob.overlap.value == Approx(2.0 / 3.0)); // Alice and Bob overlap with the same label, Paris does not
    // ann and cat share s2, where nobody marked anything: undefined, not 0 or 1.
    CHECK(pairs[1].exact.undefined == Undefined::NoSpans);
    CHECK(pairs[1].overlap.undefined == Undefined::NoSpans);
    const Coefficient mean = meanSpanF1(pairs, false);
    CHECK(mean.value == Approx(2.0 / 6.0));
    CHECK(mean.items == 1);
    CHECK(meanSpanF1({}, false).undefined == Undefined::NoPairableItems);
}

TEST_CASE("token-level alpha over BIO tags", "[agreement][spans]")
{
    const SpanRatings spans = spanExample();
    const RatingTable table = bioTable(spans);
    // s1 has 5 tokens, s2 2: seven items, tagged by two and three annotators.
    CHECK(table.items.size() == 7);
    CHECK(table.items[0] == "s1#0");
    CHECK(table.ratings.size() == 5 * 2 + 2 * 3);
    const Coefficient alpha = bioAlpha(spans);
    REQUIRE(alpha.defined());
    CHECK(alpha.value < 1.0);
    // Identical annotations agree perfectly.
    SpanRatings same = spans;
    same.annotations[1].spans = same.annotations[0].spans;
    CHECK(bioAlpha(same).value == 1.0);
}
