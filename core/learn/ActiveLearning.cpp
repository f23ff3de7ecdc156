// Ranking a project's unlabeled samples (see ActiveLearning.hpp).
#include "core/learn/ActiveLearning.hpp"

#include "core/learn/BuiltinModel.hpp"
#include "core/learn/Committee.hpp"
#include "core/learn/ModelPredictions.hpp"
#include "core/learn/TrainingSet.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <unordered_map>
#include <unordered_set>

namespace concord::learn {

namespace {

// Rows of `predictions` for each candidate; candidates without a prediction are dropped.
std::vector<std::size_t> alignRows(const ModelPredictions& predictions, std::vector<std::size_t>& candidates,
                                   const TrainingSet& set)
{
    std::unordered_map<std::int64_t, std::size_t> rowOfKey;
    for (std::size_t i = 0; i < predictions.keys.size(); ++i) {
        rowOfKey.emplace(predictions.keys[i], i);
    }
    std::vector<std::size_t> kept;
    std::vector<std::size_t> rows;
    for (std::size_t candidate : candidates) {
        if (const auto found = rowOfKey.find(set.keys[candidate]); found != rowOfKey.end()) {
            kept.push_back(candidate);
            rows.push_back(found->second);
        }
    }
    candidates = std::move(kept);
    return rows;
}

Probabilities selectRows(const Probabilities& all, const std::vector<std::size_t>& rows)
{
    Probabilities out(rows.size(), all.cols());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto from = all.row(rows[i]);
        std::copy(from.begin(), from.end(), out.row(i).begin());
    }
    return out;
}

} // namespace

RankResult rankProject(Project& project, const RankRequest& request, const Progress& progress)
{
    progress.report(0, 3, "Reading the labels");
    const TrainingSet set = loadTrainingSet(project);
    progress.throwIfCancelled();
    progress.report(1, 3, "Scoring the candidates");
    RankResult result;
    result.labels = set.labels;
    std::vector<std::size_t> candidates = set.unlabeledRows();
    if (request.filter) {
        const std::unordered_set<std::int64_t> allowed(request.filter->begin(), request.filter->end());
        std::erase_if(candidates, [&](std::size_t row) { return allowed.count(set.keys[row]) == 0; });
    }
    const bool committee = isCommittee(request.options.strategy);
    const bool builtin = request.model == kBuiltinModel && (request.committee.empty() || !committee);

    std::optional<SavedModel> saved;
    FeatureOptions features;
    if (builtin) {
        saved = loadBuiltin(project);
        features = saved->model.features();
    }
    FeatureExtractor extractor(features);

    const auto candidateTexts = [&] {
        std::vector<std::string_view> texts;
        texts.reserve(candidates.size());
        for (std::size_t row : candidates) {
            texts.emplace_back(set.texts[row]);
        }
        return texts;
    };
    Probabilities probabilities;
    std::vector<double> scores;
    SparseRows x; // the candidates' vectors, when the built-in model scores them
    progress.throwIfCancelled();
    if (builtin) {
        x = extractor.extractViews(candidateTexts());
        if (committee) {
            SparseRows labeledX;
            std::vector<LabelSet> targets;
            const auto labeled = set.labeledRows();
            for (std::size_t row : labeled) {
                extractor.extract(set.texts[row], labeledX);
                targets.push_back(set.targets[row]);
            }
            std::vector<std::size_t> all(labeled.size());
            for (std::size_t i = 0; i < all.size(); ++i) {
                all[i] = i;
            }
            const auto members = bootstrapCommittee(labeledX, targets, all, x, set.kind, set.labels, features,
                                                    saved->training, request.members);
            scores = committeeScores(members, request.options.strategy, set.kind);
            probabilities = Probabilities(candidates.size(), set.labels.size());
            for (const auto& member : members) {
                for (std::size_t i = 0; i < candidates.size(); ++i) {
                    for (std::size_t k = 0; k < set.labels.size(); ++k) {
                        probabilities(i, k) += member(i, k) / static_cast<double>(members.size());
                    }
                }
            }
        } else {
            probabilities = saved->model.predictAll(x);
            scores = uncertaintyScores(probabilities, request.options.strategy, set.kind, request.options.seed);
        }
    } else if (committee) {
        if (request.committee.size() < 2) {
            throw InputError("a committee of imported models needs at least two model names");
        }
        std::vector<ModelPredictions> loaded;
        for (const auto& name : request.committee) {
            loaded.push_back(loadPredictions(project, name, set.labels));
        }
        for (const auto& predictions : loaded) { // keep the candidates every member predicted
            alignRows(predictions, candidates, set);
        }
        std::vector<Probabilities> members;
        for (const auto& predictions : loaded) {
            members.push_back(selectRows(predictions.probabilities, alignRows(predictions, candidates, set)));
        }
        scores = committeeScores(members, request.options.strategy, set.kind);
        probabilities = members.front();
    } else {
        const ModelPredictions predictions = loadPredictions(project, request.model, set.labels);
        probabilities = selectRows(predictions.probabilities, alignRows(predictions, candidates, set));
        scores = uncertaintyScores(probabilities, request.options.strategy, set.kind, request.options.seed);
    }

    progress.throwIfCancelled();
    progress.report(2, 3, "Ranking");
    const bool diverse = request.options.diversityThreshold > 0.0;
    // The built-in model's vectors serve the diversity filter too (the candidates have not
    // changed since); imported predictions need them made here.
    SparseRows vectors = diverse && !builtin ? extractor.extractViews(candidateTexts()) : SparseRows();
    const SparseRows& diversityVectors = builtin ? x : vectors;
    result.candidates = candidates.size();
    for (const Ranked& ranked : selectBatch(scores, request.options.batch, diverse ? &diversityVectors : nullptr,
                                            request.options.diversityThreshold)) {
        const std::size_t row = candidates[ranked.row];
        const auto p = probabilities.row(ranked.row);
        result.ranked.push_back({set.keys[row], set.ids[row], ranked.score, std::vector<double>(p.begin(), p.end())});
    }
    progress.report(3, 3, "Ranking");
    return result;
}

} // namespace concord::learn
