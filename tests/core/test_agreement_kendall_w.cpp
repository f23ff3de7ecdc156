// Kendall's W with the tie correction against scipy: W = friedmanchisquare(...).statistic /
// (m (n - 1)), the tie-corrected Friedman statistic over m rankers and n things, on the things
// every ranker ranked. Each value: the command that printed it (run from the repository root,
// with Debian's python3-scipy).
#include "AgreementTestSupport.hpp"

#include "core/quality/agreement/KendallW.hpp"
#include "core/quality/agreement/TriplesCsv.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace concord::quality;
using concord::test::agreementData;
using concord::test::tableFromRows;

namespace {

void checkW(const std::string& file, double expected, std::size_t things, std::size_t excluded)
{
    INFO(file);
    const Coefficient w = kendallW(loadTriplesCsv(agreementData(file)));
    REQUIRE(w.defined());
    CHECK(std::abs(w.value - expected) <= 1e-12);
    CHECK(w.items == things);
    CHECK(w.excludedItems == excluded);
}

} // namespace

TEST_CASE("Kendall's W: matches scipy's Friedman statistic on rankings with ties, gaps and a missing rank",
          "[agreement][kendall][reference]")
{
    // Five judges, eight things: j3 ties two things, j4 gives scores with a tie (20, 20), j2
    // did not rank thing 8, which is left out (the others' ranks are taken among seven things).
    // /usr/bin/python3 tests/reference/agreement_leftovers.py kendall tests/data/agreement/rankings_ties.csv
    checkW("rankings_ties.csv", 0.9050359712230215, 7, 1);
}

TEST_CASE("Kendall's W: matches scipy on scores with many ties and missing ratings", "[agreement][kendall][reference]")
{
    // /usr/bin/python3 tests/reference/agreement_leftovers.py kendall tests/data/agreement/scores_missing.csv
    checkW("scores_missing.csv", 0.89291958041958, 10, 4);
}

TEST_CASE("Kendall's W: matches scipy on Shrout & Fleiss' judges as rankers", "[agreement][kendall][reference]")
{
    // /usr/bin/python3 tests/reference/agreement_leftovers.py kendall tests/data/agreement/shrout_fleiss.csv
    checkW("shrout_fleiss.csv", 0.8870370370370365, 6, 0);
}

TEST_CASE("Kendall's W: published worked examples", "[agreement][kendall][published]")
{
    // ProofWiki, "Kendall's Coefficient of Concordance/Examples/Arbitrary Example 1": three
    // competitors X, Y, Z ranked by four judges; W = 1/16.
    CHECK(kendallW(tableFromRows({{"1", "3", "2"}, {"1", "2", "3"}, {"2", "3", "1"}, {"3", "1", "2"}})).value ==
          Approx(1.0 / 16.0).epsilon(1e-15));
    // InfluentialPoints, "Kendall's coefficient of concordance", worked example I: four raters rank
    // strawberries from eight farms; rank sums 31 12 12 15 22 5 22 25, SS = 500, W = 500 / 672 = 0.744.
    const Coefficient w = kendallW(tableFromRows({{"8", "4", "2", "3", "5", "1", "6", "7"},
                                                  {"7", "3", "1", "4", "5", "2", "6", "8"},
                                                  {"8", "2", "5", "6", "7", "1", "4", "3"},
                                                  {"8", "3", "4", "2", "5", "1", "6", "7"}}));
    CHECK(w.value == Approx(500.0 / 672.0).epsilon(1e-15));
    CHECK(concord::test::printed(w.value, 3) == "0.744");
}

TEST_CASE("Kendall's W: the bounds, by hand", "[agreement][kendall]")
{
    // Identical orders: W = 1 (S = m^2 (n^3 - n) / 12). Scores instead of ranks change nothing.
    CHECK(kendallW(tableFromRows({{"1", "2", "3", "4"}, {"10", "20", "30", "40"}, {"1", "2", "3", "4"}})).value ==
          Approx(1.0).epsilon(1e-15));
    // Two rankers in opposite orders: every rank sum is n + 1, S = 0.
    CHECK(kendallW(tableFromRows({{"1", "2", "3"}, {"3", "2", "1"}})).value == Approx(0.0).margin(1e-15));
    // Every ranker ties everything: no variation.
    CHECK(kendallW(tableFromRows({{"1", "1", "1"}, {"2", "2", "2"}})).undefined == Undefined::NoVariation);
    CHECK_THROWS_WITH(kendallW(tableFromRows({{"a", "b"}, {"b", "a"}})),
                      "kendall-w needs numeric values, and 'a' is not a number");
}
