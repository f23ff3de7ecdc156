// Agreement coefficients against reference implementations (NLTK, scikit-learn, statsmodels) on
// generated data with missing ratings. The data and the expected values are written by
// tests/reference/make_agreement_expected.py; every value must match within 1e-9.
#include "AgreementTestSupport.hpp"

#include "core/quality/agreement/AgreementBreakdown.hpp"
#include "core/quality/agreement/KrippendorffAlpha.hpp"
#include "core/quality/agreement/MultiRaterAgreement.hpp"
#include "core/quality/agreement/PairwiseAgreement.hpp"
#include "core/quality/agreement/SampleContest.hpp"
#include "core/quality/agreement/SetAgreement.hpp"
#include "core/quality/agreement/TriplesCsv.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>

using namespace concord::quality;
using concord::test::agreementData;
using concord::test::expectedAgreement;

namespace {

constexpr double kTolerance = 1e-9;

void checkValue(const Coefficient& actual, const nlohmann::json& expected, const std::string& what)
{
    INFO(what);
    REQUIRE(actual.defined());
    const double reference = expected.get<double>();
    CHECK(std::abs(actual.value - reference) <= kTolerance);
}

void checkValue(double actual, const nlohmann::json& expected, const std::string& what)
{
    checkValue(Coefficient::of(actual), expected, what);
}

RatingTable load(const std::string& name, const ValueOrder& order = {})
{
    return loadTriplesCsv(agreementData(name), order);
}

} // namespace

TEST_CASE("reference: nominal alpha and percent agreement match NLTK on data with missing ratings",
          "[agreement][reference]")
{
    const auto& expected = expectedAgreement()["nominal"];
    const RatingTable table = load("nominal.csv");
    const Coefficient alpha = krippendorffAlpha(table, AlphaMetric::Nominal);
    checkValue(alpha, expected["alpha"], "alpha-nominal vs NLTK");
    CHECK(alpha.excludedItems == expected["rated_once"].get<std::size_t>());
    checkValue(percentAgreement(table), expected["percent"], "percent agreement");
}

TEST_CASE("reference: alpha per label (one against the rest) matches NLTK on binary data", "[agreement][reference]")
{
    const auto& expected = expectedAgreement()["nominal"]["per_label"];
    const RatingTable table = load("nominal.csv");
    const auto perValue = perValueAlpha(table, coincidence(table));
    REQUIRE(perValue.size() == expected.size());
    for (const auto& entry : perValue) {
        const std::string& label = table.values[entry.value];
        checkValue(entry.alpha, expected[label], "per-label alpha for " + label);
    }
}

TEST_CASE("reference: the annotator-pair kappa matrix matches scikit-learn", "[agreement][reference]")
{
    const auto& expected = expectedAgreement()["nominal"]["pairs"];
    const RatingTable table = load("nominal.csv");
    const auto pairs = pairwiseKappa(table, KappaWeights::None);
    REQUIRE(pairs.size() == expected.size());
    std::map<std::pair<std::string, std::string>, const PairAgreement*> byName;
    for (const auto& pair : pairs) {
        auto first = table.annotators[pair.first];
        auto second = table.annotators[pair.second];
        byName[{std::min(first, second), std::max(first, second)}] = &pair;
    }
    for (const auto& reference : expected) {
        const auto* pair = byName.at({reference["first"], reference["second"]});
        checkValue(pair->kappa, reference["kappa"],
                   "kappa " + reference["first"].get<std::string>() + "/" + reference["second"].get<std::string>());
        CHECK(pair->kappa.items == reference["items"].get<std::size_t>());
    }
}

TEST_CASE("reference: each annotator against the others' majority matches scikit-learn", "[agreement][reference]")
{
    const auto& expected = expectedAgreement()["nominal"]["per_annotator"];
    const RatingTable table = load("nominal.csv");
    const auto entries = annotatorVersusRest(table, KappaWeights::None);
    REQUIRE(entries.size() == expected.size());
    for (const auto& entry : entries) {
        const std::string& name = table.annotators[entry.annotator];
        checkValue(entry.kappa, expected[name]["kappa"], "kappa vs majority for " + name);
        REQUIRE(entry.agreesWithOthers.has_value());
        checkValue(*entry.agreesWithOthers, expected[name]["agreement"], "agreement with majority for " + name);
    }
}

TEST_CASE("reference: the most contested samples come first, with majority share and entropy", "[agreement][reference]")
{
    const auto& expected = expectedAgreement()["nominal"]["contested"];
    const RatingTable table = load("nominal.csv");
    const auto contested = contestedItems(table);
    REQUIRE(contested.size() == expected.size());
    for (std::size_t k = 0; k < contested.size(); ++k) {
        INFO("position " << k);
        CHECK(table.items[contested[k].item] == expected[k]["item"].get<std::string>());
        CHECK(contested[k].ratings == expected[k]["ratings"].get<std::uint32_t>());
        checkValue(contested[k].majorityShare, expected[k]["share"], "majority share");
        checkValue(contested[k].entropy, expected[k]["entropy"], "vote entropy");
    }
}

TEST_CASE("reference: alpha with every metric on numeric data matches NLTK", "[agreement][reference]")
{
    const auto& expected = expectedAgreement()["interval"];
    const RatingTable table = load("interval.csv");
    REQUIRE(table.allNumeric());
    REQUIRE(table.values.front() == "1");
    REQUIRE(table.values[2] == "2.5"); // numeric order, not first appearance
    const Coincidence matrix = coincidence(table);
    checkValue(krippendorffAlpha(table, matrix, AlphaMetric::Nominal), expected["nominal"], "nominal");
    checkValue(krippendorffAlpha(table, matrix, AlphaMetric::Ordinal), expected["ordinal"], "ordinal");
    checkValue(krippendorffAlpha(table, matrix, AlphaMetric::Interval), expected["interval"], "interval");
    checkValue(krippendorffAlpha(table, matrix, AlphaMetric::Ratio), expected["ratio"], "ratio");
}

TEST_CASE("reference: Cohen's kappa (none, linear, quadratic) and Scott's pi match scikit-learn and statsmodels",
          "[agreement][reference]")
{
    const auto& expected = expectedAgreement()["cohen"];
    const RatingTable table = load("cohen.csv");
    const Coefficient none = cohenKappa(table, KappaWeights::None);
    checkValue(none, expected["none"], "cohen");
    checkValue(cohenKappa(table, KappaWeights::Linear), expected["linear"], "cohen-linear");
    checkValue(cohenKappa(table, KappaWeights::Quadratic), expected["quadratic"], "cohen-quadratic");
    checkValue(scottPi(table), expected["scott_pi"], "scott-pi");
    checkValue(percentAgreement(table), expected["percent"], "percent");
    // Items only one of the two rated are left out and counted.
    CHECK(none.items == expected["items"].get<std::size_t>());
    CHECK(none.excludedItems == expected["excluded"].get<std::size_t>());
}

TEST_CASE("reference: weighted kappa on ordered labels uses positions in the given order", "[agreement][reference]")
{
    const auto& expected = expectedAgreement()["cohen_labels"];
    ValueOrder order;
    order.listed = expected["order"].get<std::vector<std::string>>();
    const RatingTable table = load("cohen_labels.csv", order);
    CHECK(table.values == order.listed);
    checkValue(cohenKappa(table, KappaWeights::None), expected["none"], "cohen");
    checkValue(cohenKappa(table, KappaWeights::Linear), expected["linear"], "cohen-linear");
    checkValue(cohenKappa(table, KappaWeights::Quadratic), expected["quadratic"], "cohen-quadratic");
}

TEST_CASE("reference: Fleiss' kappa and Bennett's S match statsmodels", "[agreement][reference]")
{
    const auto& expected = expectedAgreement()["fleiss"];
    const RatingTable table = load("fleiss.csv");
    checkValue(fleissKappa(table), expected["fleiss"], "fleiss");
    checkValue(bennettS(table), expected["randolph"], "bennett-s (statsmodels' randolph)");
    checkValue(percentAgreement(table), expected["percent"], "percent");
}

TEST_CASE("reference: MASI alpha and per-label alpha on label sets match NLTK", "[agreement][reference]")
{
    const auto& expected = expectedAgreement()["masi"];
    const SetRatings sets = setRatingsFromSeparated(load("masi.csv"));
    checkValue(masiAlpha(sets), expected["masi"], "alpha-masi");
    const auto perLabel = perLabelAlpha(sets);
    REQUIRE(perLabel.size() == expected["per_label"].size());
    for (const auto& entry : perLabel) {
        const std::string& label = sets.labels[entry.label];
        checkValue(entry.alpha, expected["per_label"][label], "presence alpha for " + label);
    }
}
