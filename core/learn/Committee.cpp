// Bootstrap committee (see Committee.hpp).
#include "core/learn/Committee.hpp"

#include "core/learn/Random.hpp"
#include "core/util/Error.hpp"

namespace concord::learn {

std::vector<Probabilities> bootstrapCommittee(const SparseRows& x, std::span<const LabelSet> targets,
                                              const std::vector<std::size_t>& labeledRows, const SparseRows& candidates,
                                              ModelKind kind, const std::vector<std::string>& labels,
                                              const FeatureOptions& features, const TrainOptions& training,
                                              std::size_t members)
{
    if (members < 2) {
        throw InputError("a committee needs at least two members");
    }
    if (labeledRows.empty()) {
        throw InputError("a committee needs labeled samples to train on");
    }
    std::vector<Probabilities> out;
    Random random(training.seed ^ 0xC0111173EULL);
    std::vector<std::size_t> resample(labeledRows.size());
    for (std::size_t m = 0; m < members; ++m) {
        for (std::size_t& row : resample) {
            row = labeledRows[random.below(labeledRows.size())];
        }
        LinearModel model(kind, labels, features);
        TrainOptions memberTraining = training;
        memberTraining.seed = training.seed + m + 1;
        model.train(x, targets, resample, memberTraining);
        out.push_back(model.predictAll(candidates));
    }
    return out;
}

} // namespace concord::learn
