// TRL SFT and KTO rows from a project file: a written answer (gold first, else the text most
// annotators wrote) or the preferred response as the completion, messages for a chat; KTO labels
// from a rating threshold, a good label, or a preference's two sides; and the written directory,
// where every row of one prompt lands in one split.
#include "core/feedback/TrlExport.hpp"
#include "core/util/Error.hpp"
#include "tests/core/TrlTestSupport.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>

using namespace concord;
using nlohmann::json;

namespace trl_sft_kto_test {

json text(const char* value)
{
    return {{"text", value}};
}

} // namespace trl_sft_kto_test

TEST_CASE("trl-sft: the gold text, else the one most annotators wrote, prompt/completion or messages", "[trl]")
{
    test::TempDir dir;
    auto project = trltest::projectFrom(dir.file("s.concord"), templateSchema("sft"));
    const auto s1 = trltest::insert(*project, "s1", {{"prompt", "What is 2+2?"}, {"response", "5"}});
    const auto s2 = trltest::insert(*project, "s2", {{"prompt", "Capital of France?"}, {"response", "Paris"}});
    const auto s3 = trltest::insert(*project, "s3", {{"prompt", "Name a colour."}, {"response", ""}});
    trltest::submit(*project, s1, "ada", "correction", trl_sft_kto_test::text("2+2 is 4."));
    project->resolve("s1", "rev", trl_sft_kto_test::text("4."), "", "correction");
    trltest::submit(*project, s2, "ada", "correction", trl_sft_kto_test::text("Paris."));
    trltest::submit(*project, s2, "bob", "correction", trl_sft_kto_test::text("Paris."));
    trltest::submit(*project, s2, "cy", "correction", trl_sft_kto_test::text("It is Paris."));
    trltest::submit(*project, s3, "ada", "correction", trl_sft_kto_test::text("Red."));
    trltest::submit(*project, s3, "bob", "correction", trl_sft_kto_test::text("Blue."));

    TrlOptions options;
    options.format = TrlFormat::Sft;
    const TrlRows rows = buildTrlRows(*project, options);
    CHECK(rows.question == "correction");
    CHECK(trltest::plain(rows) == std::vector<json>{{{"prompt", "What is 2+2?"}, {"completion", "4."}},
                                                    {{"prompt", "Capital of France?"}, {"completion", "Paris."}}});
    CHECK(trltest::droppedBy(rows, "records whose annotators wrote different texts, none by most") == 1);

    options.sftForm = SftForm::Messages;
    const TrlRows messages = buildTrlRows(*project, options);
    CHECK(messages.conversational);
    CHECK(trltest::plain(messages).front() ==
          json{{"messages",
                {{{"role", "user"}, {"content", "What is 2+2?"}}, {{"role", "assistant"}, {"content", "4."}}}}});

    options.sftForm = SftForm::Auto;
    options.votes = TrlVotes::EveryResponse;
    CHECK(buildTrlRows(*project, options).rows.size() == 6);
}

TEST_CASE("trl-sft: the preferred response of a preference question", "[trl]")
{
    test::TempDir dir;
    auto project = trltest::projectFrom(dir.file("p.concord"), templateSchema("preference"));
    const auto key = trltest::insert(*project, "p1", {{"prompt", "P"}, {"response_a", "good"}, {"response_b", "bad"}});
    trltest::submit(*project, key, "ada", "preference", trltest::prefer("response_a", 2));
    TrlOptions options;
    options.format = TrlFormat::Sft;
    const TrlRows rows = buildTrlRows(*project, options);
    CHECK(rows.question == "preference"); // the first question that fits
    CHECK(trltest::plain(rows) == std::vector<json>{{{"prompt", "P"}, {"completion", "good"}}});
}

TEST_CASE("trl-kto: a rating at or above the threshold is true, the mean of the annotators, or each", "[trl]")
{
    test::TempDir dir;
    auto project = trltest::projectFrom(dir.file("e.concord"), templateSchema("evaluate"));
    const auto e1 = trltest::insert(*project, "e1", {{"prompt", "P1"}, {"response", "R1"}});
    const auto e2 = trltest::insert(*project, "e2", {{"prompt", "P2"}, {"response", "R2"}});
    const auto both = [&](std::int64_t key, const std::string& annotator, const char* correct, int rating) {
        project->answer(key, annotator, "correct", {{"labels", {correct}}});
        trltest::submit(*project, key, annotator, "helpfulness", {{"rating", rating}});
    };
    both(e1, "ada", "yes", 6);
    both(e1, "bob", "no", 3); // mean 4.5
    both(e2, "ada", "yes", 7);

    TrlOptions options;
    options.format = TrlFormat::Kto;
    options.question = "helpfulness";
    CHECK_THROWS_AS(buildTrlRows(*project, options), SettingError); // no threshold
    CHECK_THROWS_WITH(buildTrlRows(*project, options), Catch::Contains("needs a threshold"));
    options.ratingThreshold = 5;
    const TrlRows rows = buildTrlRows(*project, options);
    CHECK(trltest::plain(rows) == std::vector<json>{{{"prompt", "P1"}, {"completion", "R1"}, {"label", false}},
                                                    {{"prompt", "P2"}, {"completion", "R2"}, {"label", true}}});
    CHECK(rows.rows[0]["label"].is_boolean());

    options.votes = TrlVotes::EveryResponse;
    const TrlRows each = buildTrlRows(*project, options);
    CHECK(trltest::plain(each) == std::vector<json>{{{"prompt", "P1"}, {"completion", "R1"}, {"label", true}},
                                                    {{"prompt", "P1"}, {"completion", "R1"}, {"label", false}},
                                                    {{"prompt", "P2"}, {"completion", "R2"}, {"label", true}}});

    // From the label question: "yes" means good; e1 is split one to one.
    TrlOptions byLabel;
    byLabel.format = TrlFormat::Kto;
    byLabel.question = "correct";
    CHECK_THROWS_WITH(buildTrlRows(*project, byLabel), Catch::Contains("one of: yes, no"));
    byLabel.goodLabel = "yes";
    const TrlRows labelled = buildTrlRows(*project, byLabel);
    CHECK(trltest::plain(labelled) == std::vector<json>{{{"prompt", "P2"}, {"completion", "R2"}, {"label", true}}});
    CHECK(trltest::droppedBy(labelled, "records whose annotators are split evenly") == 1);
}

TEST_CASE("trl-kto: a preference gives its chosen response true and its rejected one false", "[trl]")
{
    test::TempDir dir;
    auto project = trltest::projectFrom(dir.file("p.concord"), templateSchema("preference"));
    const auto key = trltest::insert(*project, "p1", {{"prompt", "P"}, {"response_a", "good"}, {"response_b", "bad"}});
    trltest::submit(*project, key, "ada", "preference", trltest::prefer("response_a", 1));
    TrlOptions options;
    options.format = TrlFormat::Kto;
    CHECK(trltest::plain(buildTrlRows(*project, options)) ==
          std::vector<json>{{{"prompt", "P"}, {"completion", "good"}, {"label", true}},
                            {{"prompt", "P"}, {"completion", "bad"}, {"label", false}}});
}

TEST_CASE("trl export: split files keep every row of one prompt together, with a card of the drops", "[trl]")
{
    test::TempDir dir;
    auto project = trltest::projectFrom(dir.file("p.concord"), templateSchema("preference"));
    for (int i = 0; i < 40; ++i) {
        // Two records per prompt, the second with a different pair of responses.
        const std::string prompt = "Prompt " + std::to_string(i / 2);
        const std::string id = "p" + std::to_string(i);
        const auto key =
            trltest::insert(*project, id, {{"prompt", prompt}, {"response_a", id + "a"}, {"response_b", id + "b"}});
        trltest::submit(*project, key, "ada", "preference",
                        i == 39 ? trltest::tie() : trltest::prefer("response_a", 1));
    }
    TrlExportOptions options;
    options.directory = (dir.path() / "out").string();
    options.ratios = {0.5, 0.25, 0.25};
    const TrlExportSummary summary = exportTrl(*project, options);
    CHECK(summary.rows == 39);
    CHECK(summary.files == std::vector<std::string>{"train.jsonl", "validation.jsonl", "test.jsonl", "README.md"});

    std::map<std::string, std::set<std::string>> splitsOfPrompt;
    std::size_t rows = 0;
    for (const char* split : {"train", "validation", "test"}) {
        std::ifstream in(dir.path() / "out" / (std::string(split) + ".jsonl"));
        std::string line;
        while (std::getline(in, line)) {
            splitsOfPrompt[json::parse(line).at("prompt").get<std::string>()].insert(split);
            ++rows;
        }
    }
    CHECK(rows == 39);
    CHECK(splitsOfPrompt.size() == 20);
    for (const auto& [prompt, splits] : splitsOfPrompt) {
        INFO(prompt);
        CHECK(splits.size() == 1);
    }
    std::ifstream card(dir.path() / "out" / "README.md");
    const std::string cardText((std::istreambuf_iterator<char>(card)), std::istreambuf_iterator<char>());
    CHECK_THAT(cardText, Catch::Contains("| pairs ranked equal (ties) | 1 |"));

    // A directory with files in it is refused unless replaced.
    CHECK_THROWS_AS(exportTrl(*project, options), SettingError);
    options.replace = true;
    CHECK_NOTHROW(exportTrl(*project, options));
}
