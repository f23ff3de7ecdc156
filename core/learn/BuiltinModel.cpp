// Training and prediction of a project's built-in model (see BuiltinModel.hpp).
#include "core/learn/BuiltinModel.hpp"

#include "core/learn/ModelPredictions.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

namespace concord::learn {

BuiltinTrainSummary trainBuiltin(Project& project, const TrainingSet& set, const BuiltinTrainOptions& options)
{
    const auto rows = set.labeledRows();
    if (rows.size() < 2) {
        throw InputError("the built-in model needs at least two labeled samples; " + std::to_string(rows.size()) +
                         " found (labels come from gold values, else from the annotators' majority)");
    }
    BuiltinTrainSummary summary;
    summary.modelPath = modelPathFor(project.path());
    summary.samples = rows.size();
    for (std::size_t row : rows) {
        (set.sources[row] == LabelSource::Gold ? summary.gold : summary.aggregated) += 1;
    }

    std::optional<SavedModel> saved;
    if (!options.fresh) {
        saved = loadModelIfExists(summary.modelPath);
        const bool fits = saved && saved->model.labels() == set.labels && saved->model.kind() == set.kind &&
                          saved->model.features() == options.features;
        if (!fits) {
            saved.reset();
        }
    }
    TrainOptions training = options.training;
    if (saved) {
        summary.continued = true;
        training.epochs = options.continueEpochs.value_or(training.epochs);
    } else {
        saved = SavedModel{LinearModel(set.kind, set.labels, options.features), training, {}};
    }
    FeatureExtractor extractor(options.features);
    SparseRows x;
    std::vector<LabelSet> targets;
    x.reserve(rows.size(), rows.size() * 32);
    for (std::size_t row : rows) {
        extractor.extract(set.texts[row], x);
        targets.push_back(set.targets[row]);
    }
    saved->model.train(x, targets, training);
    saved->training = training;
    saved->info = {{"trained_at", project.now()},
                   {"samples", summary.samples},
                   {"gold", summary.gold},
                   {"aggregated", summary.aggregated}};
    summary.epochs = training.epochs;
    saveModel(summary.modelPath, *saved);
    return summary;
}

SavedModel loadBuiltin(Project& project)
{
    const std::string path = modelPathFor(project.path());
    auto saved = loadModelIfExists(path);
    if (!saved) {
        throw SettingError("model", "no built-in model for " + project.path() + " yet; train it first");
    }
    if (saved->model.labels() != classNamesFor(project.schema()) ||
        saved->model.kind() != modelKindFor(project.schema())) {
        throw SettingError("model_labels", path + " was trained for other labels than the project's; train it afresh");
    }
    return std::move(*saved);
}

std::size_t predictBuiltin(Project& project, const TrainingSet& set)
{
    const SavedModel saved = loadBuiltin(project);
    FeatureExtractor extractor(saved.model.features());
    const Probabilities probabilities = saved.model.predictAll(extractor.extractAll(set.texts));
    storePredictions(project, kBuiltinModel, set.keys, probabilities, set.labels);
    return set.size();
}

} // namespace concord::learn
