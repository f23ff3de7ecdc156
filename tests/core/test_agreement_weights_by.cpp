// Weighted kappa by value (Concord's default) and by rank among the values seen (scikit-learn,
// statsmodels, R's irr), on ratings 1, 3, 4, 7 where the two differ. Each value: the command
// that printed it (run from the repository root).
#include "AgreementTestSupport.hpp"

#include "core/quality/agreement/AgreementMetrics.hpp"
#include "core/quality/agreement/PairwiseAgreement.hpp"
#include "core/quality/agreement/TriplesCsv.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace concord::quality;
using concord::test::agreementData;
using concord::test::tableFromRows;

namespace {

void checkWeighted(const Coefficient& actual, double expected)
{
    REQUIRE(actual.defined());
    CHECK(std::abs(actual.value - expected) <= 1e-12);
}

} // namespace

TEST_CASE("weights by rank: scikit-learn's weighted kappa on ratings with gaps", "[agreement][weights][reference]")
{
    const RatingTable table = loadTriplesCsv(agreementData("rating_gaps.csv"));
    // /usr/bin/python3 tests/reference/agreement_leftovers.py cohen tests/data/agreement/rating_gaps.csv linear
    checkWeighted(cohenKappa(table, KappaWeights::Linear, WeightScale::Rank), 0.353146853146853);
    // /usr/bin/python3 tests/reference/agreement_leftovers.py cohen tests/data/agreement/rating_gaps.csv quadratic
    checkWeighted(cohenKappa(table, KappaWeights::Quadratic, WeightScale::Rank), 0.33352701917489824);
    // Unweighted kappa has no scale: the same either way.
    // /usr/bin/python3 tests/reference/agreement_leftovers.py cohen tests/data/agreement/rating_gaps.csv none
    checkWeighted(cohenKappa(table, KappaWeights::None, WeightScale::Rank), 0.349609375);
    CHECK(cohenKappa(table, KappaWeights::Linear, WeightScale::Rank).note ==
          "weights on the ranks among the values seen");
}

TEST_CASE("weights by value, the default: scikit-learn with every integer of the range as a label",
          "[agreement][weights][reference]")
{
    const RatingTable table = loadTriplesCsv(agreementData("rating_gaps.csv"));
    // /usr/bin/python3 tests/reference/agreement_leftovers.py cohen-by-value tests/data/agreement/rating_gaps.csv
    // linear
    checkWeighted(cohenKappa(table, KappaWeights::Linear), 0.34278591461514485);
    // /usr/bin/python3 tests/reference/agreement_leftovers.py cohen-by-value
    //   tests/data/agreement/rating_gaps.csv quadratic
    checkWeighted(computeMetric(dataFromTable(table), Metric::CohenQuadratic), 0.30689517736149863);
    MetricOptions byRank;
    byRank.scale = WeightScale::Rank;
    checkWeighted(computeMetric(dataFromTable(table), Metric::CohenQuadratic, byRank), 0.33352701917489824);
}

TEST_CASE("weights by rank: a value only one annotator used still has its rank", "[agreement][weights]")
{
    // Values 1, 5, 9: the second annotator alone used 9. Ranks 0, 1, 2 make 1-5 and 5-9 one step
    // each, as the values do; so both scales agree here, and with 1, 2, 9 they do not.
    const RatingTable even = tableFromRows({{"1", "5", "5", "1"}, {"1", "5", "9", "5"}});
    CHECK(cohenKappa(even, KappaWeights::Linear, WeightScale::Rank).value ==
          Approx(cohenKappa(even, KappaWeights::Linear).value).epsilon(1e-15));
    const RatingTable uneven = tableFromRows({{"1", "2", "2", "1"}, {"1", "2", "9", "2"}});
    CHECK(cohenKappa(uneven, KappaWeights::Linear, WeightScale::Rank).value !=
          Approx(cohenKappa(uneven, KappaWeights::Linear).value));
}
