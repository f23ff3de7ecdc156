// Integrity checks on real project files: each check finds what was planted and nothing on
// clean data; near duplicates at scale (20,000 samples), without timing anything.
#include "core/quality/integrity/Integrity.hpp"
#include "core/quality/integrity/NearDuplicates.hpp"
#include "core/quality/integrity/TextNormalize.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>

using namespace concord;
using namespace concord::quality;
using nlohmann::json;

namespace {

std::unique_ptr<Project> makeProject(const test::TempDir& dir, TaskKind kind = TaskKind::Single, int overlap = 3)
{
    ProjectSettings settings;
    settings.overlap = overlap;
    LabelSchema schema = kind == TaskKind::Rating ? LabelSchema::fromJson({{"kind", "rating"}})
                                                  : LabelSchema::fromNames(kind, {"pos", "neg", "neu"});
    return Project::create(dir.file("p.concord"), settings, schema);
}

// Pseudo-words from syllables: enough of them that two random sentences share almost no
// pair of consecutive words.
class Sentences
{
public:
    explicit Sentences(std::uint32_t seed) : m_random(seed)
    {
        const char* syllables[] = {"ka",  "lo", "mi", "ren", "tu",  "sa",  "vel",
                                   "dor", "pi", "nu", "ze",  "bra", "qui", "fo"};
        for (const char* a : syllables) {
            for (const char* b : syllables) {
                for (const char* c : {"", "n", "s"}) {
                    m_words.push_back(std::string(a) + b + c);
                }
            }
        }
    }
    std::string make(int words)
    {
        std::uniform_int_distribution<std::size_t> pick(0, m_words.size() - 1);
        std::string text;
        for (int i = 0; i < words; ++i) {
            text += (i == 0 ? "" : " ") + m_words[pick(m_random)];
        }
        return text + ".";
    }
    std::string make() { return make(std::uniform_int_distribution<int>(8, 20)(m_random)); }
    std::mt19937& random() { return m_random; }

private:
    std::mt19937 m_random;
    std::vector<std::string> m_words;
};

json labels(const std::string& name)
{
    return {{"labels", {name}}};
}

std::vector<Finding> only(Project& project, const std::string& check, CheckOptions options = {})
{
    options.only = {check};
    return runChecks(project, options);
}

std::string describe(const std::vector<Finding>& findings)
{
    std::string text;
    for (const auto& finding : findings) {
        text += finding.check + " [" + std::string(toString(finding.severity)) + "] " + finding.message + " {";
        for (const auto& id : finding.sampleIds) {
            text += id + " ";
        }
        text += "}\n";
    }
    return text;
}

std::set<std::string> idSet(const Finding& finding)
{
    return {finding.sampleIds.begin(), finding.sampleIds.end()};
}

} // namespace

TEST_CASE("integrity: clean data gives no findings", "[integrity]")
{
    test::TempDir dir;
    auto project = makeProject(dir);
    Sentences sentences(1);
    const std::vector<std::string> names{"pos", "neg", "neu"};
    std::uniform_int_distribution<int> label(0, 2);
    std::bernoulli_distribution right(0.9);
    for (int i = 0; i < 40; ++i) {
        const std::string id = "s" + std::to_string(i);
        REQUIRE(project->samples().insert(id, sentences.make(), "{}"));
        const int truth = label(sentences.random());
        for (const char* annotator : {"alice", "bob", "carol"}) {
            const int given = right(sentences.random()) ? truth : (truth + 1) % 3;
            project->annotate(id, annotator, labels(names[static_cast<std::size_t>(given)]));
        }
    }
    const auto findings = runChecks(*project);
    INFO(describe(findings));
    CHECK(findings.empty());
}

TEST_CASE("integrity: empty text, invalid UTF-8 and control characters", "[integrity]")
{
    test::TempDir dir;
    auto project = makeProject(dir, TaskKind::Single, 1);
    auto& samples = project->samples();
    samples.insert("empty", "", "{}");
    samples.insert("blank", " \t\n\xc2\xa0", "{}"); // whitespace, including a no-break space
    samples.insert("latin1", "caf\xe9 au lait", "{}");
    samples.insert("bell", "ring the bell\x07 now", "{}");
    samples.insert("c1", "smart \xc2\x93quotes\xc2\x94 from cp1252", "{}");
    samples.insert("fine", "tabs\tand\r\nnewlines are fine, as is caf\xc3\xa9", "{}");

    const auto empty = only(*project, "empty-text");
    REQUIRE(empty.size() == 1);
    CHECK(empty[0].severity == Severity::Error);
    CHECK(empty[0].sampleIds == std::vector<std::string>{"empty", "blank"});
    CHECK_THAT(empty[0].message, Catch::Contains("2 samples have no text"));

    const auto utf8 = only(*project, "invalid-utf8");
    REQUIRE(utf8.size() == 1);
    CHECK(utf8[0].sampleIds == std::vector<std::string>{"latin1"});
    CHECK_THAT(utf8[0].message, Catch::Contains("not valid UTF-8 (first bad byte at offset 3)"));

    const auto control = only(*project, "control-chars");
    INFO(describe(control));
    REQUIRE(control.size() == 2);
    CHECK(control[0].sampleIds == std::vector<std::string>{"bell"});
    CHECK_THAT(control[0].message, Catch::Contains("1 invisible control character (U+0007 at character 14)"));
    CHECK(control[1].sampleIds == std::vector<std::string>{"c1"});
    CHECK_THAT(control[1].message, Catch::Contains("2 invisible control characters (the first U+0093"));
}

TEST_CASE("integrity: exact duplicates ignore case and whitespace, not accents", "[integrity]")
{
    test::TempDir dir;
    auto project = makeProject(dir, TaskKind::Single, 1);
    auto& samples = project->samples();
    samples.insert("a", "Hello   World, again", "{}");
    samples.insert("b", "hello world, again", "{}");
    samples.insert("c",
                   "  HELLO\tworld,\xc2\xa0"
                   "again\n",
                   "{}");
    samples.insert("d", "Hello world; again", "{}");    // punctuation differs: not exact
    samples.insert("e", "\xc3\x89t\xc3\xa9 ici", "{}"); // "Été ici"
    samples.insert("f", "\xc3\xa9t\xc3\xa9 ici", "{}"); // "été ici": non-ASCII case is kept

    const auto findings = only(*project, "exact-duplicate");
    INFO(describe(findings));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::Warning);
    CHECK(findings[0].sampleIds == std::vector<std::string>{"a", "b", "c"});
    CHECK_THAT(findings[0].message, Catch::Contains("3 samples have the same text (ignoring case and whitespace)"));
}

TEST_CASE("integrity: a near duplicate with one word changed is found, an unrelated pair is not", "[integrity]")
{
    test::TempDir dir;
    auto project = makeProject(dir, TaskKind::Single, 1);
    const std::string original = "The delivery arrived two days late and the box was crushed on one side, but the "
                                 "blender inside works well and the support team answered quickly.";
    std::string changed = original;
    changed.replace(changed.find("crushed"), 7, "dented");
    auto& samples = project->samples();
    samples.insert("orig", original, "{}");
    samples.insert("edit", changed, "{}");
    samples.insert("other1",
                   "I would not recommend this hotel to anyone; the rooms were dirty and the staff rude "
                   "whenever we asked for help with anything at all.",
                   "{}");
    samples.insert("other2",
                   "Great little cafe with friendly owners, the cinnamon rolls are fresh every morning "
                   "and the coffee is strong without being bitter.",
                   "{}");

    const auto findings = only(*project, "near-duplicate");
    INFO(describe(findings));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].severity == Severity::Info);
    CHECK(findings[0].sampleIds == std::vector<std::string>{"orig", "edit"});
    // 26 words give 24 distinct word pairs ("and the" twice); the changed word is in 2 of
    // them: 22 shared of 26 = 85%.
    CHECK_THAT(findings[0].message, Catch::Contains("2 samples have nearly the same text (85% of their word pairs"));

    // A stricter threshold drops the pair.
    CheckOptions strict;
    strict.nearDuplicateThreshold = 0.9;
    CHECK(only(*project, "near-duplicate", strict).empty());
}

TEST_CASE("integrity: near-duplicate similarity and shingles", "[integrity]")
{
    CHECK(shingleSet("", 2).empty());
    CHECK(shingleSet("?!", 2).empty());
    CHECK(shingleSet("one", 2).size() == 1); // a text shorter than a shingle is one shingle
    CHECK(shingleSet("Great, film!", 2) == shingleSet("great film", 2));
    CHECK(shingleSet("a b a b", 2).size() == 2); // "a b" and "b a", each once
    CHECK(jaccard(shingleSet("a b c d", 2), shingleSet("a b c e", 2)) == Approx(2.0 / 4.0));
    CHECK(normalizeForDuplicates("  A\t b  C ") == "a b c");

    const std::vector<std::string_view> texts{"a b c d e f g h i j", "x y z", "a b c d e f g h i k", "", "x y z w"};
    // Texts 0 and 2 share 8 of 10 word pairs (0.8); texts 1 and 4 share 2 of 3 (0.67), under
    // the default threshold of 0.7; the empty text takes no part.
    const auto result = findNearDuplicates(texts);
    REQUIRE(result.clusters.size() == 1);
    CHECK(result.clusters[0].members == std::vector<std::uint32_t>{0, 2});
    CHECK(result.clusters[0].minSimilarity == Approx(0.8));
    NearDuplicateOptions loose;
    loose.threshold = 0.6;
    const auto looser = findNearDuplicates(texts, loose);
    REQUIRE(looser.clusters.size() == 2);
    CHECK(looser.clusters[1].members == std::vector<std::uint32_t>{1, 4});
}

TEST_CASE("integrity: duplicates whose gold labels differ", "[integrity]")
{
    test::TempDir dir;
    auto project = makeProject(dir, TaskKind::Single, 2);
    auto& samples = project->samples();
    Sentences sentences(3);
    const std::string base = sentences.make(24);
    std::string near = base;
    near.replace(0, near.find(' '), "zzzword");
    samples.insert("x1", "Refund took three weeks.", "{}");
    samples.insert("x2", "refund took three weeks.", "{}");
    samples.insert("n1", base, "{}");
    samples.insert("n2", near, "{}");
    samples.insert("same1", "Works as described.", "{}");
    samples.insert("same2", "works as described.", "{}");
    samples.insert("tie1", "Arrived broken.", "{}");
    samples.insert("tie2", "arrived broken.", "{}");

    // Exact pair: the reviewer's gold on one, the annotators' majority on the other.
    project->resolve("x1", "lead", labels("neg"), "slow refund");
    project->annotate("x2", "alice", labels("neu"));
    project->annotate("x2", "bob", labels("neu"));
    // Near pair: majority pos against majority neg.
    project->annotate("n1", "alice", labels("pos"));
    project->annotate("n1", "bob", labels("pos"));
    project->annotate("n2", "alice", labels("neg"));
    project->annotate("n2", "bob", labels("neg"));
    // Agreeing duplicates, and a pair where one sample's annotators are split (no gold).
    project->annotate("same1", "alice", labels("pos"));
    project->annotate("same2", "alice", labels("pos"));
    project->annotate("tie1", "alice", labels("neg"));
    project->annotate("tie2", "alice", labels("pos"));
    project->annotate("tie2", "bob", labels("neg"));

    const auto findings = only(*project, "conflicting-duplicates");
    INFO(describe(findings));
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].severity == Severity::Error);
    CHECK(findings[0].sampleIds == std::vector<std::string>{"x1", "x2"});
    CHECK_THAT(findings[0].message, Catch::Contains("2 samples with the same text carry different gold labels: "
                                                    "'neg' (x1); 'neu' (x2)"));
    CHECK(findings[1].sampleIds == std::vector<std::string>{"n1", "n2"});
    CHECK_THAT(findings[1].message, Catch::Contains("nearly the same text"));
}

TEST_CASE("integrity: stored values the schema no longer accepts", "[integrity]")
{
    test::TempDir dir;
    auto project = makeProject(dir, TaskKind::Single, 1);
    auto& samples = project->samples();
    const auto a = *samples.insert("a", "first text", "{}");
    const auto b = *samples.insert("b", "second text", "{}");
    const auto c = *samples.insert("c", "third text", "{}");
    // Written past validation, as an older schema or a bad sync could have left them.
    project->annotations().put(a, "alice", R"({"labels":["maybe"]})", 1);
    project->annotations().put(b, "bob", R"({"labels":["maybe"]})", 1);
    project->annotations().put(c, "alice", R"({"labels":["pos","neg"]})", 1);
    project->annotations().put(a, "bob", "not json", 1);
    project->resolutions().set(b, R"({"labels":["unsure"]})", "", "lead", 1);

    const auto findings = only(*project, "label-outside-schema");
    INFO(describe(findings));
    REQUIRE(findings.size() == 4);
    CHECK(findings[0].sampleIds == std::vector<std::string>{"a", "b"});
    CHECK_THAT(findings[0].message, Catch::Contains("2 stored values use label 'maybe', which the schema does not "
                                                    "have (it has pos, neg and neu); by alice and bob"));
    CHECK(findings[1].sampleIds == std::vector<std::string>{"b"});
    CHECK_THAT(findings[1].message, Catch::Contains("label 'unsure'"));
    CHECK_THAT(findings[1].message, Catch::Contains("by lead (gold label)"));
    CHECK_THAT(findings[2].message, Catch::Contains("a single-label value has exactly one label, found 2"));
    CHECK_THAT(findings[3].message, Catch::Contains("not valid JSON"));
    CHECK(only(*project, "span-problem").empty());
}

TEST_CASE("integrity: ratings off the scale, and span problems", "[integrity]")
{
    test::TempDir dir;
    {
        auto project = makeProject(dir, TaskKind::Rating, 1);
        const auto a = *project->samples().insert("a", "some text", "{}");
        project->annotations().put(a, "alice", R"({"rating":9})", 1);
        const auto findings = only(*project, "label-outside-schema");
        REQUIRE(findings.size() == 1);
        CHECK_THAT(findings[0].message, Catch::Contains("rating 9 is off the scale 1..5"));
    }
    test::TempDir spansDir;
    auto project = makeProject(spansDir, TaskKind::Spans, 1);
    const auto a = *project->samples().insert("a", "short", "{}");
    const auto b = *project->samples().insert("b", "a longer text here", "{}");
    project->annotations().put(a, "alice", R"({"spans":[{"start":0,"end":12,"label":"pos"}]})", 1);
    project->annotations().put(b, "alice",
                               R"({"spans":[{"start":0,"end":8,"label":"pos"},)"
                               R"({"start":2,"end":6,"label":"neg"}]})",
                               1);
    project->annotations().put(b, "bob", R"({"spans":[{"start":0,"end":4,"label":"PER"}]})", 1);
    const auto spans = only(*project, "span-problem");
    INFO(describe(spans));
    REQUIRE(spans.size() == 2);
    CHECK(spans[0].sampleIds == std::vector<std::string>{"a"});
    CHECK_THAT(spans[0].message, Catch::Contains("alice: span 1 [0, 12) is out of range: the text has 5 code points"));
    CHECK(spans[1].sampleIds == std::vector<std::string>{"b"});
    CHECK_THAT(spans[1].message, Catch::Contains("alice: spans 1 and 2 overlap"));
    const auto unknown = only(*project, "label-outside-schema");
    REQUIRE(unknown.size() == 1);
    CHECK_THAT(unknown[0].message, Catch::Contains("label 'PER'"));
}

TEST_CASE("integrity: samples under the project's overlap", "[integrity]")
{
    test::TempDir dir;
    auto project = makeProject(dir, TaskKind::Single, 3);
    for (const char* id : {"none1", "none2", "one", "two", "three", "twoResolved"}) {
        project->samples().insert(id, std::string("text of ") + id, "{}");
    }
    project->annotate("one", "alice", labels("pos"));
    for (const char* id : {"two", "three", "twoResolved"}) {
        project->annotate(id, "alice", labels("pos"));
        project->annotate(id, "bob", labels("pos"));
    }
    project->annotate("three", "carol", labels("pos"));
    project->resolve("twoResolved", "lead", labels("pos"), "");

    const auto findings = only(*project, "under-overlap");
    INFO(describe(findings));
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].severity == Severity::Warning);
    CHECK(findings[0].sampleIds == std::vector<std::string>{"one"});
    CHECK_THAT(findings[0].message,
               Catch::Contains("1 sample has only 1 annotation; the project asks for 3 per sample"));
    CHECK(findings[1].sampleIds == std::vector<std::string>{"two", "twoResolved"});
    CHECK_THAT(findings[1].message, Catch::Contains("(1 of them already have a gold label)"));
    CHECK(findings[2].severity == Severity::Info);
    CHECK(findings[2].sampleIds == std::vector<std::string>{"none1", "none2"});
    CHECK_THAT(findings[2].message, Catch::Contains("2 samples have no annotations yet"));
}

TEST_CASE("integrity: annotators who label at random or always the same", "[integrity]")
{
    test::TempDir dir;
    auto project = makeProject(dir, TaskKind::Single, 5);
    const std::vector<std::string> names{"pos", "neg", "neu"};
    std::mt19937 random(5);
    std::uniform_int_distribution<int> label(0, 2);
    std::bernoulli_distribution right(0.85);
    for (int i = 0; i < 60; ++i) {
        const std::string id = "s" + std::to_string(i);
        project->samples().insert(id, "sample number " + std::to_string(i), "{}");
        const int truth = label(random);
        for (const char* annotator : {"alice", "bob", "carol"}) {
            project->annotate(id, annotator,
                              labels(names[static_cast<std::size_t>(right(random) ? truth : (truth + 1) % 3)]));
        }
        project->annotate(id, "randy", labels(names[static_cast<std::size_t>(label(random))]));
        project->annotate(id, "connie", labels(i % 30 == 0 ? "neg" : "pos")); // 58 of 60 the same
    }
    const auto findings = only(*project, "suspicious-annotator");
    INFO(describe(findings));
    REQUIRE(findings.size() == 2);
    CHECK_THAT(findings[0].message, Catch::StartsWith("connie gave 'pos' in 97% of 60 labels"));
    CHECK(findings[0].sampleIds.size() == 58);
    CHECK_THAT(findings[1].message, Catch::StartsWith("randy's labels agree with the other annotators no better "
                                                      "than chance: Cohen's kappa"));
    CHECK(findings[1].sampleIds.size() >= 20);

    // With fewer labels than the minimum, nobody is judged.
    CheckOptions lenient;
    lenient.minAnnotatorLabels = 100;
    CHECK(only(*project, "suspicious-annotator", lenient).empty());
}

TEST_CASE("integrity: a random rater on an ordinal scale", "[integrity]")
{
    test::TempDir dir;
    auto project = makeProject(dir, TaskKind::Rating, 4);
    std::mt19937 random(9);
    std::uniform_int_distribution<int> scale(1, 5);
    std::uniform_int_distribution<int> jitter(-1, 1);
    for (int i = 0; i < 50; ++i) {
        const std::string id = "r" + std::to_string(i);
        project->samples().insert(id, "rated text " + std::to_string(i), "{}");
        const int truth = scale(random);
        for (const char* annotator : {"alice", "bob", "carol"}) {
            project->annotate(id, annotator, {{"rating", std::clamp(truth + jitter(random), 1, 5)}});
        }
        project->annotate(id, "randy", {{"rating", scale(random)}});
    }
    const auto findings = only(*project, "suspicious-annotator");
    INFO(describe(findings));
    REQUIRE(findings.size() == 1);
    CHECK_THAT(findings[0].message, Catch::StartsWith("randy's labels agree with the other annotators no better than "
                                                      "chance: quadratic-weighted kappa"));
}

TEST_CASE("integrity: unusually short and long texts", "[integrity]")
{
    test::TempDir dir;
    auto project = makeProject(dir, TaskKind::Single, 1);
    Sentences sentences(4);
    for (int i = 0; i < 40; ++i) {
        project->samples().insert("s" + std::to_string(i), sentences.make(), "{}");
    }
    project->samples().insert("tiny", "ok", "{}");
    project->samples().insert("short", "fine thanks", "{}");
    project->samples().insert("huge", sentences.make(1500), "{}");
    const auto findings = only(*project, "length-outlier");
    INFO(describe(findings));
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].sampleIds == std::vector<std::string>{"tiny"});
    CHECK_THAT(findings[0].message, Catch::Contains("1 text has fewer than 3 characters"));
    CHECK(findings[1].sampleIds == std::vector<std::string>{"huge"});
    CHECK_THAT(findings[1].message, Catch::Contains("1 text is unusually long: over"));
    CHECK(findings[2].sampleIds == std::vector<std::string>{"short"});
    CHECK_THAT(findings[2].message, Catch::Contains("1 text is unusually short: under"));
}

TEST_CASE("integrity: choosing checks, and an unknown check", "[integrity]")
{
    test::TempDir dir;
    auto project = makeProject(dir, TaskKind::Single, 1);
    project->samples().insert("a", "", "{}");
    project->samples().insert("b", "same text", "{}");
    project->samples().insert("c", "Same text", "{}");
    CheckOptions options;
    options.only = {"exact-duplicate", "empty-text"};
    const auto findings = runChecks(*project, options);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].check == "empty-text"); // reported in the documented order
    CHECK(findings[1].check == "exact-duplicate");
    options.only = {"duplicates"};
    CHECK_THROWS_WITH(runChecks(*project, options), Catch::Contains("unknown check 'duplicates' (the checks are: "
                                                                    "empty-text, invalid-utf8"));
    CHECK(checkIds().size() == 19);
}

TEST_CASE("integrity: near duplicates among 20,000 samples, planted ones all found", "[integrity][scale]")
{
    test::TempDir dir;
    auto project = makeProject(dir, TaskKind::Single, 1);
    Sentences sentences(2024);
    std::vector<std::string> texts;
    for (int i = 0; i < 20000; ++i) {
        texts.push_back(sentences.make(std::uniform_int_distribution<int>(15, 35)(sentences.random())));
    }
    // Every 400th text gets a twin with one word changed (50 pairs), and every 1000th a twin
    // with two words swapped at its end (20 more).
    std::vector<std::pair<std::size_t, std::size_t>> planted;
    for (std::size_t i = 0; i < 20000; i += 400) {
        std::string twin = texts[i];
        twin.replace(0, twin.find(' '), "changedword");
        planted.emplace_back(i, texts.size());
        texts.push_back(twin);
    }
    for (std::size_t i = 100; i < 20000; i += 1000) {
        std::string twin = texts[i];
        const auto last = twin.rfind(' ');
        const auto before = twin.rfind(' ', last - 1);
        twin = twin.substr(0, before) + twin.substr(last) + twin.substr(before, last - before);
        planted.emplace_back(i, texts.size());
        texts.push_back(twin);
    }
    {
        sqlite::Transaction transaction(project->database());
        for (std::size_t i = 0; i < texts.size(); ++i) {
            project->samples().insert("t" + std::to_string(i), texts[i], "{}");
        }
        transaction.commit();
    }
    const auto findings = only(*project, "near-duplicate");
    INFO(describe(findings));
    std::set<std::set<std::string>> clusters;
    for (const auto& finding : findings) {
        clusters.insert(idSet(finding));
    }
    for (const auto& [a, b] : planted) {
        CAPTURE(a, b);
        CHECK(clusters.count({"t" + std::to_string(a), "t" + std::to_string(b)}) == 1);
    }
    // Random sentences are not near duplicates of each other: nothing else is reported.
    CHECK(findings.size() == planted.size());
}
