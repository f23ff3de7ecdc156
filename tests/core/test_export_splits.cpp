// Splits and folds of an export: reproducible from the seed, stratified, duplicates kept in one
// split, the leakage check, and a dataset export that appears whole or not at all.
#include "core/export/DatasetExporter.hpp"
#include "core/export/Leakage.hpp"
#include "core/export/Splits.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

using namespace concord;
using namespace concord::exporting;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const char* const kWords[] = {"apple",  "river",  "stone",  "cloud",   "green",  "quick",   "silent", "market",
                              "window", "garden", "violet", "copper",  "ladder", "forest",  "candle", "mirror",
                              "pocket", "harbor", "velvet", "thunder", "meadow", "lantern", "saddle", "orbit"};

// A distinct text of eight words for each n (no two share a word pair).
std::string textOf(int n)
{
    std::string text;
    for (int w = 0; w < 8; ++w) {
        text += (w == 0 ? "" : " ") + std::string(kWords[(n * 7 + w * 5 + w * w * n) % 24]) + std::to_string(n);
    }
    return text;
}

ExportRecord record(const std::string& id, const std::string& text, const std::string& label)
{
    ExportRecord r;
    r.id = id;
    r.text = text;
    r.labels = {label};
    return r;
}

// 60 pos, 30 neg, 10 neu.
std::vector<ExportRecord> hundredRecords()
{
    std::vector<ExportRecord> records;
    for (int i = 0; i < 100; ++i) {
        records.push_back(record("r" + std::to_string(i), textOf(i), i < 60 ? "pos" : i < 90 ? "neg" : "neu"));
    }
    return records;
}

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::unique_ptr<Project> labeledProject(const std::string& path, int samples)
{
    ProjectSettings settings;
    settings.name = "reviews";
    auto project =
        Project::create(path, settings, LabelSchema::fromNames(TaskKind::Single, {"pos", "neg"}), [] { return 1000; });
    for (int i = 0; i < samples; ++i) {
        const std::string id = "s" + std::to_string(i);
        REQUIRE(project->samples().insert(id, textOf(i), "{}").has_value());
        project->annotate(id, "ann", json{{"labels", {i % 3 == 0 ? "neg" : "pos"}}});
    }
    return project;
}

std::vector<std::string> entries(const fs::path& directory)
{
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(directory)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

// The setting a SettingError names, or "" when `work` threw something else or nothing.
template <typename Work> std::string settingOf(Work work)
{
    try {
        work();
    } catch (const SettingError& error) {
        return error.setting();
    } catch (const std::exception&) {
        return {};
    }
    return {};
}

} // namespace

TEST_CASE("splits: ratios are parsed and checked, naming the setting", "[export]")
{
    CHECK(parseRatios("0.8,0.1,0.1") == std::vector<double>{0.8, 0.1, 0.1});
    CHECK(parseRatios(" 0.7 , 0.3 ,0") == std::vector<double>{0.7, 0.3, 0.0});
    CHECK_THROWS_WITH(parseRatios("0.8,0.2"), Catch::Contains("three ratios"));
    CHECK(settingOf([] { parseRatios("0.8,x,0.1"); }) == "split");
    CHECK_THROWS_WITH(parseRatios("0.8,x,0.1"), Catch::Contains("'x' is not a ratio"));
    SplitOptions options;
    options.ratios = {0.5, 0.1, 0.1};
    CHECK_THROWS_WITH(checkSplitOptions(options, 10), Catch::Contains("add up to 1"));
    options.ratios = {0.8, 0.1, 0.1};
    options.folds = 1;
    CHECK(settingOf([&] { checkSplitOptions(options, 10); }) == "folds");
    options.folds = 11;
    CHECK(settingOf([&] { checkSplitOptions(options, 10); }) == "folds");
}

TEST_CASE("splits: stratification keeps each label's share within one record per split", "[export]")
{
    const auto records = hundredRecords();
    for (const std::uint64_t seed : {1U, 2U, 99U}) {
        SplitOptions options;
        options.seed = seed;
        const auto splits = makeSplits(records, options);
        REQUIRE(splits.size() == 3);
        CHECK(splits[0].name == "train");
        CHECK(splits[1].name == "validation");
        CHECK(splits[2].name == "test");
        const std::map<std::string, double> totals = {{"pos", 60}, {"neg", 30}, {"neu", 10}};
        std::size_t all = 0;
        for (std::size_t s = 0; s < 3; ++s) {
            std::map<std::string, double> counts;
            for (const auto& r : splits[s].records) {
                counts[r.labels[0]] += 1;
            }
            for (const auto& [label, total] : totals) {
                CHECK(std::abs(counts[label] - total * options.ratios[s]) <= 1.0);
            }
            all += splits[s].records.size();
        }
        CHECK(all == 100);
        CHECK(splits[0].records.size() == 80);
    }
}

TEST_CASE("splits: the same seed gives the same splits, another seed others", "[export]")
{
    const auto records = hundredRecords();
    SplitOptions options;
    options.seed = 7;
    const auto a = makeSplits(records, options);
    const auto b = makeSplits(records, options);
    options.seed = 8;
    const auto c = makeSplits(records, options);
    for (std::size_t s = 0; s < 3; ++s) {
        CHECK(a[s].records == b[s].records);
    }
    CHECK(a[1].records != c[1].records);
}

TEST_CASE("splits: exact and near duplicates land in one split", "[export]")
{
    auto records = hundredRecords();
    records.push_back(record("dup-a", "The service was great and the food arrived warm", "pos"));
    records.push_back(record("dup-b", "  the SERVICE was great and   the food arrived warm ", "neg"));
    const std::string longText = "we stayed three nights at the hotel by the old harbour and every morning the "
                                 "staff brought fresh bread coffee and fruit to our room without being asked";
    std::string edited = longText;
    edited.replace(edited.find("three"), 5, "four");
    records.push_back(record("near-a", longText, "pos"));
    records.push_back(record("near-b", edited, "neu"));

    const auto groups = duplicateGroups(records);
    CHECK(groups[100] == groups[101]);
    CHECK(groups[102] == groups[103]);
    CHECK(groups[100] != groups[102]);
    CHECK(groups[0] != groups[1]);

    for (std::uint64_t seed = 0; seed < 20; ++seed) {
        SplitOptions options;
        options.seed = seed;
        const auto splits = makeSplits(records, options);
        std::map<std::string, std::string> splitOf;
        for (const auto& split : splits) {
            for (const auto& r : split.records) {
                splitOf[r.id] = split.name;
            }
        }
        CHECK(splitOf["dup-a"] == splitOf["dup-b"]);
        CHECK(splitOf["near-a"] == splitOf["near-b"]);
        CHECK(checkLeakage(splits).clean());
    }
}

TEST_CASE("leakage: a text shared across splits is reported with its samples", "[export]")
{
    std::vector<NamedSplit> splits = {
        {"train", {record("a", "Shared text here", "pos"), record("b", "only in train", "pos")}},
        {"validation", {record("c", "something else", "neg")}},
        {"test", {record("d", "shared   TEXT here", "neg"), record("e", "only in train", "pos")}},
    };
    const LeakageReport report = checkLeakage(splits);
    CHECK(report.texts == 3);
    REQUIRE(report.shared.size() == 2);
    CHECK(report.shared[0].text == "shared text here");
    REQUIRE(report.shared[0].samples.size() == 2);
    CHECK(report.shared[0].samples[0].split == "train");
    CHECK(report.shared[0].samples[0].id == "a");
    CHECK(report.shared[0].samples[1].split == "test");
    CHECK(report.shared[0].samples[1].id == "d");
    CHECK(report.shared[1].text == "only in train");

    // Two records of one text inside one split are no leak.
    splits[2].records.clear();
    splits[0].records.push_back(record("f", "shared text here", "pos"));
    CHECK(checkLeakage(splits).clean());
}

TEST_CASE("folds: each record in exactly one fold, folds stratified", "[export]")
{
    const auto records = hundredRecords();
    SplitOptions options;
    options.folds = 5;
    options.seed = 3;
    const auto folds = makeSplits(records, options);
    REQUIRE(folds.size() == 5);
    CHECK(folds[0].name == "fold-1");
    CHECK(folds[4].name == "fold-5");
    std::multiset<std::string> ids;
    for (const auto& fold : folds) {
        CHECK(fold.records.size() == 20);
        std::size_t neu = 0;
        for (const auto& r : fold.records) {
            ids.insert(r.id);
            neu += r.labels[0] == "neu" ? 1 : 0;
        }
        CHECK(neu == 2);
    }
    CHECK(ids.size() == 100);
    CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == 100);
    CHECK(checkLeakage(folds).clean());
}

TEST_CASE("dataset export: the same seed gives byte-identical files, another seed differs", "[export]")
{
    test::TempDir dir;
    auto project = labeledProject(dir.file("p.concord"), 60);
    DatasetExportOptions options;
    options.seed = 5;
    options.directory = dir.file("one");
    std::vector<std::string> steps;
    const auto summary = exportDataset(*project, options, Progress([&](const ProgressStep& p) {
        if (steps.empty() || steps.back() != p.what) {
            steps.emplace_back(p.what);
        }
    }));
    CHECK(steps == std::vector<std::string>{"selecting", "splitting", "writing", "finishing"});
    CHECK_FALSE(summary.cancelled);
    CHECK(summary.records == 60);
    REQUIRE(summary.splits.size() == 3);
    CHECK(summary.splits[0].records == 48);
    CHECK(summary.splits[0].file == "train.jsonl");
    CHECK(summary.leakage.clean());
    CHECK(entries(options.directory) ==
          std::vector<std::string>{"README.md", "label_map.json", "test.jsonl", "train.jsonl", "validation.jsonl"});

    options.directory = dir.file("two");
    exportDataset(*project, options);
    options.directory = dir.file("three");
    options.seed = 6;
    exportDataset(*project, options);
    for (const char* file : {"train.jsonl", "validation.jsonl", "test.jsonl", "label_map.json"}) {
        const auto one = readFile(fs::path(dir.file("one")) / file);
        CHECK(!one.empty());
        CHECK(one == readFile(fs::path(dir.file("two")) / file));
    }
    CHECK(readFile(fs::path(dir.file("one")) / "test.jsonl") != readFile(fs::path(dir.file("three")) / "test.jsonl"));

    const auto firstLine = readFile(fs::path(dir.file("one")) / "train.jsonl");
    const auto line = json::parse(firstLine.substr(0, firstLine.find('\n')));
    CHECK(line.contains("id"));
    CHECK(line.contains("text"));
    CHECK(line["label"].is_string());
    const auto map = json::parse(readFile(fs::path(dir.file("one")) / "label_map.json"));
    CHECK(map["label2id"]["neg"] == 1);
    CHECK(map["id2label"]["0"] == "pos");
    const auto card = readFile(fs::path(dir.file("one")) / "README.md");
    CHECK_THAT(card, Catch::Contains("| pos |"));
    CHECK_THAT(card, Catch::Contains("majority vote"));
    CHECK_THAT(card, Catch::Contains("seed 5"));
    // How it was made is the caller's to say, in its own terms; without it the card is silent.
    CHECK_THAT(card, !Catch::Contains("How it was made"));
    options.directory = dir.file("told");
    options.command = "the export of the test";
    exportDataset(*project, options);
    CHECK_THAT(readFile(fs::path(dir.file("told")) / "README.md"),
               Catch::Contains("## How it was made") && Catch::Contains("the export of the test"));
}

TEST_CASE("dataset export: k folds write fold files", "[export]")
{
    test::TempDir dir;
    auto project = labeledProject(dir.file("p.concord"), 30);
    DatasetExportOptions options;
    options.folds = 3;
    options.directory = dir.file("out");
    const auto summary = exportDataset(*project, options);
    CHECK(entries(options.directory) ==
          std::vector<std::string>{"README.md", "fold-1.jsonl", "fold-2.jsonl", "fold-3.jsonl", "label_map.json"});
    for (const auto& fold : summary.splits) {
        CHECK(fold.records == 10);
    }
}

TEST_CASE("dataset export: a failed or cancelled export leaves nothing behind", "[export]")
{
    test::TempDir dir;
    auto project = labeledProject(dir.file("p.concord"), 20);
    DatasetExportOptions options;

    // The output is a file.
    {
        std::ofstream(dir.file("taken")) << "keep me";
    }
    options.directory = dir.file("taken");
    CHECK_THROWS_WITH(exportDataset(*project, options), Catch::Contains("exists and is not a directory"));
    CHECK(readFile(dir.file("taken")) == "keep me");

    // A directory that is not empty is refused, unless replacing is asked for.
    fs::create_directory(dir.file("full"));
    {
        std::ofstream(dir.file("full/old.txt")) << "old";
    }
    options.directory = dir.file("full");
    CHECK_THROWS_WITH(exportDataset(*project, options), Catch::Contains("not empty"));
    options.replace = true;
    exportDataset(*project, options);
    CHECK_FALSE(fs::exists(dir.file("full/old.txt")));
    CHECK(fs::exists(dir.file("full/train.jsonl")));
    options.replace = false;

    // A parent that does not exist, and one that cannot be written (even by root).
    options.directory = dir.file("missing/out");
    CHECK_THROWS_WITH(exportDataset(*project, options), Catch::Contains("does not exist"));
    options.directory = "/proc/concord-export-test";
    CHECK_THROWS_AS(exportDataset(*project, options), StoreError);

    // Bad options, before anything is written.
    options.directory = dir.file("bad");
    options.format = "xml";
    CHECK(settingOf([&] { exportDataset(*project, options); }) == "format");
    options.format = "hf";
    options.ratios = {0.5, 0.5, 0.5};
    CHECK(settingOf([&] { exportDataset(*project, options); }) == "split");
    options.ratios = {0.8, 0.1, 0.1};

    // Cancelled while writing.
    std::atomic<bool> cancel{false};
    options.directory = dir.file("cancelled");
    const auto summary = exportDataset(*project, options,
                                       Progress(
                                           [&](const ProgressStep& p) {
                                               if (p.what == "writing" && p.done == 1) {
                                                   cancel = true;
                                               }
                                           },
                                           &cancel));
    CHECK(summary.cancelled);

    // Nothing half-written anywhere: only what the test itself made.
    CHECK(entries(dir.path()) ==
          std::vector<std::string>{"full", "p.concord", "p.concord-shm", "p.concord-wal", "taken"});
}

TEST_CASE("dataset export: a writer failing halfway leaves no directory", "[export]")
{
    // CoNLL tags one label per token, so overlapping spans cannot be written: the writer throws
    // after the temporary directory and perhaps some files exist.
    test::TempDir dir;
    LabelSchema schema = LabelSchema::fromNames(TaskKind::Spans, {"PER", "LOC"});
    schema.allowOverlap = true;
    auto project = Project::create(dir.file("s.concord"), ProjectSettings{}, schema, [] { return 1000; });
    for (int i = 0; i < 10; ++i) {
        const std::string id = "s" + std::to_string(i);
        REQUIRE(project->samples().insert(id, "Ada Lovelace visited Paris " + textOf(i), "{}").has_value());
        json spans = {{{"start", 0}, {"end", 12}, {"label", "PER"}}};
        if (i == 9) {
            spans.push_back({{"start", 4}, {"end", 12}, {"label", "LOC"}});
        }
        project->annotate(id, "ann", json{{"spans", spans}});
    }
    DatasetExportOptions options;
    options.format = "conll";
    options.directory = dir.file("out");
    CHECK_THROWS_AS(exportDataset(*project, options), InputError);
    CHECK(entries(dir.path()) == std::vector<std::string>{"s.concord", "s.concord-shm", "s.concord-wal"});

    options.format = "spacy";
    const auto summary = exportDataset(*project, options);
    CHECK(summary.records == 10);
    CHECK(fs::exists(dir.file("out/train.jsonl")));
}
