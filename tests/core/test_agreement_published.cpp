// Agreement coefficients against published worked examples, to every digit the source prints.
#include "AgreementTestSupport.hpp"

#include "core/quality/agreement/AgreementMetrics.hpp"
#include "core/quality/agreement/KrippendorffAlpha.hpp"
#include "core/quality/agreement/MultiRaterAgreement.hpp"
#include "core/quality/agreement/PairwiseAgreement.hpp"

#include <catch2/catch.hpp>

using namespace concord::quality;
using concord::test::printed;
using concord::test::tableFromCrossCounts;
using concord::test::tableFromRows;

namespace {

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
// twelve units, values 1-5, with missing data ("." = not rated). Unit 12 has one value only.
RatingTable krippendorff2011()
{
    return tableFromRows({
        {"1", "2", "3", "3", "2", "1", "4", "1", "2", ".", ".", "."},
        {"1", "2", "3", "3", "2", "2", "4", "1", "2", "5", ".", "3"},
        {".", "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", "."},
        {"1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", "."},
    });
}

} // namespace

TEST_CASE("Krippendorff 2011: alpha for the four-observer example with missing data", "[agreement][published]")
{
    const RatingTable table = krippendorff2011();
    const Coincidence matrix = coincidence(table);
    // The paper's coincidence totals: n = 40 pairable values; n_1..n_5 = 9, 13, 10, 5, 3.
    CHECK(matrix.total == 40.0);
    CHECK(matrix.marginal == std::vector<double>{9, 13, 10, 5, 3});
    CHECK(printed(matrix.at(0, 0), 3) == "7.000");
    CHECK(printed(matrix.at(0, 1), 3) == "1.333"); // 4/3
    CHECK(printed(matrix.at(1, 1), 3) == "10.000");
    CHECK(printed(matrix.at(2, 2), 3) == "8.000");

    const Coefficient nominal = krippendorffAlpha(table, matrix, AlphaMetric::Nominal);
    const Coefficient ordinal = krippendorffAlpha(table, matrix, AlphaMetric::Ordinal);
    const Coefficient interval = krippendorffAlpha(table, matrix, AlphaMetric::Interval);
    const Coefficient ratio = krippendorffAlpha(table, matrix, AlphaMetric::Ratio);
    REQUIRE(nominal.defined());
    CHECK(printed(nominal.value, 3) == "0.743");
    CHECK(printed(ordinal.value, 3) == "0.815");
    CHECK(printed(interval.value, 3) == "0.849");
    CHECK(printed(ratio.value, 3) == "0.797");
    // Unit 12 (one value) cannot be paired: left out and counted.
    CHECK(nominal.items == 11);
    CHECK(nominal.ratings == 40);
    CHECK(nominal.excludedItems == 1);
}

TEST_CASE("Fleiss 1971 as worked on Wikipedia: 10 subjects, 14 raters, 5 categories", "[agreement][published]")
{
    // n_ij: how many of the 14 raters put subject i in category j.
    const std::vector<std::vector<int>> counts = {
        {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
        {7, 7, 0, 0, 0},  {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
    };
    std::vector<Triple> triples;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        int rater = 0;
        for (std::size_t j = 0; j < counts[i].size(); ++j) {
            for (int k = 0; k < counts[i][j]; ++k) {
                triples.push_back(
                    {"s" + std::to_string(i + 1), "r" + std::to_string(++rater), "c" + std::to_string(j + 1)});
            }
        }
    }
    const RatingTable table = ratingTableFromTriples(triples);
    const Coefficient kappa = fleissKappa(table);
    REQUIRE(kappa.defined());
    CHECK(printed(kappa.value, 3) == "0.210");
    CHECK(kappa.items == 10);
    CHECK(kappa.ratings == 140);
    // P-bar, the mean agreement per subject, is printed as 0.378.
    CHECK(printed(percentAgreement(table).value, 3) == "0.378");
}

TEST_CASE("Cohen's kappa: Wikipedia's examples", "[agreement][published]")
{
    SECTION("50 grant proposals: 20 yes-yes, 5 yes-no, 10 no-yes, 15 no-no gives 0.4")
    {
        const RatingTable table = tableFromCrossCounts({"Yes", "No"}, {{20, 5}, {10, 15}});
        const Coefficient kappa = cohenKappa(table, KappaWeights::None);
        REQUIRE(kappa.defined());
        CHECK(printed(kappa.value, 1) == "0.4");
        CHECK(printed(percentAgreement(table).value, 1) == "0.7");
        CHECK(kappa.items == 50);
    }
    SECTION("Same percentages but different numbers: 0.1304 and 0.2593")
    {
        CHECK(printed(cohenKappa(tableFromCrossCounts({"Yes", "No"}, {{45, 15}, {25, 15}}), KappaWeights::None).value,
                      4) == "0.1304");
        CHECK(printed(cohenKappa(tableFromCrossCounts({"Yes", "No"}, {{25, 35}, {5, 35}}), KappaWeights::None).value,
                      4) == "0.2593");
    }
}

TEST_CASE("Quadratic weighted kappa: Maple EssayTools' QuadraticWeightedKappa examples", "[agreement][published]")
{
    // Maple's help page for EssayTools[QuadraticWeightedKappa] prints these to 15 digits. Its
    // scale runs from the smallest to the largest score (1..10), so weights are by the numbers,
    // as Concord's are for numeric values (scikit-learn, which weights by the position among the
    // scores seen, gives 0.763 and 0.404 here because 2 never occurs).
    const auto table = [](const std::vector<std::string>& first, const std::vector<std::string>& second) {
        return tableFromRows({first, second});
    };
    const RatingTable one =
        table({"9", "7", "8", "7", "6", "8", "3", "5", "10"}, {"8", "8", "6", "6", "7", "6", "1", "4", "8"});
    const RatingTable two =
        table({"9", "7", "8", "7", "6", "8", "3", "5", "10"}, {"3", "5", "6", "6", "7", "6", "1", "4", "8"});
    CHECK(printed(cohenKappa(one, KappaWeights::Quadratic).value, 15) == "0.758620689655172");
    CHECK(printed(cohenKappa(two, KappaWeights::Quadratic).value, 15) == "0.438095238095238");
}
