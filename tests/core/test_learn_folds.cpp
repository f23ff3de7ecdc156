// Stratified folds: each label's share within one sample of its overall share; same seed,
// same folds.
#include "core/learn/Folds.hpp"
#include "core/learn/Random.hpp"
#include "core/util/Error.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>

using namespace concord::learn;

namespace {

// Every fold holds each label within one sample of (fold size × the label's overall share).
void checkStratified(const std::vector<std::uint32_t>& labels, std::size_t k, std::uint64_t seed)
{
    const auto folds = stratifiedFolds(labels, k, seed);
    REQUIRE(folds.size() == labels.size());
    std::map<std::uint32_t, double> total;
    std::vector<std::map<std::uint32_t, double>> perFold(k);
    std::vector<double> sizes(k, 0.0);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        REQUIRE(folds[i] < k);
        total[labels[i]] += 1.0;
        perFold[folds[i]][labels[i]] += 1.0;
        sizes[folds[i]] += 1.0;
    }
    const double n = static_cast<double>(labels.size());
    for (std::size_t f = 0; f < k; ++f) {
        CHECK(std::abs(sizes[f] - n / static_cast<double>(k)) < 1.0);
        for (const auto& [label, count] : total) {
            const double expected = sizes[f] * count / n;
            INFO("n " << n << " k " << k << " fold " << f << " label " << label);
            CHECK(std::abs(perFold[f][label] - expected) <= 1.0);
        }
    }
}

} // namespace

TEST_CASE("learn folds: every label's share stays within one sample of its overall share", "[learn][folds]")
{
    Random random(7);
    for (int trial = 0; trial < 200; ++trial) {
        const std::size_t n = 2 + random.below(300);
        const std::size_t labelCount = 1 + random.below(8);
        std::vector<std::uint32_t> labels(n);
        for (auto& label : labels) {
            // Skewed shares: label c is about twice as likely as c + 1.
            std::uint32_t c = 0;
            while (c + 1 < labelCount && random.unit() < 0.5) {
                ++c;
            }
            label = c;
        }
        const std::size_t k = 2 + random.below(std::min<std::size_t>(n - 1, 10));
        checkStratified(labels, k, trial);
    }
}

TEST_CASE("learn folds: same seed, same folds, another seed, other folds, leave-one-out", "[learn][folds]")
{
    std::vector<std::uint32_t> labels;
    for (std::uint32_t i = 0; i < 100; ++i) {
        labels.push_back(i % 3 == 0 ? 1 : 0);
    }
    CHECK(stratifiedFolds(labels, 5, 42) == stratifiedFolds(labels, 5, 42));
    CHECK(stratifiedFolds(labels, 5, 42) != stratifiedFolds(labels, 5, 43));

    const auto loo = stratifiedFolds(labels, labels.size(), 1);
    std::vector<std::uint32_t> sorted = loo;
    std::sort(sorted.begin(), sorted.end());
    for (std::uint32_t i = 0; i < sorted.size(); ++i) {
        CHECK(sorted[i] == i); // each sample alone in its fold
    }
    CHECK_THROWS_AS(stratifiedFolds(labels, 1, 1), concord::InputError);
    CHECK_THROWS_AS(stratifiedFolds(labels, 101, 1), concord::InputError);
}
