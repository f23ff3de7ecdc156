// The breakdowns: one value against the rest, annotator pairs, each annotator against the
// others' majority, and the review queue of contested samples.
#include "AgreementTestSupport.hpp"

#include "core/quality/agreement/AgreementBreakdown.hpp"
#include "core/quality/agreement/AgreementReport.hpp"
#include "core/quality/agreement/KrippendorffAlpha.hpp"
#include "core/quality/agreement/SampleContest.hpp"

#include <catch2/catch.hpp>

using namespace concord::quality;
using concord::test::tableFromRows;

namespace {

const std::vector<std::vector<std::string>> kRows = {
    {"a", "b", "a", "c", "a", "b", "."},
    {"a", "b", "b", "c", "a", ".", "c"},
    {"a", "a", "b", "c", "b", "b", "."},
};

} // namespace

TEST_CASE("per value alpha equals alpha of the data recoded to that value or not", "[agreement][breakdown]")
{
    const RatingTable table = tableFromRows(kRows);
    const auto perValue = perValueAlpha(table, coincidence(table));
    REQUIRE(perValue.size() == 3);
    for (const auto& entry : perValue) {
        std::vector<std::vector<std::string>> recoded = kRows;
        for (auto& row : recoded) {
            for (auto& value : row) {
                if (value != ".") {
                    value = value == table.values[entry.value] ? "yes" : "no";
                }
            }
        }
        const Coefficient binary = krippendorffAlpha(tableFromRows(recoded), AlphaMetric::Nominal);
        INFO(table.values[entry.value]);
        CHECK(entry.alpha.value == Approx(binary.value).epsilon(1e-13));
    }
    CHECK(perValue[0].uses == 7); // "a": every rating, pairable or not
}

TEST_CASE("annotator pairs: kappa over the items both rated", "[agreement][breakdown]")
{
    const RatingTable table = tableFromRows(kRows);
    const auto pairs = pairwiseKappa(table, KappaWeights::None);
    REQUIRE(pairs.size() == 3);
    CHECK(pairs[0].first == 0);
    CHECK(pairs[0].second == 1);
    CHECK(pairs[0].kappa.items == 5);         // u1..u5
    CHECK(pairs[0].kappa.excludedItems == 2); // u6 (coder1 only of the two), u7 (coder2 only)
    // The same as Cohen's kappa on the two annotators alone.
    const RatingTable two = tableFromRows({kRows[0], kRows[1]});
    CHECK(pairs[0].kappa.value == Approx(cohenKappa(two, KappaWeights::None).value).epsilon(1e-15));
}

TEST_CASE("each annotator against the majority of the others, ties and lone ratings are counted",
          "[agreement][breakdown]")
{
    const RatingTable table = tableFromRows(kRows);
    const auto entries = annotatorVersusRest(table, KappaWeights::None);
    REQUIRE(entries.size() == 3);
    // coder1 rated u1..u6: the others tie on u3 (b, b: no tie) ... count by hand:
    // u1 others a,a -> a; u2 b,a -> tie; u3 b,b -> b; u4 c,c -> c; u5 a,b -> tie; u6 b -> b.
    CHECK(entries[0].ratings == 6);
    CHECK(entries[0].ties == 2);
    CHECK(entries[0].alone == 0);
    CHECK(entries[0].kappa.items == 4);
    CHECK(*entries[0].agreesWithOthers == Approx(3.0 / 4.0)); // a=a, a!=b, c=c, b=b
    // coder2 rated u7 alone.
    CHECK(entries[1].alone == 1);
}

TEST_CASE("contested samples: lowest majority share first, then highest entropy", "[agreement][breakdown]")
{
    const RatingTable table = tableFromRows({
        {"a", "a", "a", "a", "b"},
        {"a", "b", "b", "a", "c"},
        {"a", "c", "a", "b", "a"},
        {"a", "d", "b", "b", "."},
    });
    const auto contested = contestedItems(table);
    REQUIRE(contested.size() == 5);
    // u2: a b c d (share 1/4); u5: b c a (1/3); u3: a b a b (tie at 1/2), u4: a a b b (tie at 1/2); u1: all a.
    CHECK(table.items[contested[0].item] == "u2");
    CHECK(contested[0].entropy == Approx(2.0));
    CHECK(table.items[contested[1].item] == "u5");
    CHECK(contested[1].entropy == Approx(std::log2(3.0)));
    CHECK(table.items[contested[2].item] == "u3");
    CHECK(table.items[contested[3].item] == "u4");
    CHECK(contested[2].tie);
    CHECK(table.values[contested[2].majorityValue] == "a"); // a tie goes to the first value
    CHECK(table.items[contested[4].item] == "u1");
    CHECK(contested[4].majorityShare == 1.0);
    CHECK(contested[4].entropy == 0.0);
    CHECK_FALSE(contested[4].tie);
}

TEST_CASE("a report gathers the coefficients and breakdowns, with reasons for those that do not apply",
          "[agreement][breakdown]")
{
    const AgreementData data = dataFromTable(tableFromRows(kRows));
    ReportOptions options;
    options.bootstrap = 200;
    options.seed = 3;
    const AgreementReport report = buildReport(data, options);
    CHECK(report.kind == DataKind::Labels);
    CHECK(report.items == 7);
    CHECK(report.annotators == 3);
    CHECK(report.ratings == 18);
    CHECK(report.pairableItems == 6);
    CHECK(report.ratedOnce == 1); // u7
    REQUIRE(report.coefficients.size() == defaultMetrics(data).size());
    const auto find = [&](Metric metric) {
        for (const auto& [m, c] : report.coefficients) {
            if (m == metric) {
                return c;
            }
        }
        FAIL("missing metric");
        return Coefficient{};
    };
    CHECK(find(Metric::AlphaNominal).defined());
    CHECK(find(Metric::Cohen).undefined == Undefined::NotApplicable);
    CHECK_THAT(find(Metric::Cohen).reason(), Catch::Contains("exactly two annotators"));
    CHECK(find(Metric::Fleiss).undefined == Undefined::NotApplicable); // u6 has two ratings, u1 three
    REQUIRE(report.bootstrap.has_value());
    CHECK(report.bootstrapMetric == AlphaMetric::Nominal);
    CHECK(report.perValue.size() == 3);
    CHECK(report.pairs.size() == 3);
    CHECK(report.perAnnotator.size() == 3);
    CHECK(report.contested.size() == 6);
}
