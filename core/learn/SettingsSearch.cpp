// Grid search by cross-validation (see SettingsSearch.hpp).
#include "core/learn/SettingsSearch.hpp"

#include "core/learn/Evaluation.hpp"

namespace concord::learn {

SearchGrid SearchGrid::defaults(const FeatureOptions& base)
{
    SearchGrid grid;
    FeatureOptions words = base;
    words.charMin = words.charMax = 0;
    words.wordNgrams = 1;
    grid.features.push_back(words);
    words.wordNgrams = 2;
    grid.features.push_back(words);
    words.charMin = 2;
    words.charMax = 4;
    grid.features.push_back(words);
    return grid;
}

SearchResult searchSettings(const TrainingSet& set, const SearchGrid& grid, const TrainOptions& training,
                            std::size_t folds, std::uint64_t seed)
{
    const auto rows = set.labeledRows();
    std::vector<LabelSet> truth;
    for (std::size_t row : rows) {
        truth.push_back(set.targets[row]);
    }
    SearchResult result;
    for (const FeatureOptions& features : grid.features) {
        // Vectors once per feature setting; every L2 value reuses them.
        FeatureExtractor extractor(features);
        SparseRows x;
        std::vector<LabelSet> targets;
        for (std::size_t row : rows) {
            extractor.extract(set.texts[row], x);
            targets.push_back(set.targets[row]);
        }
        std::vector<std::size_t> all(rows.size());
        for (std::size_t i = 0; i < all.size(); ++i) {
            all[i] = i;
        }
        for (double l2 : grid.l2) {
            CrossValidationSetup setup{set.kind, set.labels, features, training, folds, seed};
            setup.training.l2 = l2;
            const Probabilities oos = crossValidate(x, targets, all, setup);
            const EvaluationReport report = evaluate("", set.labels, set.kind, truth, oos);
            result.points.push_back({features, l2, report.accuracy, report.scores.macro.f1});
        }
    }
    for (std::size_t i = 1; i < result.points.size(); ++i) {
        const GridPoint& a = result.points[i];
        const GridPoint& b = result.points[result.best];
        if (a.macroF1 > b.macroF1 || (a.macroF1 == b.macroF1 && a.accuracy > b.accuracy)) {
            result.best = i;
        }
    }
    return result;
}

} // namespace concord::learn
