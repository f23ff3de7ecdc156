// `train --search`: a grid over the L2 strength and the n-gram settings, each point scored by
// stratified k-fold cross-validation (accuracy and macro-F1, or subset accuracy and macro-F1
// for multi-label); the best point is the one with the highest macro-F1 (then accuracy, then
// the grid's order, which puts simpler settings first).
#pragma once

#include "core/learn/CrossValidation.hpp"
#include "core/learn/TrainingSet.hpp"

#include <vector>

namespace concord::learn {

struct GridPoint
{
    FeatureOptions features;
    double l2 = 0.0;
    double accuracy = 0.0;
    double macroF1 = 0.0;
};

struct SearchGrid
{
    std::vector<double> l2 = {1e-5, 1e-4, 1e-3};
    // word n-grams with optional character n-grams, as FeatureOptions (bits and weighting are
    // taken from the base options)
    std::vector<FeatureOptions> features;

    // The default: words 1, words 1-2, words 1-2 + chars 2-4.
    static SearchGrid defaults(const FeatureOptions& base);
};

struct SearchResult
{
    std::vector<GridPoint> points; // in grid order
    std::size_t best = 0;
};

SearchResult searchSettings(const TrainingSet& set, const SearchGrid& grid, const TrainOptions& training,
                            std::size_t folds, std::uint64_t seed);

} // namespace concord::learn
