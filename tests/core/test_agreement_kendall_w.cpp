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
