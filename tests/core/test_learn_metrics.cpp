// The learning metrics against scikit-learn's values on generated cases
// (tests/reference/make_learn_expected.py writes tests/data/learn/metrics_cases.json).
#include "core/learn/Evaluation.hpp"
#include "core/learn/Metrics.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace concord::learn;

namespace {

constexpr double kTolerance = 1e-9;

nlohmann::json loadCases()
{
    std::ifstream in(std::string(CONCORD_TEST_DATA) + "/learn/metrics_cases.json");
    REQUIRE(in.good());
    return nlohmann::json::parse(in)["cases"];
}

Probabilities probabilitiesOf(const nlohmann::json& rows, std::size_t labels)
{
    Probabilities p(rows.size(), labels);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        for (std::size_t k = 0; k < labels; ++k) {
            p(i, k) = rows[i][k].get<double>();
        }
    }
    return p;
}

void checkScores(const LabelScores& actual, const nlohmann::json& expected)
{
    CHECK(actual.precision == Approx(expected["precision"].get<double>()).margin(kTolerance));
    CHECK(actual.recall == Approx(expected["recall"].get<double>()).margin(kTolerance));
    CHECK(actual.f1 == Approx(expected["f1"].get<double>()).margin(kTolerance));
}

void checkPerLabel(const PrecisionRecall& scores, const nlohmann::json& expected)
{
    for (std::size_t k = 0; k < scores.perLabel.size(); ++k) {
        INFO("label " << k);
        CHECK(scores.perLabel[k].precision == Approx(expected["precision"][k].get<double>()).margin(kTolerance));
        CHECK(scores.perLabel[k].recall == Approx(expected["recall"][k].get<double>()).margin(kTolerance));
        CHECK(scores.perLabel[k].f1 == Approx(expected["f1"][k].get<double>()).margin(kTolerance));
        CHECK(scores.perLabel[k].support == expected["support"][k].get<std::int64_t>());
    }
    checkScores(scores.macro, expected["macro"]);
    checkScores(scores.micro, expected["micro"]);
}

} // namespace

TEST_CASE("learn metrics: single-label metrics equal scikit-learn's", "[learn][metrics]")
{
    const auto cases = loadCases();
    std::size_t checked = 0;
    for (const auto& testCase : cases) {
        if (testCase["kind"] != "single") {
            continue;
        }
        INFO(testCase["name"].get<std::string>());
        const std::size_t k = testCase["labels"].get<std::size_t>();
        const auto truth = testCase["truth"].get<std::vector<std::uint32_t>>();
        const Probabilities p = probabilitiesOf(testCase["probabilities"], k);
        const auto& expected = testCase["expected"];
        const auto predicted = predictedLabels(p);

        CHECK(accuracy(truth, predicted) == Approx(expected["accuracy"].get<double>()).margin(kTolerance));
        const ConfusionMatrix confusion = confusionMatrix(truth, predicted, k);
        CHECK(confusion == expected["confusion"].get<ConfusionMatrix>());
        checkPerLabel(precisionRecallF1(confusion), expected);
        CHECK(logLoss(truth, p) == Approx(expected["log_loss"].get<double>()).margin(kTolerance));
        if (!expected["auc"].is_null()) {
            const auto auc = rocAucMacro(truth, p);
            REQUIRE(auc);
            CHECK(*auc == Approx(expected["auc"].get<double>()).margin(kTolerance));
        }
        ++checked;
    }
    CHECK(checked == 6);
}

TEST_CASE("learn metrics: multi-label metrics equal scikit-learn's", "[learn][metrics]")
{
    const auto cases = loadCases();
    std::size_t checked = 0;
    for (const auto& testCase : cases) {
        if (testCase["kind"] != "multi") {
            continue;
        }
        INFO(testCase["name"].get<std::string>());
        const std::size_t k = testCase["labels"].get<std::size_t>();
        const auto truth = testCase["truth"].get<std::vector<LabelSet>>();
        const Probabilities p = probabilitiesOf(testCase["probabilities"], k);
        const auto& expected = testCase["expected"];
        std::vector<std::string> names;
        for (std::size_t c = 0; c < k; ++c) {
            names.push_back("l" + std::to_string(c));
        }
        const EvaluationReport report = evaluate("m", names, ModelKind::OneVsRest, truth, p);
        CHECK(report.accuracy == Approx(expected["accuracy"].get<double>()).margin(kTolerance));
        REQUIRE(report.hammingLoss);
        CHECK(*report.hammingLoss == Approx(expected["hamming"].get<double>()).margin(kTolerance));
        checkPerLabel(report.scores, expected);
        REQUIRE(report.aucRoc);
        CHECK(*report.aucRoc == Approx(expected["auc"].get<double>()).margin(kTolerance));
        ++checked;
    }
    CHECK(checked == 2);
}

TEST_CASE("learn metrics: hand-checked edge cases", "[learn][metrics]")
{
    // AUC with every score tied is one half; with one class only it is undefined.
    const bool positive[] = {true, false, true, false};
    const double tied[] = {0.5, 0.5, 0.5, 0.5};
    CHECK(*rocAuc(positive, tied) == Approx(0.5));
    const bool allPositive[] = {true, true};
    const double two[] = {0.1, 0.9};
    CHECK_FALSE(rocAuc(allPositive, two).has_value());
    // A perfect ranking.
    const double ranked[] = {0.9, 0.1, 0.8, 0.2};
    CHECK(*rocAuc(positive, ranked) == Approx(1.0));

    // A label never predicted has precision 0 (zero_division=0), not NaN.
    const std::vector<std::uint32_t> truth = {0, 1, 1};
    const std::vector<std::uint32_t> predicted = {0, 0, 0};
    const auto scores = precisionRecallF1(confusionMatrix(truth, predicted, 2));
    CHECK(scores.perLabel[1].precision == 0.0);
    CHECK(scores.perLabel[1].f1 == 0.0);
    CHECK(scores.perLabel[0].precision == Approx(1.0 / 3.0));
    CHECK(accuracy(truth, predicted) == Approx(1.0 / 3.0));
}
