// One row per sample for the GUI's samples table: how many annotators labeled it, how many of
// them agree with the most common value, the gold value or else that most common value, and a
// model's confidence (its highest probability). Read in three ordered passes (samples,
// annotations, resolutions) and one over the model's predictions; compact enough to hold a
// million rows (about 64 bytes each) so that sorting and filtering need no further query.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace concord {
class Project;
}

namespace concord::store {

struct SampleOverviewRow
{
    std::int64_t key = 0;
    std::string id;
    std::int32_t annotators = 0; // distinct annotators with a value
    std::int32_t agreeing = 0;   // of them, how many gave the most common value
    std::int32_t value = -1;     // index into SampleOverview::values: the gold value, else the most common; -1: none
    bool gold = false;
    float confidence = -1.0F; // the model's highest probability; -1: no prediction

    // 1 - agreeing / annotators: 0 when everyone agrees (or fewer than two labeled it).
    double disagreement() const
    {
        return annotators < 2 ? 0.0 : 1.0 - static_cast<double>(agreeing) / static_cast<double>(annotators);
    }
};

struct SampleOverview
{
    std::vector<SampleOverviewRow> rows; // in key order
    std::vector<std::string> values;     // the distinct stored values (JSON), referred to by index
    std::optional<std::string> model;    // whose confidence is shown; none without predictions
};

// `model`: whose predictions give the confidence; nullopt picks "builtin" when stored, else the
// first model by name. Throws StoreError.
SampleOverview computeSampleOverview(Project& project, const std::optional<std::string>& model = std::nullopt);

} // namespace concord::store
