// k-fold cross-validation of the built-in model (see CrossValidation.hpp).
#include "core/learn/CrossValidation.hpp"

#include "core/learn/Folds.hpp"

namespace concord::learn {

std::vector<std::uint32_t> strataOf(std::span<const LabelSet> targets, const std::vector<std::size_t>& rows,
                                    std::size_t labelCount)
{
    std::vector<std::uint32_t> strata;
    strata.reserve(rows.size());
    for (std::size_t row : rows) {
        strata.push_back(targets[row].empty() ? static_cast<std::uint32_t>(labelCount) : targets[row].front());
    }
    return strata;
}

std::vector<std::uint32_t> foldsOf(std::span<const LabelSet> targets, const std::vector<std::size_t>& rows,
                                   const CrossValidationSetup& setup)
{
    return stratifiedFolds(strataOf(targets, rows, setup.labels.size()), setup.folds, setup.seed);
}

Probabilities crossValidate(const SparseRows& x, std::span<const LabelSet> targets,
                            const std::vector<std::size_t>& rows, const CrossValidationSetup& setup,
                            const Progress& progress)
{
    const auto folds = foldsOf(targets, rows, setup);
    Probabilities out(rows.size(), setup.labels.size());
    std::vector<std::size_t> trainRows;
    std::vector<std::size_t> testPositions;
    for (std::uint32_t fold = 0; fold < setup.folds; ++fold) {
        trainRows.clear();
        testPositions.clear();
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (folds[i] == fold) {
                testPositions.push_back(i);
            } else {
                trainRows.push_back(rows[i]);
            }
        }
        LinearModel model(setup.kind, setup.labels, setup.features);
        model.train(x, targets, trainRows, setup.training);
        for (std::size_t position : testPositions) {
            model.predict(x.row(rows[position]), out.row(position));
        }
        progress.report(fold + 1, setup.folds);
    }
    return out;
}

} // namespace concord::learn
