// The built-in classifier: accuracy on real data against the majority baseline, determinism,
// continued training, multi-label, and the model file.
#include "core/learn/FeatureExtractor.hpp"
#include "core/learn/LinearModel.hpp"
#include "core/learn/Metrics.hpp"
#include "core/learn/ModelFile.hpp"
#include "core/util/Error.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

using namespace concord::learn;

namespace {

struct Sentences
{
    std::vector<std::string> texts;
    std::vector<LabelSet> labels;
};

// tests/data/learn/sentiment.jsonl: 1,500 UCI sentences (see SOURCE.md there).
Sentences loadSentiment()
{
    std::ifstream in(std::string(CONCORD_TEST_DATA) + "/learn/sentiment.jsonl");
    REQUIRE(in.good());
    Sentences data;
    std::string line;
    while (std::getline(in, line)) {
        const auto record = nlohmann::json::parse(line);
        data.texts.push_back(record["text"].get<std::string>());
        data.labels.push_back({record["label"] == "positive" ? 0U : 1U});
    }
    return data;
}

} // namespace

TEST_CASE("learn model: beats the majority baseline on the sentiment sentences by a wide margin", "[learn][model]")
{
    const Sentences data = loadSentiment();
    REQUIRE(data.texts.size() == 1500);
    // Every fifth sentence is held out (the file is ordered by source, then label).
    std::vector<std::size_t> trainRows;
    std::vector<std::size_t> testRows;
    for (std::size_t i = 0; i < data.texts.size(); ++i) {
        (i % 5 == 0 ? testRows : trainRows).push_back(i);
    }
    FeatureExtractor extractor;
    const SparseRows x = extractor.extractAll(data.texts);
    LinearModel model(ModelKind::Softmax, {"positive", "negative"}, extractor.options());
    model.train(x, data.labels, trainRows, TrainOptions{});

    std::vector<std::uint32_t> truth;
    std::vector<std::uint32_t> predicted;
    std::size_t positives = 0;
    std::vector<double> p(2);
    for (std::size_t row : testRows) {
        truth.push_back(data.labels[row].front());
        model.predict(x.row(row), p);
        predicted.push_back(argmax(p));
    }
    for (std::size_t row : trainRows) {
        positives += data.labels[row].front() == 0 ? 1 : 0;
    }
    // The majority class of the training rows, predicted for every test row.
    const std::uint32_t majority = 2 * positives >= trainRows.size() ? 0 : 1;
    const std::vector<std::uint32_t> baseline(truth.size(), majority);
    const double baselineAccuracy = accuracy(truth, baseline);
    const double modelAccuracy = accuracy(truth, predicted);
    INFO("model " << modelAccuracy << ", majority baseline " << baselineAccuracy);
    // It measures about 0.79 against 0.50; the thresholds leave room for any reasonable change.
    CHECK(baselineAccuracy == Approx(0.5).margin(0.05));
    CHECK(modelAccuracy > 0.68);
    CHECK(modelAccuracy - baselineAccuracy > 0.15);
}

TEST_CASE("learn model: the same seed gives byte-identical weights, continuing equals one go", "[learn][model]")
{
    const Sentences data = loadSentiment();
    FeatureOptions features;
    features.bits = 16;
    FeatureExtractor extractor(features);
    const SparseRows x = extractor.extractAll(data.texts);
    TrainOptions options;
    options.seed = 11;
    options.epochs = 3;

    LinearModel a(ModelKind::Softmax, {"positive", "negative"}, features);
    LinearModel b(ModelKind::Softmax, {"positive", "negative"}, features);
    a.train(x, data.labels, options);
    b.train(x, data.labels, options);
    CHECK(a.weights() == b.weights());
    CHECK(a.accumulators() == b.accumulators());

    LinearModel other(ModelKind::Softmax, {"positive", "negative"}, features);
    options.seed = 12;
    other.train(x, data.labels, options);
    CHECK(other.weights() != a.weights());

    // 3 passes then 2 more give exactly what 5 in one go give.
    options.seed = 11;
    options.epochs = 2;
    a.train(x, data.labels, options);
    LinearModel once(ModelKind::Softmax, {"positive", "negative"}, features);
    options.epochs = 5;
    once.train(x, data.labels, options);
    CHECK(a.weights() == once.weights());
    CHECK(a.epochsTrained() == 5);
}

TEST_CASE("learn model: one-vs-rest learns independent labels", "[learn][model]")
{
    // Label 0 goes with the word "red", label 1 with "round"; samples may have both or neither.
    const std::vector<std::string> texts = {"red ball",   "red box",        "round plate", "round red ball",
                                            "square box", "red round coin", "blue box",    "round coin"};
    const std::vector<LabelSet> labels = {{0}, {0}, {1}, {0, 1}, {}, {0, 1}, {}, {1}};
    FeatureOptions features;
    features.bits = 12;
    FeatureExtractor extractor(features);
    const SparseRows x = extractor.extractAll(texts);
    LinearModel model(ModelKind::OneVsRest, {"red", "round"}, features);
    TrainOptions options;
    options.epochs = 30;
    model.train(x, labels, options);
    SparseRows probe;
    extractor.extract("red round", probe);
    extractor.extract("blue square", probe);
    std::vector<double> p(2);
    model.predict(probe.row(0), p);
    CHECK(p[0] > 0.5);
    CHECK(p[1] > 0.5);
    model.predict(probe.row(1), p);
    CHECK(p[0] < 0.5);
    CHECK(p[1] < 0.5);
}

TEST_CASE("learn model: the model file round-trips and refuses damage", "[learn][model]")
{
    concord::test::TempDir dir;
    FeatureOptions features;
    features.bits = 12;
    features.charMin = 2;
    features.charMax = 3;
    FeatureExtractor extractor(features);
    const SparseRows x = extractor.extractAll({"good film", "bad film", "great", "awful"});
    const std::vector<LabelSet> labels = {{0}, {1}, {0}, {1}};
    SavedModel saved{LinearModel(ModelKind::Softmax, {"pos", "neg"}, features), TrainOptions{}, {{"note", "x"}}};
    saved.model.train(x, labels, saved.training);
    const std::string path = dir.file("p.concord.model");
    saveModel(path, saved);

    const SavedModel loaded = loadModel(path);
    CHECK(loaded.model.labels() == saved.model.labels());
    CHECK(loaded.model.features() == features);
    CHECK(loaded.model.weights() == saved.model.weights());
    CHECK(loaded.model.accumulators() == saved.model.accumulators());
    CHECK(loaded.model.epochsTrained() == saved.model.epochsTrained());
    CHECK(loaded.info["note"] == "x");
    CHECK(modelPathFor("/a/p.concord") == "/a/p.concord.model");

    // Flip one byte of the weights: the checksum catches it.
    {
        std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(-200, std::ios::end);
        file.put('\x7F');
    }
    CHECK_THROWS_WITH(loadModel(path), Catch::Contains("checksum"));
    std::ofstream(dir.file("junk.model")) << "not a model";
    CHECK_THROWS_WITH(loadModel(dir.file("junk.model")), Catch::Contains("not a Concord model file"));
    CHECK_FALSE(loadModelIfExists(dir.file("missing.model")).has_value());
}

TEST_CASE("learn model: features and predictions of many rows, split across threads, equal one pass", "[learn][model]")
{
    // 1,500 sentences repeated with a running number: 30,000 rows, several chunks of 4,096.
    const Sentences data = loadSentiment();
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < 30000; ++i) {
        texts.push_back(data.texts[i % data.texts.size()] + " " + std::to_string(i));
    }
    FeatureOptions options;
    options.charMin = 2;
    options.charMax = 4;
    const FeatureExtractor parallel(options);
    const SparseRows all = parallel.extractAll(texts);
    FeatureExtractor serial(options);
    SparseRows oneByOne;
    for (const auto& text : texts) {
        serial.extract(text, oneByOne);
    }
    REQUIRE(all.rows() == texts.size());
    REQUIRE(all.nonZeros() == oneByOne.nonZeros());
    for (std::size_t i = 0; i < all.rows(); i += 997) {
        const SparseView a = all.row(i);
        const SparseView b = oneByOne.row(i);
        REQUIRE(std::equal(a.indices.begin(), a.indices.end(), b.indices.begin(), b.indices.end()));
        REQUIRE(std::equal(a.values.begin(), a.values.end(), b.values.begin(), b.values.end()));
    }
    CHECK(all.row(all.rows() - 1).indices.size() == oneByOne.row(all.rows() - 1).indices.size());

    LinearModel model(ModelKind::Softmax, {"positive", "negative"}, options);
    SparseRows trainX = parallel.extractAll(data.texts);
    model.train(trainX, data.labels, TrainOptions{});
    const Probabilities predicted = model.predictAll(all);
    std::vector<double> row(2);
    for (std::size_t i = 0; i < all.rows(); i += 1009) {
        model.predict(all.row(i), row);
        CHECK(predicted(i, 0) == row[0]);
        CHECK(predicted(i, 1) == row[1]);
    }
    // The model learned something, so equal rows are not trivially equal (all 0.5).
    CHECK(std::abs(predicted(0, 0) - 0.5) > 0.01);
}
