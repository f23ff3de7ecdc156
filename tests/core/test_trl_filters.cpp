// The TRL export's record filters: the least agreement (a reviewer's gold value stands), ties,
// and the records the preference checks flag; each counted under its rule for the card.
#include "core/feedback/TrlFilters.hpp"
#include "core/quality/bias/BiasFlags.hpp"
#include "core/util/Error.hpp"
#include "tests/core/TrlTestSupport.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

using namespace concord;
using nlohmann::json;

namespace trl_filters_test {

// r1 all agree, r2 two of three, r3 two of three against a tie, r4 one answer, r5 a split the
// reviewer resolved, r6 two identical responses.
std::unique_ptr<Project> planted(const std::string& path)
{
    auto project = trltest::projectFrom(path, templateSchema("preference"));
    for (int i = 1; i <= 6; ++i) {
        const std::string n = std::to_string(i);
        const std::string b = i == 6 ? "A6" : "B" + n;
        trltest::insert(*project, "r" + n, {{"prompt", "P" + n}, {"response_a", "A" + n}, {"response_b", b}});
    }
    const auto key = [&](const char* id) { return project->samples().findById(id)->key; };
    const auto a = trltest::prefer("response_a", 1);
    const auto b = trltest::prefer("response_b", 1);
    for (const char* who : {"ada", "bob", "cy"}) {
        trltest::submit(*project, key("r1"), who, "preference", a);
    }
    trltest::submit(*project, key("r2"), "ada", "preference", a);
    trltest::submit(*project, key("r2"), "bob", "preference", b);
    trltest::submit(*project, key("r2"), "cy", "preference", a);
    trltest::submit(*project, key("r3"), "ada", "preference", a);
    trltest::submit(*project, key("r3"), "bob", "preference", trltest::tie());
    trltest::submit(*project, key("r3"), "cy", "preference", a);
    trltest::submit(*project, key("r4"), "ada", "preference", a);
    trltest::submit(*project, key("r5"), "ada", "preference", a);
    trltest::submit(*project, key("r5"), "bob", "preference", b);
    project->resolve("r5", "rev", b, "", "preference");
    trltest::submit(*project, key("r6"), "ada", "preference", a);
    trltest::submit(*project, key("r6"), "bob", "preference", a);
    return project;
}

std::vector<std::string> chosen(const TrlRows& rows)
{
    std::vector<std::string> out;
    for (const auto& row : rows.rows) {
        out.push_back(row.at("chosen").get<std::string>());
    }
    return out;
}

} // namespace trl_filters_test

TEST_CASE("trl filters: the least agreement leaves out split and single-answer records, not resolved ones", "[trl]")
{
    test::TempDir dir;
    auto project = trl_filters_test::planted(dir.file("p.concord"));
    TrlOptions options;
    options.minAgreement = 0.5;
    const TrlRows rows = buildTrlRows(*project, options);
    // r2 and r3 agree on 1 pair of 3: below 0.5. r5 agrees on none but the reviewer resolved it.
    CHECK(trl_filters_test::chosen(rows) == std::vector<std::string>{"A1", "B5"});
    CHECK(trltest::droppedBy(rows, "records whose annotators agree less than the least agreement") == 2);
    CHECK(trltest::droppedBy(rows, "records with fewer than two answers (agreement not measured)") == 1);
    CHECK(trltest::droppedBy(rows, "pairs of identical responses") == 1);

    options.minAgreement = 0.3; // 1/3 passes
    CHECK(trl_filters_test::chosen(buildTrlRows(*project, options)) ==
          std::vector<std::string>{"A1", "A2", "A3", "B5"});

    options.minAgreement = 1.5;
    CHECK_THROWS_AS(buildTrlRows(*project, options), SettingError);
}

TEST_CASE("trl filters: without ties leaves out a record where any answer is a tie", "[trl]")
{
    test::TempDir dir;
    auto project = trl_filters_test::planted(dir.file("p.concord"));
    TrlOptions options;
    options.withoutTies = true;
    const TrlRows rows = buildTrlRows(*project, options);
    CHECK(trl_filters_test::chosen(rows) == std::vector<std::string>{"A1", "A2", "A4", "B5"});
    CHECK(trltest::droppedBy(rows, "records with a tie") == 1);

    options.withoutTies = false; // r3's majority chose A: kept
    CHECK(trl_filters_test::chosen(buildTrlRows(*project, options)) ==
          std::vector<std::string>{"A1", "A2", "A3", "A4", "B5"});

    CHECK(isTie(project->recordSchema().question("preference"), trltest::tie()));
    CHECK_FALSE(isTie(project->recordSchema().question("preference"), trltest::prefer("response_a", 2)));
}

TEST_CASE("trl filters: without flagged leaves out what the preference checks flag, counted once", "[trl]")
{
    test::TempDir dir;
    auto project = trl_filters_test::planted(dir.file("p.concord"));
    const quality::BiasFlags flags = quality::biasFlags(*project, "preference");
    CHECK(flags.records == std::set<std::int64_t>{project->samples().findById("r6")->key}); // identical responses
    CHECK(flags.annotators.empty()); // too few votes to show a bias
    TrlOptions options;
    options.withoutFlagged = true;
    const TrlRows rows = buildTrlRows(*project, options);
    CHECK(trltest::droppedBy(rows, "records the preference checks flag") == 1);
    CHECK(trltest::droppedBy(rows, "pairs of identical responses") == 0);
    CHECK(trltest::droppedBy(rows, "votes of annotators the preference checks flag") == 0);
    CHECK(rows.records == 6);
}
