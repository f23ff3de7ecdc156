// Per-sample figures that signals filter on: how many annotated a sample, which labels they
// gave, the majority value, its share and the vote entropy. Computed in one ordered scan of
// the annotations, so the cost is linear in their number.
#pragma once

#include "core/model/LabelSchema.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace concord::signals {

struct SampleStats
{
    std::int64_t sample = 0;
    int annotations = 0;
    std::string annotators; // JSON array of names
    std::string labels;     // JSON array of the distinct labels given
    std::string majority;   // the most common value, as text
    double agreement = 0;   // share of annotators who gave the majority value
    double entropy = 0;     // vote entropy over the values, in bits
};

// The value one annotator gave, reduced to a text that two equal values share: the label
// for single-label, the sorted set joined with ';' for multi-label, the rating as text, and
// the canonical JSON of the spans.
std::string voteKey(const LabelSchema& schema, const nlohmann::json& value);

// The label names a value mentions (span labels for spans; the rating as text for ratings).
std::vector<std::string> labelsOf(const LabelSchema& schema, const nlohmann::json& value);

struct Vote
{
    std::string annotator;
    nlohmann::json value;
};

SampleStats statsFor(const LabelSchema& schema, std::int64_t sample, const std::vector<Vote>& votes);

} // namespace concord::signals
