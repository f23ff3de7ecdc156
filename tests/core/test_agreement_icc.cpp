// The intraclass correlations of Shrout & Fleiss (1979) against their published Table 2 and
// against R's psych::ICC (lmer = FALSE). psych refuses missing data with lmer = FALSE and says to
// use na.omit, so the references with missing ratings are computed on na.omit(x): the complete
// items Concord keeps. Each value: the command that printed it (run from the repository root).
#include "AgreementTestSupport.hpp"

#include "core/quality/agreement/IntraclassCorrelation.hpp"
#include "core/quality/agreement/TriplesCsv.hpp"
#include "core/util/Error.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cmath>

using namespace concord::quality;
using concord::test::agreementData;
using concord::test::printed;
using concord::test::tableFromRows;

namespace {

constexpr std::array<std::pair<IccModel, IccUnit>, 6> kForms{{
    {IccModel::OneWay, IccUnit::Single},
    {IccModel::TwoWayRandom, IccUnit::Single},
    {IccModel::TwoWayMixed, IccUnit::Single},
    {IccModel::OneWay, IccUnit::Average},
    {IccModel::TwoWayRandom, IccUnit::Average},
    {IccModel::TwoWayMixed, IccUnit::Average},
}};

// `expected` in psych's order: ICC1, ICC2, ICC3, ICC1k, ICC2k, ICC3k.
void checkAll(const RatingTable& table, const std::array<double, 6>& expected, std::size_t items, std::size_t excluded)
{
    for (std::size_t f = 0; f < kForms.size(); ++f) {
        INFO("form " << f);
        const Coefficient icc = intraclassCorrelation(table, kForms[f].first, kForms[f].second);
        REQUIRE(icc.defined());
        CHECK(std::abs(icc.value - expected[f]) <= 1e-12);
        CHECK(icc.items == items);
        CHECK(icc.excludedItems == excluded);
    }
}

} // namespace

TEST_CASE("ICC: Shrout & Fleiss 1979 Table 2, to the two decimals they print", "[agreement][icc][published]")
{
    // Six targets rated by four judges (Shrout & Fleiss 1979, Table 2); their Table 4 gives
    // ICC(1,1) .17, ICC(2,1) .29, ICC(3,1) .71, ICC(1,4) .44, ICC(2,4) .62, ICC(3,4) .91.
    const RatingTable table = tableFromRows({{"9", "6", "8", "7", "10", "6"},
                                             {"2", "1", "4", "1", "5", "2"},
                                             {"5", "3", "6", "2", "6", "4"},
                                             {"8", "2", "8", "6", "9", "7"}});
    const std::array<const char*, 6> published = {"0.17", "0.29", "0.71", "0.44", "0.62", "0.91"};
    for (std::size_t f = 0; f < kForms.size(); ++f) {
        CHECK(printed(intraclassCorrelation(table, kForms[f].first, kForms[f].second).value, 2) == published[f]);
    }
}

TEST_CASE("ICC: matches psych on Shrout & Fleiss' data", "[agreement][icc][reference]")
{
    // Rscript -e 'library(psych); d <- read.csv("tests/data/agreement/shrout_fleiss.csv"); x <- tapply(d$value,
    //   list(d$item, d$annotator), c); print(ICC(x, lmer=FALSE)$results$ICC, digits=17)'
    checkAll(loadTriplesCsv(agreementData("shrout_fleiss.csv")),
             {0.16574176840547555, 0.28976377952755922, 0.71484071484071487, 0.44279713367926893, 0.62005054759898925,
              0.90931554237706946},
             6, 0);
}

TEST_CASE("ICC: matches psych on complete items of scores with ties and missing ratings", "[agreement][icc][reference]")
{
    // 14 items, four raters; 4 items miss a rating (an empty value, an absent row, an item rated
    // once) and are left out. na.omit keeps the same 10 rows.
    // Rscript -e 'library(psych); d <- read.csv("tests/data/agreement/scores_missing.csv"); x <- tapply(d$value,
    //   list(d$item, d$annotator), c); print(ICC(na.omit(x), lmer=FALSE)$results$ICC, digits=17)'
    checkAll(loadTriplesCsv(agreementData("scores_missing.csv")),
             {0.69109947643979031, 0.70743801652892546, 0.89727463312368971, 0.89948892674616676, 0.90629962943356279,
              0.97217490062464507},
             10, 4);
}

TEST_CASE("ICC: matches psych on Krippendorff's reliability data (missing values, ties)", "[agreement][icc][reference]")
{
    // Rscript -e 'library(psych); d <- read.csv("tests/data/agreement/krippendorff_reliability.csv"); x <-
    //   tapply(d$value, list(d$item, d$annotator), c); print(ICC(na.omit(x), lmer=FALSE)$results$ICC, digits=17)'
    checkAll(loadTriplesCsv(agreementData("krippendorff_reliability.csv")),
             {0.69892473118279586, 0.70065789473684226, 0.71717171717171735, 0.90277777777777779, 0.90349946977730644,
              0.91025641025641024},
             8, 4);
}

TEST_CASE("ICC: refuses values that are not numbers, and says when too little is complete", "[agreement][icc]")
{
    const RatingTable labels = tableFromRows({{"a", "b"}, {"a", "c"}});
    CHECK_THROWS_WITH(intraclassCorrelation(labels, IccModel::OneWay, IccUnit::Single),
                      "icc1 needs numeric values, and 'a' is not a number");
    CHECK_THROWS_AS(intraclassCorrelation(labels, IccModel::TwoWayMixed, IccUnit::Average), concord::InputError);

    const RatingTable oneComplete = tableFromRows({{"1", "2", "3"}, {"1", "", ""}});
    const Coefficient icc = intraclassCorrelation(oneComplete, IccModel::TwoWayRandom, IccUnit::Single);
    CHECK(icc.undefined == Undefined::NotApplicable);
    CHECK(icc.excludedItems == 2);
    CHECK_THAT(icc.reason(), Catch::Contains("there are 1 such items and 2 annotators"));

    const RatingTable constant = tableFromRows({{"3", "3", "3"}, {"3", "3", "3"}});
    CHECK(intraclassCorrelation(constant, IccModel::OneWay, IccUnit::Single).undefined == Undefined::NoVariation);
}
