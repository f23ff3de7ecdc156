// The edge cases of the agreement coefficients, each with its defined answer: no variation, one
// annotator, items rated once, empty input, and input a coefficient does not apply to.
#include "AgreementTestSupport.hpp"

#include "core/quality/agreement/AgreementBreakdown.hpp"
#include "core/quality/agreement/AgreementMetrics.hpp"
#include "core/quality/agreement/AlphaBootstrap.hpp"
#include "core/quality/agreement/KrippendorffAlpha.hpp"
#include "core/quality/agreement/MultiRaterAgreement.hpp"
#include "core/quality/agreement/PairwiseAgreement.hpp"
#include "core/quality/agreement/SampleContest.hpp"
#include "core/util/Error.hpp"

#include <catch2/catch.hpp>

using namespace concord::quality;
using concord::InputError;
using concord::test::printed;
using concord::test::tableFromRows;

TEST_CASE("all ratings identical: alpha and kappa are undefined for lack of variation, not NaN", "[agreement][edge]")
{
    const RatingTable table = tableFromRows({{"a", "a", "a"}, {"a", "a", "a"}, {"a", "a", "."}});
    for (const AlphaMetric metric : {AlphaMetric::Nominal, AlphaMetric::Ordinal}) {
        const Coefficient alpha = krippendorffAlpha(table, metric);
        CHECK_FALSE(alpha.defined());
        CHECK(alpha.undefined == Undefined::NoVariation);
        CHECK_FALSE(alpha.get().has_value());
        CHECK(alpha.reason().starts_with("no variation"));
        CHECK(alpha.items == 3); // the counts still describe the input
        CHECK(alpha.ratings == 8);
    }
    CHECK(fleissKappa(tableFromRows({{"a", "a"}, {"a", "a"}})).undefined == Undefined::NoVariation);
    CHECK(cohenKappa(tableFromRows({{"a", "a"}, {"a", "a"}}), KappaWeights::None).undefined == Undefined::NoVariation);
    CHECK(scottPi(tableFromRows({{"a", "a"}, {"a", "a"}})).undefined == Undefined::NoVariation);
    // Percent agreement is perfectly defined: they agree every time.
    CHECK(percentAgreement(table).value == 1.0);
    // Bennett's S needs two possible values; with a scale of two it is defined.
    CHECK(bennettS(table).undefined == Undefined::OneCategory);
    ValueOrder scale;
    scale.listed = {"a", "b"};
    CHECK(bennettS(tableFromRows({{"a", "a"}, {"a", "a"}}, scale)).value == 1.0);
    // One against the rest: a value nobody used, or everybody, has no variation either.
    const RatingTable twoValues = tableFromRows({{"a", "b"}, {"a", "b"}}, scale);
    const auto perValue = perValueAlpha(twoValues, coincidence(twoValues));
    CHECK(perValue[0].alpha.value == 1.0);
    const RatingTable unused = tableFromRows({{"a", "a"}, {"a", "a"}}, scale);
    CHECK(perValueAlpha(unused, coincidence(unused))[1].alpha.undefined == Undefined::NoVariation);
}

TEST_CASE("one annotator: nothing can be paired", "[agreement][edge]")
{
    const RatingTable table = tableFromRows({{"a", "b", "c"}});
    const Coefficient alpha = krippendorffAlpha(table, AlphaMetric::Nominal);
    CHECK(alpha.undefined == Undefined::NoPairableItems);
    CHECK(alpha.excludedItems == 3);
    CHECK(alpha.reason() == "no item was rated by two or more annotators");
    CHECK(percentAgreement(table).undefined == Undefined::NoPairableItems);
    CHECK(fleissKappa(table).undefined == Undefined::NoPairableItems);
    CHECK_THROWS_WITH(cohenKappa(table, KappaWeights::None),
                      Catch::Contains("needs exactly two annotators, and there is 1 (coder1)"));
    CHECK(contestedItems(table).empty());
    CHECK_FALSE(bootstrapAlpha(table, AlphaMetric::Nominal, 10, 1).defined());
    const auto perAnnotator = annotatorVersusRest(table, KappaWeights::None);
    REQUIRE(perAnnotator.size() == 1);
    CHECK(perAnnotator[0].alone == 3);
    CHECK(perAnnotator[0].kappa.undefined == Undefined::NoPairableItems);
    CHECK_FALSE(perAnnotator[0].agreesWithOthers.has_value());
}

TEST_CASE("items rated once are excluded and counted, the result is that of the pairable items", "[agreement][edge]")
{
    const RatingTable pairable = tableFromRows({{"1", "2", "3", "1"}, {"1", "2", "2", "1"}, {"2", "2", "3", "."}});
    const RatingTable withSingles =
        tableFromRows({{"1", "2", "3", "1", "3", "."}, {"1", "2", "2", "1", ".", "."}, {"2", "2", "3", ".", ".", "2"}});
    for (const AlphaMetric metric : {AlphaMetric::Nominal, AlphaMetric::Ordinal, AlphaMetric::Interval}) {
        const Coefficient expected = krippendorffAlpha(pairable, metric);
        const Coefficient actual = krippendorffAlpha(withSingles, metric);
        CHECK(actual.value == Approx(expected.value).epsilon(1e-15));
        CHECK(actual.items == 4);
        CHECK(actual.excludedItems == 2);
    }
    CHECK(percentAgreement(withSingles).excludedItems == 2);
    CHECK(percentAgreement(withSingles).value == percentAgreement(pairable).value);
}

TEST_CASE("empty input: every coefficient says there are no ratings", "[agreement][edge]")
{
    const RatingTable empty = ratingTableFromTriples({});
    CHECK(krippendorffAlpha(empty, AlphaMetric::Nominal).undefined == Undefined::NoRatings);
    CHECK(krippendorffAlpha(empty, AlphaMetric::Interval).undefined == Undefined::NoRatings);
    CHECK(percentAgreement(empty).undefined == Undefined::NoRatings);
    CHECK(fleissKappa(empty).undefined == Undefined::NoRatings);
    CHECK(contestedItems(empty).empty());
    CHECK(perValueAlpha(empty, coincidence(empty)).empty());
    CHECK(pairwiseKappa(empty, KappaWeights::None).empty());
    CHECK_THROWS_WITH(cohenKappa(empty, KappaWeights::None), Catch::Contains("there are 0"));
    // Rows whose values are all missing register the item but rate nothing.
    const RatingTable missing = ratingTableFromTriples({{"x", "ann", ""}, {"x", "bob", ""}});
    CHECK(missing.items.size() == 1);
    CHECK(missing.ratings.empty());
    CHECK(krippendorffAlpha(missing, AlphaMetric::Nominal).undefined == Undefined::NoRatings);
    CHECK(describe(Undefined::NoRatings) == "no ratings");
}

TEST_CASE("coefficients refuse input they do not apply to, with a message that says why", "[agreement][edge]")
{
    const RatingTable three = tableFromRows({{"a", "b"}, {"a", "b"}, {"a", "a"}});
    CHECK_THROWS_WITH(cohenKappa(three, KappaWeights::None),
                      Catch::Contains("Cohen's kappa needs exactly two annotators, and there are 3"));
    CHECK_THROWS_WITH(scottPi(three), Catch::Contains("Scott's pi needs exactly two annotators"));

    // Fleiss' kappa with an item rated by two and another by three: refused, naming both.
    const RatingTable uneven = tableFromRows({{"a", "b"}, {"a", "b"}, {".", "a"}});
    CHECK_THROWS_WITH(fleissKappa(uneven), Catch::Contains("item 'u2' has 3 and item 'u1' has 2") &&
                                               Catch::Contains("the same number of ratings for every item"));

    // Interval and ratio alpha need numbers; ratio needs non-negative ones.
    CHECK_THROWS_WITH(krippendorffAlpha(three, AlphaMetric::Interval),
                      Catch::Contains("alpha-interval needs numeric values, and 'a' is not a number"));
    const RatingTable negative = tableFromRows({{"-1", "2"}, {"-1", "3"}});
    CHECK_THROWS_WITH(krippendorffAlpha(negative, AlphaMetric::Ratio), Catch::Contains("'-1' is negative"));
    CHECK(krippendorffAlpha(negative, AlphaMetric::Interval).defined());

    // A coefficient chosen by name that does not fit the data.
    const AgreementData data = dataFromTable(three);
    CHECK_THROWS_WITH(computeMetric(data, Metric::AlphaMasi), Catch::Contains("needs label sets"));
    CHECK_THROWS_WITH(computeMetric(data, Metric::SpanF1), Catch::Contains("needs span annotations"));
    CHECK_THROWS_WITH(metricFromName("kappa"), Catch::Contains("unknown metric 'kappa'") &&
                                                   Catch::Contains("alpha-nominal") && Catch::Contains("span-f1"));
}

TEST_CASE("a values x values coincidence matrix is refused beyond its limit", "[agreement][edge]")
{
    std::vector<Triple> triples;
    for (std::size_t v = 0; v <= kMaxCoincidenceValues; ++v) {
        triples.push_back({"item" + std::to_string(v), "ann", "v" + std::to_string(v)});
        triples.push_back({"item" + std::to_string(v), "bob", "v" + std::to_string(v)});
    }
    const RatingTable table = ratingTableFromTriples(triples);
    CHECK_THROWS_WITH(krippendorffAlpha(table, AlphaMetric::Nominal), Catch::Contains("4097 distinct values"));
    // Coefficients that need no such matrix still work.
    CHECK(percentAgreement(table).value == 1.0);
}

TEST_CASE("the bootstrap interval is reproducible from its seed and brackets alpha", "[agreement][bootstrap]")
{
    const RatingTable table = tableFromRows({
        {"1", "2", "3", "3", "2", "1", "4", "1", "2", ".", ".", "."},
        {"1", "2", "3", "3", "2", "2", "4", "1", "2", "5", ".", "3"},
        {".", "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", "."},
        {"1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", "."},
    });
    const BootstrapInterval first = bootstrapAlpha(table, AlphaMetric::Nominal, 2000, 42);
    const BootstrapInterval again = bootstrapAlpha(table, AlphaMetric::Nominal, 2000, 42);
    const BootstrapInterval other = bootstrapAlpha(table, AlphaMetric::Nominal, 2000, 43);
    REQUIRE(first.defined());
    CHECK(first.lower == again.lower);
    CHECK(first.upper == again.upper);
    CHECK((first.lower != other.lower || first.upper != other.upper));
    CHECK(first.replicates == 2000);
    CHECK(first.used <= 2000);
    CHECK(first.level == 0.95);
    CHECK(first.lower < 0.743);
    CHECK(first.upper > 0.743);
    CHECK(first.upper <= 1.0);
    const BootstrapInterval narrow = bootstrapAlpha(table, AlphaMetric::Nominal, 2000, 42, 0.5);
    CHECK(narrow.lower >= first.lower);
    CHECK(narrow.upper <= first.upper);
    // The ordinal metric's distances follow each resample's frequencies.
    CHECK(bootstrapAlpha(table, AlphaMetric::Ordinal, 500, 7).defined());
    CHECK_THROWS_AS(bootstrapAlpha(table, AlphaMetric::Nominal, 0, 1), InputError);
    CHECK_THROWS_AS(bootstrapAlpha(table, AlphaMetric::Nominal, 10, 1, 1.0), InputError);
    CHECK_THROWS_AS(bootstrapAlpha(tableFromRows({{"a", "b"}, {"a", "a"}}), AlphaMetric::Interval, 10, 1), InputError);
}
