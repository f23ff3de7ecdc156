// Alpha with the normalized edit distance against NLTK's AnnotationTask with the same distance,
// the bit-parallel edit distance against the textbook recurrence, and the sampled expected
// disagreement against the exact one. Each reference value: the command that printed it.
#include "AgreementTestSupport.hpp"

#include "core/quality/agreement/EditAlpha.hpp"
#include "core/quality/agreement/EditDistance.hpp"
#include "core/quality/agreement/TriplesCsv.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <tuple>

using namespace concord::quality;
using concord::test::agreementData;

namespace {

std::size_t textbookDistance(const std::u32string& a, const std::u32string& b)
{
    std::vector<std::size_t> previous(b.size() + 1);
    std::vector<std::size_t> current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        previous[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitute});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

double editDistanceOf(const std::string& a, const std::string& b)
{
    return normalizedEditDistance(EditPattern(codePoints(a)), codePoints(b));
}

// A table whose values are the given texts (an empty text is a value here, as in a project).
RatingTable textTable(const std::vector<std::tuple<std::string, std::string, std::string>>& rows)
{
    RatingTable table;
    const auto index = [](std::vector<std::string>& names, const std::string& name) {
        const auto found = std::find(names.begin(), names.end(), name);
        if (found != names.end()) {
            return static_cast<std::uint32_t>(found - names.begin());
        }
        names.push_back(name);
        return static_cast<std::uint32_t>(names.size() - 1);
    };
    for (const auto& [annotator, item, value] : rows) {
        Rating rating;
        rating.annotator = index(table.annotators, annotator);
        rating.item = index(table.items, item);
        rating.value = index(table.values, value);
        table.ratings.push_back(rating);
    }
    table.numeric.assign(table.values.size(), std::nan(""));
    return table;
}

} // namespace

TEST_CASE("edit distance: code points, not bytes, normalized by the longer text", "[agreement][edit]")
{
    CHECK(EditPattern(codePoints("kitten")).distance(codePoints("sitting")) == 3);
    CHECK(EditPattern(codePoints("Köln")).distance(codePoints("Koeln")) == 2);
    CHECK(EditPattern(codePoints("東京都")).distance(codePoints("東京")) == 1);
    CHECK(editDistanceOf("", "") == 0.0);
    CHECK(editDistanceOf("", "abc") == 1.0);
    CHECK(editDistanceOf("abcd", "abce") == 0.25);
}

TEST_CASE("edit distance: the bit-parallel algorithm equals the recurrence, across 64-code-point blocks",
          "[agreement][edit]")
{
    std::mt19937 random(16);
    for (int trial = 0; trial < 3000; ++trial) {
        std::u32string a;
        std::u32string b;
        const auto fill = [&](std::u32string& text) {
            const std::size_t length = random() % 200;
            for (std::size_t i = 0; i < length; ++i) {
                text.push_back(random() % 3 != 0 ? U'a' + random() % 4 : U'\u4e00' + random() % 3);
            }
        };
        fill(a);
        fill(b);
        INFO(a.size() << " x " << b.size());
        REQUIRE(EditPattern(a).distance(b) == textbookDistance(a, b));
    }
}

TEST_CASE("alpha-edit: matches NLTK's AnnotationTask with the normalized edit distance", "[agreement][edit][reference]")
{
    // Accents, CJK, a missing answer (empty value in the file), an item rated once.
    // /usr/bin/python3 tests/reference/agreement_leftovers.py alpha-edit tests/data/agreement/texts.csv
    const Coefficient alpha = editAlpha(loadTriplesCsv(agreementData("texts.csv")));
    REQUIRE(alpha.defined());
    CHECK(std::abs(alpha.value - 0.5817719672187205) <= 1e-12);
    CHECK(alpha.items == 7);
    CHECK(alpha.excludedItems == 1);
    CHECK(alpha.note.empty()); // exact
}

TEST_CASE("alpha-edit: an empty answer is a value and matches NLTK", "[agreement][edit][reference]")
{
    // /usr/bin/python3 -c '
    // from nltk.metrics.agreement import AnnotationTask
    // from nltk.metrics.distance import edit_distance
    // d = lambda a, b: 0.0 if max(len(a), len(b)) == 0 else edit_distance(a, b) / max(len(a), len(b))
    // data = [("c1","u1",""),("c2","u1",""),("c3","u1","abc"),("c1","u2","abcd"),("c2","u2","abce"),("c1","u3",""),
    //   ("c2","u3","x"),("c3","u3",""),("c1","u4","日本語"),("c2","u4","日本"),("c3","u4","日本語")]
    // print(repr(AnnotationTask(data=data, distance=d).alpha()))'
    const RatingTable table = textTable({{"c1", "u1", ""},
                                         {"c2", "u1", ""},
                                         {"c3", "u1", "abc"},
                                         {"c1", "u2", "abcd"},
                                         {"c2", "u2", "abce"},
                                         {"c1", "u3", ""},
                                         {"c2", "u3", "x"},
                                         {"c3", "u3", ""},
                                         {"c1", "u4", "日本語"},
                                         {"c2", "u4", "日本"},
                                         {"c3", "u4", "日本語"}});
    const Coefficient alpha = editAlpha(table);
    REQUIRE(alpha.defined());
    CHECK(std::abs(alpha.value - 0.4183864915572233) <= 1e-12);
}

TEST_CASE("alpha-edit: above the exact limit the expected disagreement is sampled, reproducibly, and said so",
          "[agreement][edit]")
{
    // 300 items x 3 annotators of short random words: about 600 distinct values.
    std::mt19937 random(3);
    std::vector<std::tuple<std::string, std::string, std::string>> rows;
    for (int item = 0; item < 300; ++item) {
        std::string truth;
        for (int k = 0; k < 6; ++k) {
            truth.push_back(static_cast<char>('a' + random() % 6));
        }
        for (const char* annotator : {"a", "b", "c"}) {
            std::string answer = truth;
            if (random() % 2 == 0) {
                answer[random() % answer.size()] = static_cast<char>('a' + random() % 6);
            }
            rows.emplace_back(annotator, "i" + std::to_string(item), answer);
        }
    }
    const RatingTable table = textTable(rows);
    const Coefficient exact = editAlpha(table);
    REQUIRE(exact.note.empty());
    EditAlphaLimits limits;
    limits.exactValues = 100;
    const Coefficient sampled = editAlpha(table, limits);
    REQUIRE(sampled.defined());
    CHECK(std::abs(sampled.value - exact.value) < 0.01);
    CHECK_THAT(sampled.note, Catch::StartsWith("expected disagreement estimated from 200000 random pairs of ratings "
                                               "(seed 1): "));
    CHECK_THAT(sampled.note, Catch::EndsWith("distinct values, more than the 100 computed exactly"));
    CHECK(editAlpha(table, limits).value == sampled.value);
    limits.seed = 2;
    CHECK(editAlpha(table, limits).value != sampled.value);
}
