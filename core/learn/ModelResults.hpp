// Everything the dashboard's model section shows, computed in one call for a project: the
// built-in model's stratified k-fold cross-validation (each fold's accuracy and macro-F1, their
// mean, the pooled out-of-fold confusion matrix and one-vs-rest ROC curve per label), the
// active-learning curve (Simulation.hpp: accuracy against labels for each strategy and random),
// and several models side by side: the built-in model with the project's settings and with the
// settings search's other feature sets (each cross-validated), and every model with stored
// predictions, scored against the training labels. Long work: a progress callback is called
// between steps and may throw to stop it.
#pragma once

#include "core/learn/Evaluation.hpp"
#include "core/learn/FeatureExtractor.hpp"
#include "core/learn/LinearModel.hpp"
#include "core/learn/Simulation.hpp"
#include "core/util/Progress.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace concord {
class Project;
}

namespace concord::learn {

struct RocPoint
{
    double falsePositiveRate = 0.0;
    double truePositiveRate = 0.0;
};

struct RocCurve
{
    std::string label;
    std::vector<RocPoint> points; // from (0,0) to (1,1), one point per distinct score
    std::optional<double> auc;    // nullopt when every sample is, or none is, of the label
};

// One-vs-rest ROC curve of each label: sample i is positive for label c when truth[i] holds c,
// scored by probabilities(i, c). Ties in score move both rates at once (one point).
std::vector<RocCurve> rocCurves(std::span<const LabelSet> truth, const Probabilities& probabilities,
                                const std::vector<std::string>& labels);

struct FoldScore
{
    std::size_t samples = 0;
    double accuracy = 0.0; // subset accuracy for multi-label
    double macroF1 = 0.0;
};

struct ModelScore
{
    std::string name;   // "builtin, words 1-2, sublinear (5-fold CV)", a stored model's name
    std::string source; // "cross-validation" or "stored predictions"
    std::size_t samples = 0;
    double accuracy = 0.0;
    double macroF1 = 0.0;
    std::optional<double> aucRoc;
};

struct ModelResults
{
    ModelKind kind = ModelKind::Softmax;
    std::vector<std::string> labels;
    std::size_t labeled = 0; // samples with a training label (gold or aggregated)
    std::string settings;    // the built-in model's feature settings, in words

    std::vector<FoldScore> folds;
    FoldScore mean;          // the mean over the folds (samples: the total)
    EvaluationReport pooled; // every out-of-fold prediction at once; confusion [true][predicted]
    std::vector<RocCurve> roc;

    std::vector<SimulationPoint> curve; // empty when the simulation could not run
    std::string curveNote;              // why it is empty, or on how many samples it ran

    std::vector<ModelScore> models;
};

struct ModelResultsOptions
{
    std::size_t folds = 5;
    std::uint64_t seed = 1;
    // nullopt: the saved model's settings when there is one, else the defaults.
    std::optional<FeatureOptions> features;
    std::optional<TrainOptions> training;
    SimulationOptions simulation;        // its seed set and batch shrink to fit a small project
    std::size_t simulationLimit = 20000; // at most this many labeled samples in the simulation
    bool compareSettings = true;
};

// Throws InputError when fewer than `folds` samples are labeled or the task has no
// sample-level labels (spans), and Cancelled once `progress` is cancelled. Reports done of total
// steps so far with the step about to run ("Cross-validating: fold 2 of 5", ...).
ModelResults computeModelResults(Project& project, const ModelResultsOptions& options, const Progress& progress = {});

} // namespace concord::learn
