// The built-in classifier's side of bench/learn/run.sh: trains on one JSONL file and predicts
// another, as a whole process (reading, features, training, prediction), so that its time and
// peak memory compare with `fasttext supervised` + `fasttext predict` and scikit-learn.
// Built by run.sh against BUILD_DIR's libconcord_core.a; not part of the CMake build.
//
// usage: learn_bench train TRAIN.jsonl TEST.jsonl [--bits B] [--ngrams N] [--chars MIN-MAX]
//                          [--epochs E] [--l2 L] [--lr R] [--seed S]   → one JSON line of results
//        learn_bench rank TRAIN.jsonl N [--batch B] [--diverse T]      → time to rank N samples
#include "core/learn/FeatureExtractor.hpp"
#include "core/learn/LinearModel.hpp"
#include "core/learn/Metrics.hpp"
#include "core/learn/Ranking.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <utility>

using namespace concord::learn;

namespace {

struct Data
{
    std::vector<std::string> texts;
    std::vector<std::string> labels;
};

Data readJsonl(const std::string& path)
{
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error("cannot read " + path);
    }
    Data data;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) {
            continue;
        }
        const auto record = nlohmann::json::parse(line);
        data.texts.push_back(record.at("text").get<std::string>());
        data.labels.push_back(record.value("label", std::string()));
    }
    return data;
}

double seconds(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

std::string option(int argc, char** argv, const std::string& name, const std::string& fallback)
{
    for (int i = 0; i + 1 < argc; ++i) {
        if (argv[i] == name) {
            return argv[i + 1];
        }
    }
    return fallback;
}

FeatureOptions featureOptions(int argc, char** argv)
{
    FeatureOptions features;
    features.bits = std::stoi(option(argc, argv, "--bits", "20"));
    features.wordNgrams = std::stoi(option(argc, argv, "--ngrams", "2"));
    const std::string chars = option(argc, argv, "--chars", "0");
    if (chars != "0") {
        features.charMin = std::stoi(chars.substr(0, chars.find('-')));
        features.charMax = std::stoi(chars.substr(chars.find('-') + 1));
    }
    return features;
}

TrainOptions trainOptions(int argc, char** argv)
{
    TrainOptions training;
    training.epochs = std::stoi(option(argc, argv, "--epochs", std::to_string(training.epochs)));
    training.l2 = std::stod(option(argc, argv, "--l2", std::to_string(training.l2)));
    training.learningRate = std::stod(option(argc, argv, "--lr", std::to_string(training.learningRate)));
    training.seed = std::stoull(option(argc, argv, "--seed", "1"));
    return training;
}

// The distinct labels in sorted order, and each one's position among them.
std::pair<std::vector<std::string>, std::map<std::string, std::uint32_t>>
labelIndex(const std::vector<std::string>& trainingLabels)
{
    std::map<std::string, std::uint32_t> index;
    for (const auto& label : trainingLabels) {
        index.emplace(label, 0);
    }
    std::vector<std::string> labels;
    for (auto& [name, i] : index) {
        i = static_cast<std::uint32_t>(labels.size());
        labels.push_back(name);
    }
    return {labels, index};
}

int train(int argc, char** argv)
{
    const auto start = std::chrono::steady_clock::now();
    const Data train = readJsonl(argv[2]);
    const Data test = readJsonl(argv[3]);
    const auto [labels, index] = labelIndex(train.labels);
    FeatureExtractor extractor(featureOptions(argc, argv));
    const SparseRows x = extractor.extractAll(train.texts);
    std::vector<LabelSet> targets;
    for (const auto& label : train.labels) {
        targets.push_back({index.at(label)});
    }
    const double featureTime = seconds(start);
    LinearModel model(ModelKind::Softmax, labels, extractor.options());
    const auto trainStart = std::chrono::steady_clock::now();
    model.train(x, targets, trainOptions(argc, argv));
    const double trainTime = seconds(trainStart);

    const SparseRows testX = extractor.extractAll(test.texts);
    const Probabilities probabilities = model.predictAll(testX);
    std::vector<std::uint32_t> truth;
    for (const auto& label : test.labels) {
        const auto found = index.find(label);
        truth.push_back(found == index.end() ? static_cast<std::uint32_t>(labels.size()) : found->second);
    }
    const auto predicted = predictedLabels(probabilities);
    const auto confusion = confusionMatrix(truth, predicted, labels.size() + 1);
    const auto scores = precisionRecallF1(confusion);
    nlohmann::json out = {{"accuracy", accuracy(truth, predicted)},
                          {"macro_f1", scores.macro.f1},
                          {"train", train.texts.size()},
                          {"test", test.texts.size()},
                          {"labels", labels.size()},
                          {"features_s", featureTime},
                          {"train_s", trainTime},
                          {"total_s", seconds(start)}};
    std::cout << out.dump() << '\n';
    return 0;
}

int rank(int argc, char** argv)
{
    // Trains on TRAIN, then ranks N unlabeled texts made by repeating TRAIN's texts with a
    // running number appended (so that no two are identical): the time is features, prediction,
    // scoring and selection of the batch, as `concord-cli rank` spends it after reading texts.
    const Data train = readJsonl(argv[2]);
    const std::size_t n = std::stoull(argv[3]);
    const auto [labels, index] = labelIndex(train.labels);
    FeatureExtractor extractor(featureOptions(argc, argv));
    const SparseRows x = extractor.extractAll(train.texts);
    std::vector<LabelSet> targets;
    for (const auto& label : train.labels) {
        targets.push_back({index.at(label)});
    }
    LinearModel model(ModelKind::Softmax, labels, extractor.options());
    model.train(x, targets, trainOptions(argc, argv));

    std::vector<std::string> pool;
    pool.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        pool.push_back(train.texts[i % train.texts.size()] + " " + std::to_string(i));
    }
    const auto start = std::chrono::steady_clock::now();
    const SparseRows poolX = extractor.extractAll(pool);
    const Probabilities probabilities = model.predictAll(poolX);
    RankOptions options;
    options.strategy = Strategy::Entropy;
    options.batch = static_cast<std::size_t>(std::stoull(option(argc, argv, "--batch", "100")));
    options.diversityThreshold = std::stod(option(argc, argv, "--diverse", "0"));
    const auto ranked = rankSamples(probabilities, options, options.diversityThreshold > 0 ? &poolX : nullptr);
    nlohmann::json out = {{"samples", n}, {"batch", ranked.size()}, {"rank_s", seconds(start)}};
    std::cout << out.dump() << '\n';
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    try {
        if (argc >= 4 && std::string(argv[1]) == "train") {
            return train(argc, argv);
        }
        if (argc >= 4 && std::string(argv[1]) == "rank") {
            return rank(argc, argv);
        }
        std::cerr << "usage: learn_bench train TRAIN.jsonl TEST.jsonl [options] | rank TRAIN.jsonl N [options]\n";
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "learn_bench: " << error.what() << '\n';
        return 1;
    }
}
