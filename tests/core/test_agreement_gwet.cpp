// Gwet's AC1 and AC2 against Gwet's published value and against the handbook's formulas
// written independently in tests/reference/agreement_leftovers.py (no Debian package computes
// Gwet's coefficients; R's irrCAC is not in Debian). Each value: the command that printed it.
#include "AgreementTestSupport.hpp"

#include "core/quality/agreement/GwetAgreement.hpp"
#include "core/quality/agreement/TriplesCsv.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace concord::quality;
using concord::test::agreementData;
using concord::test::printed;
using concord::test::tableFromRows;

namespace {

void checkGwet(const std::string& file, KappaWeights weights, double expected)
{
    INFO(file);
    const Coefficient ac = gwetAgreement(loadTriplesCsv(agreementData(file)), weights);
    REQUIRE(ac.defined());
    CHECK(std::abs(ac.value - expected) <= 1e-12);
}

} // namespace

TEST_CASE("Gwet's AC1: the published value for Krippendorff's four-observer data", "[agreement][gwet][published]")
{
    // irrCAC's documentation (Gwet's package) prints gwet.ac1.raw(cac.raw4raters): pa 0.8181818,
    // AC1 0.77544, for these 12 units x 4 raters with missing ratings (unit 12 rated once).
    const Coefficient ac1 =
        gwetAgreement(loadTriplesCsv(agreementData("krippendorff_reliability.csv")), KappaWeights::None);
    CHECK(printed(ac1.value, 5) == "0.77544");
    CHECK(ac1.items == 11);
    CHECK(ac1.excludedItems == 1);
}

TEST_CASE("Gwet's AC1 and AC2 match the handbook's formulas on data with missing ratings and ties",
          "[agreement][gwet][reference]")
{
    // /usr/bin/python3 tests/reference/agreement_leftovers.py gwet tests/data/agreement/krippendorff_reliability.csv
    checkGwet("krippendorff_reliability.csv", KappaWeights::None, 0.775444068126995);
    // ... gwet tests/data/agreement/krippendorff_reliability.csv linear
    checkGwet("krippendorff_reliability.csv", KappaWeights::Linear, 0.8587391364326112);
    // ... gwet tests/data/agreement/krippendorff_reliability.csv quadratic
    checkGwet("krippendorff_reliability.csv", KappaWeights::Quadratic, 0.914000723551605);
    // /usr/bin/python3 tests/reference/agreement_leftovers.py gwet tests/data/agreement/scores_missing.csv
    checkGwet("scores_missing.csv", KappaWeights::None, 0.19603756006997272);
    // ... gwet tests/data/agreement/scores_missing.csv linear
    checkGwet("scores_missing.csv", KappaWeights::Linear, 0.5117671115737817);
    // ... gwet tests/data/agreement/scores_missing.csv quadratic
    checkGwet("scores_missing.csv", KappaWeights::Quadratic, 0.7247078395810893);
    // /usr/bin/python3 tests/reference/agreement_leftovers.py gwet tests/data/agreement/shrout_fleiss.csv
    checkGwet("shrout_fleiss.csv", KappaWeights::None, -0.07692307692307691);
    // ... gwet tests/data/agreement/shrout_fleiss.csv linear
    checkGwet("shrout_fleiss.csv", KappaWeights::Linear, 0.10843373493975893);
    // ... gwet tests/data/agreement/shrout_fleiss.csv quadratic
    checkGwet("shrout_fleiss.csv", KappaWeights::Quadratic, 0.3151100987091868);
}

TEST_CASE("Gwet's AC: edge cases", "[agreement][gwet]")
{
    // Perfect agreement on two values: p_a = 1, AC1 = 1 whatever p_e.
    CHECK(gwetAgreement(tableFromRows({{"a", "b", "a"}, {"a", "b", "a"}}), KappaWeights::None).value ==
          Approx(1.0).epsilon(1e-15));
    CHECK(gwetAgreement(tableFromRows({{"a", "a"}, {"a", "a"}}), KappaWeights::None).undefined ==
          Undefined::OneCategory);
    CHECK(gwetAgreement(tableFromRows({{"a", ""}, {"", "b"}}), KappaWeights::None).undefined ==
          Undefined::NoPairableItems);
    const Coefficient ac2 = gwetAgreement(tableFromRows({{"1", "2", "3"}, {"1", "3", "3"}}), KappaWeights::Linear);
    CHECK(ac2.note == "linear weights on the values");
}
