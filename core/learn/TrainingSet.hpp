// What the built-in model learns from and predicts for: every sample of a project with its
// text and, where known, its training labels — the reviewer's gold value where one is set,
// else the aggregate of the annotators' values (majority vote, from core/quality for single
// label and rating tasks; for multi-label, a label is in the set when at least half of the
// sample's annotators chose it). Ratings are classes named "1", "2", ... Span tasks have no
// sample-level label and are refused.
#pragma once

#include "core/learn/LinearModel.hpp"
#include "core/learn/Probabilities.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace concord {
class Project;
class LabelSchema;
} // namespace concord

namespace concord::learn {

enum class LabelSource
{
    None,      // unlabeled
    Gold,      // a reviewer's resolution
    Aggregated // the annotators' majority
};

struct TrainingSet
{
    ModelKind kind = ModelKind::Softmax;
    std::vector<std::string> labels; // class names in schema order

    // Parallel, one entry per sample in key order.
    std::vector<std::int64_t> keys;
    std::vector<std::string> ids;
    std::vector<std::string> texts;
    std::vector<LabelSet> targets; // empty when unlabeled (or a multi-label sample with no label)
    std::vector<LabelSource> sources;

    std::size_t size() const { return keys.size(); }
    std::vector<std::size_t> labeledRows() const;
    std::vector<std::size_t> unlabeledRows() const;
    // The single label of each of the given rows (single-label sets only).
    std::vector<std::uint32_t> singleLabels(const std::vector<std::size_t>& rows) const;
};

// The classes the built-in model predicts for a schema, and its kind. Throws InputError for
// span tasks.
std::vector<std::string> classNamesFor(const LabelSchema& schema);
ModelKind modelKindFor(const LabelSchema& schema);

// Reads every sample; labels as described above.
TrainingSet loadTrainingSet(Project& project);

} // namespace concord::learn
