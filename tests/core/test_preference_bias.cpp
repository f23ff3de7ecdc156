// The preference checks: the exact binomial test and Holm's correction against scipy and
// statsmodels, and the checks on a project file with planted problems (a position-biased
// annotator, one who always ties, identical, near-identical and empty responses, a shared
// prompt, a length bias counted in code points), and the records biasFlaggedRecords() leaves out.
// Reference values: /usr/bin/python3 tests/reference/preference_bias.py (the line is quoted
// beside each value).
#include "core/feedback/ShownOrder.hpp"
#include "core/quality/bias/BiasFlags.hpp"
#include "core/quality/bias/BinomialTest.hpp"
#include "core/quality/bias/Holm.hpp"
#include "core/quality/bias/PreferenceVotes.hpp"
#include "core/quality/integrity/Integrity.hpp"
#include "core/util/Error.hpp"
#include "tests/core/TrlTestSupport.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>

using namespace concord;

namespace preference_bias_test {

std::vector<quality::Finding> findingsOf(const std::vector<quality::Finding>& all, const std::string& check)
{
    std::vector<quality::Finding> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out),
                 [&](const quality::Finding& finding) { return finding.check == check; });
    return out;
}

std::string record(int i)
{
    char id[8];
    std::snprintf(id, sizeof id, "r%02d", i);
    return id;
}

// A record stored as an import would, except that nothing checks it: an empty required field
// can only come from a damaged or hand-edited file, and the check must still see it.
std::int64_t insertUnchecked(Project& project, const std::string& id, const nlohmann::json& fields)
{
    RecordContent content;
    content.fields = fields;
    return *project.samples().insert(id, primaryText(project.recordSchema(), content), "{}", encodeRecord(content));
}

// 30 records: r01-r03 share a prompt, r25 has identical responses, r26 near-identical ones,
// r27 an empty response_b. ada (r01-r20) always picks the response shown first; bob (all 30)
// picks it on odd records only, 15 of 30; cy (r01-r20) always ties; dee has only a draft.
std::unique_ptr<Project> planted(const std::string& path)
{
    auto project = trltest::projectFrom(path, templateSchema("preference"));
    project->setOrderSeed(7);
    const Question& question = project->recordSchema().question("preference");
    const std::string words = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                              "fifteen sixteen seventeen eighteen nineteen twenty twentyone";
    for (int i = 1; i <= 30; ++i) {
        const std::string prompt = i <= 3 ? "The same  prompt" : "Prompt " + std::to_string(i);
        nlohmann::json fields = {{"prompt", i == 2 ? "the same prompt" : prompt},
                                 {"response_a", "Answer A to " + std::to_string(i) + " in its own words"},
                                 {"response_b", "A different answer, B, to number " + std::to_string(i)}};
        if (i == 25) {
            fields["response_a"] = "Same text.";
            fields["response_b"] = "  same TEXT. ";
        } else if (i == 26) {
            fields["response_a"] = words + " twentytwo";
            fields["response_b"] = words + " twentythree";
        } else if (i == 27) {
            fields["response_b"] = " ";
        }
        const std::int64_t key =
            i == 27 ? insertUnchecked(*project, record(i), fields) : trltest::insert(*project, record(i), fields);
        const auto first = [&](const std::string& annotator) {
            return shownOrder(7, record(i), annotator, question).front();
        };
        const auto other = [](const std::string& field) { return field == "response_a" ? "response_b" : "response_a"; };
        if (i <= 20) {
            trltest::submit(*project, key, "ada", "preference", trltest::prefer(first("ada").c_str(), 1));
            trltest::submit(*project, key, "cy", "preference", trltest::tie());
        }
        const std::string bobFirst = first("bob");
        trltest::submit(*project, key, "bob", "preference",
                        trltest::prefer(i % 2 == 1 ? bobFirst.c_str() : other(bobFirst), 2));
        if (i == 6) {
            project->answer(key, "dee", "preference", trltest::prefer("response_a", 1)); // a draft: not counted
        }
    }
    return project;
}

} // namespace preference_bias_test

TEST_CASE("binomial test: the exact two-sided p-value of scipy.stats.binomtest", "[bias]")
{
    using quality::binomialTestTwoSided;
    // binomtest(5, 10, 0.5).pvalue = 1.0 (k = n/2 exactly)
    CHECK(binomialTestTwoSided(5, 10) == 1.0);
    // binomtest(0, 10, 0.5).pvalue = 0.001953125; binomtest(10, 10, 0.5).pvalue = 0.001953125
    CHECK(binomialTestTwoSided(0, 10) == Approx(0.001953125).epsilon(1e-12));
    CHECK(binomialTestTwoSided(10, 10) == Approx(0.001953125).epsilon(1e-12));
    // binomtest(7, 10, 0.5).pvalue = 0.34375
    CHECK(binomialTestTwoSided(7, 10) == Approx(0.34375).epsilon(1e-12));
    // binomtest(1, 3, 0.5).pvalue = 1.0; binomtest(0, 1, 0.5).pvalue = 1.0 (small n: the mirror
    // outcome is exactly as likely, and scipy's tolerance counts it)
    CHECK(binomialTestTwoSided(1, 3) == Approx(1.0).epsilon(1e-12));
    CHECK(binomialTestTwoSided(0, 1) == Approx(1.0).epsilon(1e-12));
    // binomtest(216, 270, 0.5).pvalue = 4.032174924207063e-24 (extreme k)
    CHECK(binomialTestTwoSided(216, 270) == Approx(4.032174924207063e-24).epsilon(1e-9));
    // binomtest(499, 1000, 0.5).pvalue = 0.9747749818216398
    CHECK(binomialTestTwoSided(499, 1000) == Approx(0.9747749818216398).epsilon(1e-9));
    // binomtest(4900, 10000, 0.5).pvalue = 0.046585527704947234
    CHECK(binomialTestTwoSided(4900, 10000) == Approx(0.046585527704947234).epsilon(1e-9));
    // An asymmetric null, where the two tails differ:
    // binomtest(60, 100, 0.3).pvalue = 9.12289322522928e-10
    // binomtest(3, 20, 0.3).pvalue = 0.22041826738070913
    // binomtest(12, 20, 0.3).pvalue = 0.005936084198097523
    CHECK(binomialTestTwoSided(60, 100, 0.3) == Approx(9.12289322522928e-10).epsilon(1e-9));
    CHECK(binomialTestTwoSided(3, 20, 0.3) == Approx(0.22041826738070913).epsilon(1e-9));
    CHECK(binomialTestTwoSided(12, 20, 0.3) == Approx(0.005936084198097523).epsilon(1e-9));
    CHECK(binomialTestTwoSided(0, 0) == 1.0);
    CHECK_THROWS_AS(binomialTestTwoSided(3, 2), InputError);
    CHECK_THROWS_AS(binomialTestTwoSided(1, 2, 1.0), InputError);
}

TEST_CASE("Holm's correction: statsmodels' multipletests(p, method='holm')", "[bias]")
{
    using quality::holmAdjusted;
    // holm([0.01, 0.04, 0.03, 0.005]) = [0.03, 0.06, 0.06, 0.02]
    const auto first = holmAdjusted({0.01, 0.04, 0.03, 0.005});
    CHECK_THAT(first, Catch::Approx(std::vector<double>{0.03, 0.06, 0.06, 0.02}).epsilon(1e-12));
    // holm([0.5, 0.2, 0.2, 1.0, 0.001]) = [1.0, 0.8, 0.8, 1.0, 0.005] (tied p-values, capped at 1)
    const auto tied = holmAdjusted({0.5, 0.2, 0.2, 1.0, 0.001});
    CHECK_THAT(tied, Catch::Approx(std::vector<double>{1.0, 0.8, 0.8, 1.0, 0.005}).epsilon(1e-12));
    // holm([0.03]) = [0.03]; holm([0.3, 0.4, 0.02]) = [0.6, 0.6, 0.06]
    CHECK(holmAdjusted({0.03}) == std::vector<double>{0.03});
    CHECK_THAT(holmAdjusted({0.3, 0.4, 0.02}), Catch::Approx(std::vector<double>{0.6, 0.6, 0.06}).epsilon(1e-12));
    CHECK(holmAdjusted({}).empty());
}

TEST_CASE("preference checks: a position-biased annotator, one who always ties, and pairs that teach nothing",
          "[bias][integrity]")
{
    using preference_bias_test::findingsOf;
    test::TempDir dir;
    auto project = preference_bias_test::planted(dir.file("p.concord"));
    const auto findings = quality::runChecks(*project);

    const auto position = findingsOf(findings, "position-bias");
    REQUIRE(position.size() == 2);
    // ada: 20 of 20 first; bob: 15 of 30. binomtest(20, 20, 0.5).pvalue = 1.9073486328125e-06,
    // holm([1.9073486328125e-06, 1.0]) = [3.814697265625e-06, 1.0]; cy's ties are not tested.
    CHECK(position[0].severity == quality::Severity::Warning);
    CHECK(position[0].message == "question 'preference': ada chose the response shown first in 100% of 20 non-tie "
                                 "votes (n = 20, p = 1.9e-06, Holm-adjusted over 2 annotators 3.8e-06)");
    CHECK(position[0].sampleIds.size() == 20);
    // Overall 35 of 50: binomtest(35, 50, 0.5).pvalue = 0.006600447966810918.
    CHECK(position[1].severity == quality::Severity::Warning);
    CHECK(position[1].message == "question 'preference': overall, the response shown first won 70% of 50 non-tie "
                                 "votes (n = 50, exact binomial test against 50%: p = 0.007); flagged: ada");

    const auto oneSided = findingsOf(findings, "one-sided-annotator");
    REQUIRE(oneSided.size() == 2);
    CHECK(oneSided[0].message == "question 'preference': ada chose the response shown first in 20 of 20 votes: the "
                                 "votes do not depend on the responses");
    CHECK(oneSided[1].message ==
          "question 'preference': cy chose a tie in 20 of 20 votes: the votes do not depend on the responses");

    const auto identical = findingsOf(findings, "identical-responses");
    REQUIRE(identical.size() == 1);
    CHECK(identical[0].sampleIds == std::vector<std::string>{"r25"});
    const auto near = findingsOf(findings, "near-identical-responses");
    REQUIRE(near.size() == 1);
    CHECK(near[0].sampleIds == std::vector<std::string>{"r26"});
    CHECK_THAT(near[0].message, Catch::Contains("similarity 0.91 or more")); // 20 shared word pairs of 22
    const auto empty = findingsOf(findings, "empty-response");
    REQUIRE(empty.size() == 1);
    CHECK(empty[0].sampleIds == std::vector<std::string>{"r27"});
    CHECK_THAT(empty[0].message, Catch::EndsWith("an empty response (response_a: 0, response_b: 1)"));
    const auto prompts = findingsOf(findings, "repeated-prompt");
    REQUIRE(prompts.size() == 1);
    CHECK(prompts[0].severity == quality::Severity::Info);
    CHECK(prompts[0].sampleIds == std::vector<std::string>{"r01", "r02", "r03"});

    // Left out of an export: the three pairs, and every record ada or cy voted on.
    const auto flagged = quality::biasFlaggedRecords(*project, "preference");
    std::set<std::int64_t> expected;
    for (int i : {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 25, 26, 27}) {
        expected.insert(project->samples().findById(preference_bias_test::record(i))->key);
    }
    CHECK(flagged == expected);
    CHECK_THROWS_AS(quality::biasFlaggedRecords(*project, "reason"), SettingError);
    // The checks on one question (the dashboard's bias panel): the same findings; a question that
    // is not a preference is named.
    quality::CheckOptions onQuestion;
    onQuestion.question = "preference";
    onQuestion.only = {"position-bias", "identical-responses"};
    const auto asked = quality::runChecks(*project, onQuestion);
    REQUIRE(asked.size() == 3);
    CHECK(asked[0].message == position[0].message);
    CHECK(asked[2].sampleIds == std::vector<std::string>{"r25"});
    onQuestion.question = "reason";
    CHECK_THROWS_WITH(quality::runChecks(*project, onQuestion),
                      Catch::Contains("no preference question between two fields named 'reason'"));
    // The seed the orders above were drawn from cannot change under them.
    CHECK_THROWS_WITH(project->setOrderSeed(8), Catch::Contains("has answers already"));
    CHECK(project->orderSeed() == 7);

    // Answers that recorded no order are judged by the draw, which is what they were shown.
    project->database().exec("UPDATE answers SET context = '' WHERE annotator = 'bob'");
    const auto drawn = findingsOf(quality::runChecks(*project), "position-bias");
    REQUIRE(drawn.size() == 2);
    CHECK(drawn[0].message == position[0].message);
    CHECK_THAT(drawn[1].message, Catch::EndsWith("flagged: ada; 30 votes recorded no order: their first field is "
                                                 "the one the per-annotator draw gives"));

    // Values in another spelling than Concord's own are parsed in full, with the same result.
    project->database().exec(
        "UPDATE answers SET value = '{ \"preference\" : { \"winner\" : null, \"strength\" : 0 } }' "
        "WHERE annotator = 'cy'");
    quality::CheckOptions oneSidedOnly;
    oneSidedOnly.only = {"one-sided-annotator"};
    const auto respelled = quality::runChecks(*project, oneSidedOnly);
    REQUIRE(respelled.size() == 2);
    CHECK(respelled[1].message == oneSided[1].message);
}

TEST_CASE("preference checks: length bias counts code points, and the threshold is a setting", "[bias][integrity]")
{
    using preference_bias_test::findingsOf;
    test::TempDir dir;
    auto project = trltest::projectFrom(dir.file("l.concord"), templateSchema("preference"));
    // "ééééé" is 5 code points (10 bytes), "abcdefg" 7: response_b is the longer one.
    for (int i = 1; i <= 17; ++i) {
        const bool equal = i == 16;
        const auto key = trltest::insert(*project, preference_bias_test::record(i),
                                         {{"prompt", "P" + std::to_string(i)},
                                          {"response_a", equal ? "abc" : "ééééé"},
                                          {"response_b", equal ? "xyz" : "abcdefg"}});
        // 12 votes for the longer, 3 for the shorter, one on equal lengths, one tie.
        trltest::submit(*project, key, "ada", "preference",
                        i == 17 ? trltest::tie() : trltest::prefer(i <= 12 || equal ? "response_b" : "response_a", 1));
    }
    // binomtest(12, 15, 0.5).pvalue = 0.03515625; one annotator: Holm leaves it as it is.
    const auto length = findingsOf(quality::runChecks(*project), "length-bias");
    REQUIRE(length.size() == 2);
    CHECK(length[0].message == "question 'preference': ada chose the longer response in 80% of 15 non-tie votes on "
                               "responses of different lengths (n = 15, p = 0.035, Holm-adjusted over 1 annotator "
                               "0.035)");
    CHECK(length[1].severity == quality::Severity::Warning);

    quality::CheckOptions strict;
    strict.biasAlpha = 0.01;
    strict.only = {"length-bias"};
    const auto lenient = quality::runChecks(*project, strict);
    REQUIRE(lenient.size() == 1);
    CHECK(lenient[0].severity == quality::Severity::Info);
    CHECK_THAT(lenient[0].message, Catch::EndsWith("no annotator flagged; no bias shown at this size"));

    // Run alone (strict.only above), the check reads the lengths and not the texts.
    const Question& question = project->recordSchema().question("preference");
    const auto kept = quality::loadPreferenceVotes(*project, question);
    const auto lengths = quality::loadPreferenceVotes(*project, question, quality::PreferenceTexts::LengthsOnly);
    REQUIRE(lengths.records.size() == 17);
    CHECK(kept.records[0].responses[0] == "ééééé");
    CHECK(lengths.records[0].responses[0].empty());
    CHECK(lengths.records[0].prompt.empty());
    for (std::size_t r = 0; r < 17; ++r) {
        CHECK(lengths.records[r].lengths == kept.records[r].lengths);
    }
    CHECK(lengths.records[0].lengths == std::array<std::size_t, 2>{5, 7});
    CHECK(lengths.records[15].lengths == std::array<std::size_t, 2>{3, 3});
}
