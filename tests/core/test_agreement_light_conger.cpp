// Light's kappa against the mean of scikit-learn's pairwise cohen_kappa_score, and Conger's
// kappa against Conger's (1980) formula in Gwet's (2014) form written independently in
// tests/reference/agreement_leftovers.py (no Debian package computes it). Each value: the
// command that printed it (run from the repository root).
#include "AgreementTestSupport.hpp"

#include "core/quality/agreement/CongerKappa.hpp"
#include "core/quality/agreement/LightKappa.hpp"
#include "core/quality/agreement/PairwiseAgreement.hpp"
#include "core/quality/agreement/TriplesCsv.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace concord::quality;
using concord::test::agreementData;
using concord::test::tableFromRows;

namespace {

void checkMultiRater(const Coefficient& actual, double expected)
{
    REQUIRE(actual.defined());
    CHECK(std::abs(actual.value - expected) <= 1e-12);
}

RatingTable loadReference(const std::string& file)
{
    return loadTriplesCsv(agreementData(file));
}

} // namespace

TEST_CASE("Light's kappa: the mean of scikit-learn's pairwise kappas", "[agreement][light][reference]")
{
    // Missing ratings: each pair on the items both rated.
    // /usr/bin/python3 tests/reference/agreement_leftovers.py light tests/data/agreement/krippendorff_reliability.csv
    checkMultiRater(lightKappa(loadReference("krippendorff_reliability.csv")), 0.7001626371070886);
    // /usr/bin/python3 tests/reference/agreement_leftovers.py light tests/data/agreement/scores_missing.csv
    checkMultiRater(lightKappa(loadReference("scores_missing.csv")), 0.24321632573003424);
    // /usr/bin/python3 tests/reference/agreement_leftovers.py light tests/data/agreement/shrout_fleiss.csv
    checkMultiRater(lightKappa(loadReference("shrout_fleiss.csv")), -0.0666221033868093);
}

TEST_CASE("Light's kappa: pairs without a defined kappa are left out and the note says so", "[agreement][light]")
{
    // coder3 shares no item with coder1: two of three pairs remain (coder2-coder3's kappa is 0).
    const RatingTable table =
        tableFromRows({{"a", "b", "a", "b", "", ""}, {"a", "b", "b", "b", "a", "b"}, {"", "", "", "", "a", "a"}});
    const Coefficient light = lightKappa(table);
    REQUIRE(light.defined());
    CHECK_THAT(light.note, Catch::StartsWith("the mean over 2 of 3 annotator pairs"));
    CHECK(lightKappa(tableFromRows({{"a"}, {""}})).undefined == Undefined::NoPairableItems);
}

TEST_CASE("Conger's kappa: the published formula on data with missing ratings and ties",
          "[agreement][conger][reference]")
{
    // /usr/bin/python3 tests/reference/agreement_leftovers.py conger tests/data/agreement/krippendorff_reliability.csv
    checkMultiRater(congerKappa(loadReference("krippendorff_reliability.csv")), 0.7620668936511117);
    // /usr/bin/python3 tests/reference/agreement_leftovers.py conger tests/data/agreement/scores_missing.csv
    checkMultiRater(congerKappa(loadReference("scores_missing.csv")), 0.15551181102362202);
    // /usr/bin/python3 tests/reference/agreement_leftovers.py conger tests/data/agreement/shrout_fleiss.csv
    checkMultiRater(congerKappa(loadReference("shrout_fleiss.csv")), -0.06598984771573604);
}

TEST_CASE("Conger's kappa: for two annotators on the same items it is Cohen's kappa", "[agreement][conger]")
{
    // Conger (1980): the generalisation reduces to Cohen's kappa for two raters.
    const RatingTable complete =
        tableFromRows({{"x", "y", "y", "z", "x", "x", "z"}, {"x", "y", "z", "z", "y", "x", "x"}});
    checkMultiRater(congerKappa(complete), cohenKappa(complete, KappaWeights::None).value);
}
