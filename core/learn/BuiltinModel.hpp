// The built-in model of a project, end to end: train it on the project's training labels
// (TrainingSet.hpp) and save it beside the project (ModelFile.hpp); predict every sample and
// store the probabilities as model "builtin". Training continues from the saved model when it
// has the same labels and feature settings (unless `fresh`), so that retraining after a few
// new labels is a few cheap passes.
#pragma once

#include "core/learn/ModelFile.hpp"
#include "core/learn/TrainingSet.hpp"

#include <optional>
#include <string>

namespace concord {
class Project;
}

namespace concord::learn {

struct BuiltinTrainOptions
{
    FeatureOptions features;
    TrainOptions training;
    // Passes when continuing from a saved model (the new labels need only a few).
    std::optional<int> continueEpochs;
    bool fresh = false; // ignore a saved model
};

struct BuiltinTrainSummary
{
    std::string modelPath;
    std::size_t samples = 0; // trained on
    std::size_t gold = 0;
    std::size_t aggregated = 0;
    bool continued = false; // from the saved model
    int epochs = 0;         // passes run now
};

// Throws InputError when there are fewer than two labeled samples.
BuiltinTrainSummary trainBuiltin(Project& project, const TrainingSet& set, const BuiltinTrainOptions& options);

// Predicts every sample with the saved model and stores the predictions as "builtin";
// returns how many. Throws InputError when there is no model, or it does not fit the schema.
std::size_t predictBuiltin(Project& project, const TrainingSet& set);

// The saved model, checked against the project's schema.
SavedModel loadBuiltin(Project& project);

} // namespace concord::learn
