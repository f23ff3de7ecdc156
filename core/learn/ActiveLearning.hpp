// Ranking a project's unlabeled samples for labeling (the strategies are in Ranking.hpp).
// A sample is unlabeled when it has neither a gold value nor any annotation. The scores come
// from the built-in model (its saved file; committee strategies train bootstrap members on the
// labeled samples), or from one imported model's stored predictions, or (committee strategies)
// from several imported models' predictions. An optional list of sample keys (a signal's
// result) restricts the candidates.
#pragma once

#include "core/learn/Ranking.hpp"
#include "core/util/Progress.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace concord {
class Project;
}

namespace concord::learn {

struct RankRequest
{
    RankOptions options;
    std::string model = "builtin";                   // the scoring model
    std::vector<std::string> committee;              // imported models for vote-entropy / kl; empty: bootstrap
    std::size_t members = 5;                         // bootstrap committee size
    std::optional<std::vector<std::int64_t>> filter; // sample keys allowed
};

struct RankedSample
{
    std::int64_t key = 0;
    std::string id;
    double score = 0.0;
    std::vector<double> probabilities; // the scoring model's (the committee's mean for committees)
};

struct RankResult
{
    std::vector<std::string> labels;
    std::size_t candidates = 0; // unlabeled samples considered
    std::vector<RankedSample> ranked;
};

// Throws Cancelled once `progress` is cancelled; reports its three steps.
RankResult rankProject(Project& project, const RankRequest& request, const Progress& progress = {});

} // namespace concord::learn
