// Options and output helpers shared by the learning commands (train, predict, rank, evaluate,
// errors, simulate): the feature and training flags, and fixed-width table cells.
#pragma once

#include "core/learn/FeatureExtractor.hpp"
#include "core/learn/LinearModel.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace concord::cli {

struct ModelFlags
{
    int bits = 18;
    int ngrams = 2;
    std::string chars = "0"; // "MIN-MAX" or "0"
    bool binary = false;
    double l2 = learn::TrainOptions{}.l2;
    double learningRate = learn::TrainOptions{}.learningRate;
    std::optional<int> epochs;
    std::uint64_t seed = 1;

    learn::FeatureOptions features() const; // throws InputError
    learn::TrainOptions training() const;
};

void addModelFlags(CLI::App* command, ModelFlags& flags);

// "0.8125" with 4 decimals; "-" for a missing value.
std::string fixed(double value, int decimals = 4);
std::string fixed(const std::optional<double>& value, int decimals = 4);
// Pads with spaces to `width` bytes (never truncates: a long label name widens its row).
std::string padRight(const std::string& text, std::size_t width);
std::string padLeft(const std::string& text, std::size_t width);

} // namespace concord::cli
