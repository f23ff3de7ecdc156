// concord-cli agreement --triples --metric with the coefficients of issue 16 (ICC, Kendall's W,
// Gwet's AC1/AC2, Light's and Conger's kappa, alpha with the edit distance, --weights-by) on the
// reference files under tests/data/agreement: text and JSON. The expected values are the
// reference values of tests/core/test_agreement_*.cpp, where the commands that produced them are.
#include "tests/cli/CliTestSupport.hpp"
#include "tests/support/RunCommand.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

using namespace concord;
using test::quoted;
using test::runCommand;

namespace {

test::CommandResult agreement(const std::string& file, const std::string& arguments)
{
    return runCommand(std::string(CONCORD_CLI) + " agreement --triples " +
                      quoted(std::string(CONCORD_TEST_DATA) + "/agreement/" + file) + " " + arguments);
}

nlohmann::json json(const std::string& file, const std::string& arguments)
{
    const auto result = agreement(file, arguments + " --json");
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    return nlohmann::json::parse(result.output);
}

} // namespace

TEST_CASE("cli agreement: the six intraclass correlations", "[cli][agreement][icc]")
{
    // Shrout & Fleiss (1979) Table 2; values from psych::ICC.
    const auto icc2 = agreement("shrout_fleiss.csv", "--metric icc2");
    REQUIRE(icc2.exitCode == 0);
    CHECK(icc2.output == "icc2  0.2898  (ICC(2,1), two-way random, single rater; 6 items, 24 ratings)\n");
    const std::vector<std::pair<std::string, double>> expected = {
        {"icc1", 0.16574176840547555},  {"icc2", 0.28976377952755922},  {"icc3", 0.71484071484071487},
        {"icc1k", 0.44279713367926893}, {"icc2k", 0.62005054759898925}, {"icc3k", 0.90931554237706946}};
    for (const auto& [name, value] : expected) {
        const auto result = json("shrout_fleiss.csv", "--metric " + name);
        CHECK(result["metric"] == name);
        CHECK(result["value"].get<double>() == Approx(value).epsilon(1e-12));
    }
    // Incomplete items are left out and counted.
    const auto missing = agreement("scores_missing.csv", "--metric icc3");
    CHECK(missing.output == "icc3  0.8973  (ICC(3,1), two-way mixed, single rater; 10 items, 40 ratings; 4 items "
                            "without a rating from every annotator left out)\n");
    CHECK(json("scores_missing.csv", "--metric icc3")["excluded_items"] == 4);
    // Text values: refused, naming one.
    const auto labels = agreement("texts.csv", "--metric icc1");
    CHECK(labels.exitCode == 3);
    CHECK_THAT(labels.output, Catch::Contains("icc1 needs numeric values, and 'the cat sat' is not a number"));
}

TEST_CASE("cli agreement: Kendall's W", "[cli][agreement][kendall]")
{
    const auto text = agreement("rankings_ties.csv", "--metric kendall-w");
    REQUIRE(text.exitCode == 0);
    CHECK(text.output == "kendall-w  0.9050  (Kendall's W, corrected for ties; 7 items, 35 ratings; 1 items without a "
                         "rating from every annotator left out)\n");
    const auto result = json("rankings_ties.csv", "--metric kendall-w");
    CHECK(result["value"].get<double>() == Approx(0.9050359712230215).epsilon(1e-12));
    CHECK(agreement("texts.csv", "--metric kendall-w").exitCode == 3);
}

TEST_CASE("cli agreement: Gwet's AC1 and AC2 with --weights", "[cli][agreement][gwet]")
{
    const auto ac1 = agreement("krippendorff_reliability.csv", "--metric gwet-ac1");
    REQUIRE(ac1.exitCode == 0);
    CHECK(ac1.output ==
          "gwet-ac1  0.7754  (Gwet's AC1; 11 items, 40 ratings; 1 items that cannot be paired left out)\n");
    const auto quadratic = agreement("krippendorff_reliability.csv", "--metric gwet-ac2");
    CHECK(quadratic.output == "gwet-ac2  0.9140  (Gwet's AC2; 11 items, 40 ratings; 1 items that cannot be paired "
                              "left out; quadratic weights on the values)\n");
    const auto linear = json("krippendorff_reliability.csv", "--metric gwet-ac2 --weights linear");
    CHECK(linear["value"].get<double>() == Approx(0.8587391364326112).epsilon(1e-12));
    CHECK(linear["note"] == "linear weights on the values");
    CHECK(agreement("krippendorff_reliability.csv", "--metric gwet-ac2 --weights cubic").exitCode == 2);
}

TEST_CASE("cli agreement: Light's and Conger's kappa", "[cli][agreement][light]")
{
    const auto light = agreement("krippendorff_reliability.csv", "--metric light --digits 6");
    REQUIRE(light.exitCode == 0);
    CHECK_THAT(light.output, Catch::StartsWith("light  0.700163  (Light's kappa (mean of pairwise Cohen's kappas);"));
    CHECK(json("scores_missing.csv", "--metric light")["value"].get<double>() ==
          Approx(0.24321632573003424).epsilon(1e-12));
    const auto conger = agreement("krippendorff_reliability.csv", "--metric conger");
    CHECK_THAT(conger.output, Catch::StartsWith("conger  0.7621  (Conger's kappa; 11 items"));
    CHECK(json("krippendorff_reliability.csv", "--metric conger")["value"].get<double>() ==
          Approx(0.7620668936511117).epsilon(1e-12));
}

TEST_CASE("cli agreement: alpha with the normalized edit distance on text", "[cli][agreement][edit]")
{
    const auto text = agreement("texts.csv", "--metric alpha-edit");
    REQUIRE(text.exitCode == 0);
    CHECK(text.output == "alpha-edit  0.5818  (Krippendorff's alpha, normalized edit distance; 7 items, 19 ratings; "
                         "1 items that cannot be paired left out)\n");
    const auto result = json("texts.csv", "--metric alpha-edit");
    CHECK(result["value"].get<double>() == Approx(0.5817719672187205).epsilon(1e-12));
    CHECK(result.count("note") == 0); // exact: few distinct values
}

TEST_CASE("cli agreement: --weights-by rank gives scikit-learn's weighted kappa", "[cli][agreement][weights]")
{
    const auto byValue = json("rating_gaps.csv", "--metric cohen-linear");
    CHECK(byValue["value"].get<double>() == Approx(0.34278591461514485).epsilon(1e-12));
    CHECK(byValue.count("note") == 0);
    const auto byRank = agreement("rating_gaps.csv", "--metric cohen-linear --weights-by rank");
    REQUIRE(byRank.exitCode == 0);
    CHECK_THAT(byRank.output, Catch::StartsWith("cohen-linear  0.3531  (Cohen's kappa, linear weights;"));
    CHECK_THAT(byRank.output, Catch::EndsWith("; weights on the ranks among the values seen)\n"));
    CHECK(json("rating_gaps.csv", "--metric cohen-quadratic --weights-by rank")["value"].get<double>() ==
          Approx(0.33352701917489824).epsilon(1e-12));
    CHECK(agreement("rating_gaps.csv", "--metric cohen-linear --weights-by order").exitCode == 2);
}
