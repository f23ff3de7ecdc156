// Agreement per question on projects of fields and questions: preference, ranking and text
// statistics, one number per record, a label question's report, and suggestions against the
// annotators' majority. Expected values from tests/reference/question_agreement.py (NLTK,
// scipy, scikit-learn), run as `/usr/bin/python3 tests/reference/question_agreement.py`; each
// CHECK names the line of its output.
#include "core/quality/agreement/AgreementReport.hpp"
#include "core/quality/agreement/PreferenceChoices.hpp"
#include "core/quality/agreement/ProjectRatings.hpp"
#include "core/quality/agreement/QuestionAgreement.hpp"
#include "core/quality/agreement/RecordAgreement.hpp"
#include "core/quality/agreement/SuggestionAgreement.hpp"
#include "core/util/Error.hpp"
#include "tests/core/TrlTestSupport.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace concord;
using namespace concord::quality;
using nlohmann::json;

namespace question_agreement_test {

// record id -> (annotator -> answer), in the order given.
using Answers = std::vector<std::pair<std::string, std::vector<std::pair<std::string, json>>>>;

json schemaOf(const std::vector<std::string>& fields, const json& question)
{
    json list = json::array();
    for (const auto& name : fields) {
        list.push_back({{"name", name}});
    }
    return {{"fields", list}, {"questions", {question}}};
}

// A project whose records (each field's text is its name and the record's id) have these
// submitted answers to its one question.
std::unique_ptr<Project> projectWith(const std::string& path, const json& schema, const Answers& answers)
{
    auto project = trltest::projectFrom(path, schema);
    for (const auto& [id, given] : answers) {
        json fields;
        for (const Field& field : project->recordSchema().fields) {
            fields[field.name] = field.name + " of " + id;
        }
        const auto key = trltest::insert(*project, id, fields);
        for (const auto& [annotator, value] : given) {
            trltest::submit(*project, key, annotator, project->recordSchema().primary().name, value);
        }
    }
    return project;
}

// A preference as its signed strength: + the first field (a) wins, - the second (b), 0 a tie.
json strength(int s)
{
    return s == 0 ? trltest::tie() : trltest::prefer(s > 0 ? "a" : "b", s > 0 ? s : -s);
}

json preferenceSchema(int points)
{
    return schemaOf(
        {"prompt", "a", "b"},
        {{"name", "pref"}, {"kind", "preference"}, {"fields", {"a", "b"}}, {"scale", {{"points", points}}}});
}

Answers preferences(const std::vector<std::pair<std::string, std::map<std::string, int>>>& records)
{
    Answers answers;
    for (const auto& [id, given] : records) {
        answers.push_back({id, {}});
        for (const auto& [annotator, s] : given) {
            answers.back().second.emplace_back(annotator, strength(s));
        }
    }
    return answers;
}

json rankingSchema(std::size_t things)
{
    std::vector<std::string> fields;
    for (std::size_t f = 1; f <= things; ++f) {
        fields.push_back("f" + std::to_string(f));
    }
    std::vector<std::string> all = fields;
    all.insert(all.begin(), "prompt");
    return schemaOf(all, {{"name", "rank"}, {"kind", "ranking"}, {"fields", fields}});
}

Answers rankings(const std::vector<std::pair<std::string, std::map<std::string, std::vector<int>>>>& records)
{
    Answers answers;
    for (const auto& [id, given] : records) {
        answers.push_back({id, {}});
        for (const auto& [annotator, ranks] : given) {
            json ranking;
            for (std::size_t f = 0; f < ranks.size(); ++f) {
                ranking["f" + std::to_string(f + 1)] = ranks[f];
            }
            answers.back().second.emplace_back(annotator, json{{"ranking", ranking}});
        }
    }
    return answers;
}

Answers texts(const std::vector<std::pair<std::string, std::map<std::string, std::string>>>& records)
{
    Answers answers;
    for (const auto& [id, given] : records) {
        answers.push_back({id, {}});
        for (const auto& [annotator, text] : given) {
            answers.back().second.emplace_back(annotator, json{{"text", text}});
        }
    }
    return answers;
}

PreferenceAgreement measuredPreference(Project& project)
{
    const Question& question = project.recordSchema().primary();
    return preferenceAgreement(question, loadQuestionAnswers(project, question));
}

// The three coefficients and the opposite winners, against the reference script's line.
void checkPreference(const PreferenceAgreement& result, double percent, double nominal, double ordinal,
                     std::size_t opposite)
{
    CHECK(result.percent.value == Approx(percent).margin(1e-12));
    CHECK(result.alphaChoice.value == Approx(nominal).margin(1e-12));
    CHECK(result.alphaStrength.value == Approx(ordinal).margin(1e-12));
    CHECK(result.oppositeRecords == opposite);
}

const json kTextSchema = schemaOf({"prompt"}, {{"name", "why"}, {"kind", "text"}});

} // namespace question_agreement_test

using namespace question_agreement_test;

TEST_CASE("question agreement: preference choice, strength and opposite winners", "[agreement][question]")
{
    test::TempDir dir;
    SECTION("P1: three annotators, every record, ties")
    {
        auto project = projectWith(dir.file("p1.concord"), preferenceSchema(5),
                                   preferences({{"r1", {{"a1", 2}, {"a2", 1}, {"a3", 2}}},
                                                {"r2", {{"a1", -1}, {"a2", -2}, {"a3", 0}}},
                                                {"r3", {{"a1", 0}, {"a2", 0}, {"a3", 0}}},
                                                {"r4", {{"a1", 1}, {"a2", -1}, {"a3", 1}}},
                                                {"r5", {{"a1", -2}, {"a2", -2}, {"a3", -1}}}}));
        const auto result = measuredPreference(*project);
        CHECK(result.counts.records == 5);
        CHECK(result.counts.answers == 15);
        // P1 percent, alpha-nominal, alpha-ordinal, opposite 1 of 5
        checkPreference(result, 0.7333333333333333, 0.6216216216216217, 0.6662942271880818, 1);
        CHECK(result.counts.pairedRecords == 5);
    }
    SECTION("P2: missing answers, a record answered once, a draft and a discard left out")
    {
        auto project = projectWith(dir.file("p2.concord"), preferenceSchema(5),
                                   preferences({{"r1", {{"a1", 1}, {"a2", 2}}},
                                                {"r2", {{"a1", -2}, {"a3", -1}}},
                                                {"r3", {{"a2", 0}, {"a3", 1}}},
                                                {"r4", {{"a1", 2}}},
                                                {"r5", {{"a1", -1}, {"a2", 1}, {"a3", 0}}},
                                                {"r6", {{"a2", -2}, {"a3", -2}}}}));
        const auto key = [&](const char* id) { return project->samples().findById(id)->key; };
        project->answer(key("r1"), "d1", "pref", strength(-2)); // a draft
        project->answer(key("r4"), "d2", "pref", strength(-2));
        project->setStatus(key("r4"), "d2", ResponseStatus::Discarded, "unsure");
        const auto result = measuredPreference(*project);
        CHECK(result.counts.records == 6);
        CHECK(result.counts.pairedRecords == 5);
        CHECK(result.counts.annotators == 3);
        // P2 percent, alpha-nominal, alpha-ordinal, opposite 1 of 5
        checkPreference(result, 0.6, 0.3421052631578948, 0.7251082251082251, 1);
        CHECK(result.alphaChoice.excludedItems == 1);
    }
    SECTION("P3: a three-point scale, two annotators")
    {
        auto project = projectWith(dir.file("p3.concord"), preferenceSchema(3),
                                   preferences({{"r1", {{"a1", 1}, {"a2", 1}}},
                                                {"r2", {{"a1", -1}, {"a2", 1}}},
                                                {"r3", {{"a1", 0}, {"a2", -1}}},
                                                {"r4", {{"a1", -1}, {"a2", -1}}},
                                                {"r5", {{"a1", 1}, {"a2", 0}}}}));
        const Question& question = project->recordSchema().primary();
        const auto records = loadQuestionAnswers(*project, question);
        const auto result = preferenceAgreement(question, records);
        // P3 percent, alpha-nominal, alpha-ordinal, opposite 1 of 5
        checkPreference(result, 0.4, 0.1562500000000001, 0.32499999999999996, 1);
        // Per record: the share of agreeing pairs on the choice (two annotators: 1 or 0).
        const auto perRecord = recordAgreement(*project, question);
        REQUIRE(perRecord.size() == 5);
        CHECK(perRecord.at(project->samples().findById("r1")->key) == 1.0);
        CHECK(perRecord.at(project->samples().findById("r2")->key) == 0.0);
    }
}

TEST_CASE("question agreement: Kendall's W per record and alpha on the ranks", "[agreement][question]")
{
    test::TempDir dir;
    SECTION("K1: four fields, ties, two or three rankers, a record ranked once")
    {
        auto project = projectWith(dir.file("k1.concord"), rankingSchema(4),
                                   rankings({{"r1", {{"a1", {1, 2, 3, 4}}, {"a2", {1, 3, 2, 4}}, {"a3", {2, 1, 3, 4}}}},
                                             {"r2", {{"a1", {1, 1, 3, 4}}, {"a2", {2, 1, 3, 3}}, {"a3", {1, 2, 4, 3}}}},
                                             {"r3", {{"a1", {4, 3, 2, 1}}, {"a2", {1, 2, 3, 4}}}},
                                             {"r4", {{"a1", {1, 2, 3, 4}}}}}));
        const Question& question = project->recordSchema().primary();
        const auto result = rankingAgreement(question, loadQuestionAnswers(*project, question));
        CHECK(result.w.count == 3);
        CHECK(result.tiedRecords == 0);
        CHECK(result.w.mean == Approx(0.5449735449735451).margin(1e-12)); // K1 W mean
        CHECK(result.w.min == Approx(0.0).margin(1e-12));                 // K1 quartiles
        CHECK(result.w.q1 == Approx(0.3888888888888889).margin(1e-12));
        CHECK(result.w.median == Approx(0.7777777777777778).margin(1e-12));
        CHECK(result.w.q3 == Approx(0.8174603174603177).margin(1e-12));
        CHECK(result.w.max == Approx(0.8571428571428574).margin(1e-12));
        CHECK(result.alphaRanks.value == Approx(0.2954545454545455).margin(1e-12)); // K1 alpha-ordinal ranks
        const auto perRecord = recordAgreement(*project, question);
        CHECK(perRecord.size() == 3);
        CHECK(perRecord.at(project->samples().findById("r2")->key) == Approx(0.8571428571428574)); // K1 r2 W
    }
    SECTION("K2: three fields, a record where everyone ties everything, missing rankers")
    {
        auto project = projectWith(dir.file("k2.concord"), rankingSchema(3),
                                   rankings({{"r1", {{"a1", {1, 2, 3}}, {"a2", {1, 2, 3}}, {"a3", {1, 2, 3}}}},
                                             {"r2", {{"a1", {1, 1, 1}}, {"a2", {1, 1, 1}}}},
                                             {"r3", {{"a1", {3, 1, 2}}, {"a2", {1, 1, 3}}, {"a3", {2, 3, 1}}}},
                                             {"r4", {{"a1", {2, 1, 3}}, {"a3", {1, 2, 2}}}}}));
        const Question& question = project->recordSchema().primary();
        const auto records = loadQuestionAnswers(*project, question);
        const auto result = rankingAgreement(question, records);
        CHECK(result.w.count == 3);
        CHECK(result.tiedRecords == 1);                                   // K2 r2 W undefined
        CHECK(result.w.mean == Approx(0.5101010101010099).margin(1e-12)); // K2 W mean
        CHECK(result.w.q1 == Approx(0.2651515151515149).margin(1e-12));
        CHECK(result.w.min == Approx(0.030303030303029874).margin(1e-12));          // K2 r3 W
        CHECK(result.alphaRanks.value == Approx(0.3727492314448836).margin(1e-12)); // K2 alpha-ordinal ranks
        CHECK(recordKendallW(records[3]).value() == Approx(0.5).margin(1e-12));     // K2 r4 W
        // Identical all-tied rankings agree fully.
        CHECK(recordAgreement(question, records).at(records[1].key) == 1.0);
    }
}

TEST_CASE("question agreement: alpha-edit, pairwise similarity and exact matches on written answers",
          "[agreement][question]")
{
    test::TempDir dir;
    SECTION("T1: accents, a record answered once")
    {
        auto project = projectWith(dir.file("t1.concord"), kTextSchema,
                                   texts({{"r1", {{"a1", "the cat sat"}, {"a2", "the cat sat"}, {"a3", "a cat sat"}}},
                                          {"r2", {{"a1", "h\u00e9llo w\u00f6rld"}, {"a2", "hello world"}}},
                                          {"r3", {{"a1", "abc"}}},
                                          {"r4", {{"a1", "same"}, {"a2", "same"}, {"a3", "same"}}}}));
        const auto result = textAgreement(loadQuestionAnswers(*project, project->recordSchema().primary()));
        CHECK(result.alphaEdit.value == Approx(0.8446745562130178).margin(1e-12));        // T1 alpha-edit
        CHECK(result.meanSimilarity.value() == Approx(0.8787878787878788).margin(1e-12)); // T1 similarity
        CHECK(result.exactMatchShare.value() == Approx(1.0 / 3).margin(1e-12));           // T1 exact
        CHECK(result.alphaEdit.note.empty());
    }
    SECTION("T2: missing answers")
    {
        auto project = projectWith(dir.file("t2.concord"), kTextSchema,
                                   texts({{"r1", {{"a1", "kitten"}, {"a2", "sitting"}}},
                                          {"r2", {{"a1", "flaw"}, {"a3", "lawn"}}},
                                          {"r3", {{"a2", "gumbo"}, {"a3", "gambol"}, {"a1", "gumbo"}}}}));
        const auto records = loadQuestionAnswers(*project, project->recordSchema().primary());
        const auto result = textAgreement(records);
        CHECK(result.alphaEdit.value == Approx(0.5577190542420027).margin(1e-12));        // T2 alpha-edit
        CHECK(result.meanSimilarity.value() == Approx(0.6164021164021164).margin(1e-12)); // T2 similarity
        CHECK(result.exactMatchShare.value() == 0.0);                                     // T2 exact
        // kitten/sitting: distance 3 of 7.
        CHECK(recordAgreement(project->recordSchema().primary(), records).at(records[0].key) ==
              Approx(4.0 / 7).margin(1e-12));
    }
    SECTION("T3: empty answers are values (in memory: a project refuses an empty text)")
    {
        const auto record = [](const char* id, std::vector<std::pair<std::string, std::string>> given) {
            RecordAnswers answers;
            answers.id = id;
            for (auto& [annotator, text] : given) {
                answers.answers.emplace_back(annotator, json{{"text", text}});
            }
            return answers;
        };
        const std::vector<RecordAnswers> records = {record("r1", {{"a1", ""}, {"a2", ""}}),
                                                    record("r2", {{"a1", ""}, {"a2", "x"}}),
                                                    record("r3", {{"a1", "ab"}, {"a2", "ab"}, {"a3", ""}})};
        const auto result = textAgreement(records);
        CHECK(result.alphaEdit.value == Approx(0.1428571428571429).margin(1e-12));        // T3 alpha-edit
        CHECK(result.meanSimilarity.value() == Approx(0.4444444444444444).margin(1e-12)); // T3 similarity
        CHECK(result.exactMatchShare.value() == Approx(1.0 / 3).margin(1e-12));           // T3 exact
    }
    SECTION("sampled pairs are said")
    {
        std::vector<RecordAnswers> records;
        for (int r = 0; r < 6; ++r) {
            RecordAnswers record;
            record.id = "r" + std::to_string(r);
            record.answers = {{"a1", json{{"text", "x" + std::to_string(r)}}},
                              {"a2", json{{"text", "y" + std::to_string(r)}}}};
            records.push_back(record);
        }
        EditAlphaLimits limits;
        limits.exactValues = 4;
        limits.sampledPairs = 50;
        const auto result = textAgreement(records, limits);
        REQUIRE(result.alphaEdit.defined());
        CHECK_THAT(result.alphaEdit.note, Catch::Contains("estimated from 50 random pairs"));
    }
}

TEST_CASE("question agreement: a label question of several gives today's report", "[agreement][question]")
{
    test::TempDir dir;
    auto project = trltest::projectFrom(dir.file("e.concord"), templateSchema("evaluate"));
    const auto key = trltest::insert(*project, "r1", {{"prompt", "p"}, {"response", "Paris is in Spain"}});
    const auto key2 = trltest::insert(*project, "r2", {{"prompt", "p"}, {"response", "ok"}});
    for (const auto& [annotator, first, second] :
         std::vector<std::tuple<std::string, int, int>>{{"a1", 2, 5}, {"a2", 3, 5}, {"a3", 2, 6}}) {
        project->answer(key, annotator, "correct", json{{"labels", {"no"}}});
        project->answer(key, annotator, "helpfulness", json{{"rating", first}});
        project->answer(
            key, annotator, "hallucinations",
            json{{"spans", {{{"start", 0}, {"end", annotator == "a3" ? 5 : 17}, {"label", "hallucination"}}}}});
        project->setStatus(key, annotator, ResponseStatus::Submitted);
        project->answer(key2, annotator, "correct", json{{"labels", {"yes"}}});
        project->answer(key2, annotator, "helpfulness", json{{"rating", second}});
        project->setStatus(key2, annotator, ResponseStatus::Submitted);
    }
    const AgreementData rating = loadQuestionRatings(*project, project->recordSchema().question("helpfulness"));
    CHECK(rating.kind == DataKind::Ratings);
    CHECK(rating.table.ratings.size() == 6);
    CHECK(rating.table.values.front() == "1"); // the whole scale 1..7
    const AgreementData spans = loadQuestionRatings(*project, project->recordSchema().question("hallucinations"));
    REQUIRE(spans.spans);
    CHECK(spans.spans->texts == std::vector<std::string>{"Paris is in Spain"}); // the field it marks
    const AgreementReport report = buildReport(rating, {});
    CHECK(report.items == 2);
    CHECK_THROWS_AS(loadQuestionRatings(*project, project->recordSchema().question("why")), InputError);
    // The per-record agreement of a rating: the share of pairs giving the same value.
    const auto perRecord = recordAgreement(*project, project->recordSchema().question("helpfulness"));
    CHECK(perRecord.at(key) == Approx(1.0 / 3));
    CHECK(perRecord.at(key2) == Approx(1.0 / 3));
}

TEST_CASE("question agreement: each agent's suggestions against the annotators' majority", "[agreement][question]")
{
    test::TempDir dir;
    const json schema =
        schemaOf({"text"}, {{"name", "sentiment"}, {"kind", "label"}, {"labels", {"pos", "neg", "neu"}}});
    const std::vector<std::pair<std::string, std::vector<std::string>>> votes = {
        {"r1", {"pos", "pos", "neg"}}, {"r2", {"neg", "neg"}}, {"r3", {"pos", "neg"}}, {"r4", {"neu"}},
        {"r5", {"neu", "neu", "pos"}}, {"r6", {"pos", "pos"}}};
    Answers answers;
    for (const auto& [id, labels] : votes) {
        answers.push_back({id, {}});
        for (std::size_t a = 0; a < labels.size(); ++a) {
            answers.back().second.emplace_back("a" + std::to_string(a + 1), json{{"labels", {labels[a]}}});
        }
    }
    answers.push_back({"r7", {}});
    auto project = projectWith(dir.file("s.concord"), schema, answers);
    const auto key = [&](const std::string& id) { return project->samples().findById(id)->key; };
    // S1: m1 for every record (r7 has no answer); S2: m2 for some.
    for (const auto& [id, label] : std::vector<std::pair<std::string, std::string>>{
             {"r1", "pos"}, {"r2", "pos"}, {"r3", "pos"}, {"r4", "neu"}, {"r5", "neu"}, {"r6", "pos"}, {"r7", "neg"}}) {
        project->suggest(key(id), "sentiment", "m1", json{{"labels", {label}}}, 0.9);
    }
    for (const auto& [id, label] : std::vector<std::pair<std::string, std::string>>{
             {"r1", "neg"}, {"r2", "neg"}, {"r4", "pos"}, {"r5", "neu"}, {"r6", "pos"}}) {
        project->suggest(key(id), "sentiment", "m2", json{{"labels", {label}}}, std::nullopt);
    }
    const Question& question = project->recordSchema().primary();
    const auto result = suggestionAgreement(*project, question, loadQuestionAnswers(*project, question));
    REQUIRE(result.defined);
    REQUIRE(result.agents.size() == 2);
    const AgentAgreement& m1 = result.agents[0];
    CHECK(m1.agent == "m1");
    CHECK(m1.suggested == 7);
    CHECK(m1.withoutAnswers == 1);
    CHECK(m1.tiedMajority == 1);                                       // S1 tied 1
    CHECK(m1.compared == 5);                                           // S1 compared 5
    CHECK(m1.agreed == 4);                                             // S1 agreed 4
    CHECK(m1.kappa.value == Approx(0.6666666666666667).margin(1e-12)); // S1 kappa
    const AgentAgreement& m2 = result.agents[1];
    CHECK(m2.compared == 5);                                            // S2 compared 5
    CHECK(m2.agreed == 3);                                              // S2 agreed 3
    CHECK(m2.kappa.value == Approx(0.41176470588235303).margin(1e-12)); // S2 kappa

    const auto ranking = projectWith(dir.file("k.concord"), rankingSchema(3), {});
    const auto none = suggestionAgreement(*ranking, ranking->recordSchema().primary(), {});
    CHECK_FALSE(none.defined);
    CHECK_THAT(none.note, Catch::Contains("not defined for ranking questions"));
}

TEST_CASE("question agreement: a preference agent is compared on the winner", "[agreement][question]")
{
    test::TempDir dir;
    // S3: winners a, b or a tie (strengths vary: only the winner counts).
    auto project = projectWith(dir.file("s3.concord"), preferenceSchema(5),
                               preferences({{"r1", {{"a1", 1}, {"a2", 2}}},
                                            {"r2", {{"a1", -1}, {"a2", 0}, {"a3", -2}}},
                                            {"r3", {{"a1", 0}, {"a2", 0}}},
                                            {"r4", {{"a1", 2}, {"a2", -1}}},
                                            {"r5", {{"a1", -1}}}}));
    const auto key = [&](const char* id) { return project->samples().findById(id)->key; };
    project->suggest(key("r1"), "pref", "judge", strength(2), std::nullopt);
    project->suggest(key("r2"), "pref", "judge", strength(1), std::nullopt);
    project->suggest(key("r3"), "pref", "judge", strength(0), std::nullopt);
    project->suggest(key("r4"), "pref", "judge", strength(1), std::nullopt);
    project->suggest(key("r5"), "pref", "judge", strength(-2), std::nullopt);
    const Question& question = project->recordSchema().primary();
    const auto result = suggestionAgreement(*project, question, loadQuestionAnswers(*project, question));
    REQUIRE(result.agents.size() == 1);
    CHECK(result.agents[0].compared == 4);                                           // S3 compared 4
    CHECK(result.agents[0].agreed == 3);                                             // S3 agreed 3
    CHECK(result.agents[0].tiedMajority == 1);                                       // S3 tied 1
    CHECK(result.agents[0].kappa.value == Approx(0.6363636363636364).margin(1e-12)); // S3 kappa
}

TEST_CASE("question agreement: a preference's votes as columns give what its loaded answers give",
          "[agreement][question]")
{
    test::TempDir dir;
    // P2's project with S3's suggestions: missing answers, a single answer, a draft, a discard.
    auto project = projectWith(dir.file("v.concord"), preferenceSchema(5),
                               preferences({{"r1", {{"a1", 1}, {"a2", 2}}},
                                            {"r2", {{"a1", -2}, {"a3", -1}}},
                                            {"r3", {{"a2", 0}, {"a3", 0}}},
                                            {"r4", {{"a1", 2}}},
                                            {"r5", {{"a1", -1}, {"a2", 1}, {"a3", 0}}}}));
    const auto key = [&](const char* id) { return project->samples().findById(id)->key; };
    project->answer(key("r1"), "d1", "pref", strength(-2)); // a draft
    project->answer(key("r4"), "d2", "pref", strength(-2));
    project->setStatus(key("r4"), "d2", ResponseStatus::Discarded, "unsure");
    for (const char* id : {"r1", "r2", "r3", "r4", "r5"}) {
        project->suggest(key(id), "pref", "judge", strength(1), std::nullopt);
    }
    const Question& question = project->recordSchema().primary();
    const auto records = loadQuestionAnswers(*project, question);
    const PreferenceChoices votes = loadPreferenceChoices(*project, question);
    const PreferenceChoices fromRecords = preferenceChoices(question, records);
    CHECK(votes.keys == fromRecords.keys);
    CHECK(votes.start == fromRecords.start);
    CHECK(votes.annotator == fromRecords.annotator);
    CHECK(votes.answer == fromRecords.answer);
    CHECK(votes.annotators == std::vector<std::string>{"a1", "a2", "a3"});
    CHECK(votes.votes() == 10);

    const auto columns = preferenceAgreement(question, votes);
    const auto answers = preferenceAgreement(question, records);
    CHECK(columns.percent.value == answers.percent.value);
    CHECK(columns.alphaChoice.value == answers.alphaChoice.value);
    CHECK(columns.alphaStrength.value == answers.alphaStrength.value);
    CHECK(columns.oppositeRecords == answers.oppositeRecords);
    CHECK(recordAgreement(votes) == recordAgreement(question, records));

    const auto suggested = suggestionAgreementOfChoices(*project, question, votes);
    const auto majority = suggestionAgreement(*project, question, records);
    REQUIRE(suggested.agents.size() == 1);
    REQUIRE(majority.agents.size() == 1);
    CHECK(suggested.agents[0].compared == majority.agents[0].compared);
    CHECK(suggested.agents[0].agreed == majority.agents[0].agreed);
    CHECK(suggested.agents[0].tiedMajority == majority.agents[0].tiedMajority);
    CHECK(suggested.agents[0].tiedMajority == 1); // r5: three answers, three winners
    CHECK(suggested.agents[0].compared == 4);
    CHECK(suggested.agents[0].kappa.value == majority.agents[0].kappa.value);
}
