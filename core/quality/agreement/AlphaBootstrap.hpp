// A bootstrap confidence interval for Krippendorff's alpha: resample the pairable items with
// replacement, recompute alpha on each resample, and take percentiles. Reproducible from a seed
// (std::mt19937_64, whose output the C++ standard fixes).
#pragma once

#include "core/quality/agreement/AlphaMetric.hpp"
#include "core/quality/agreement/RatingTable.hpp"

#include <cstddef>
#include <cstdint>

namespace concord::quality {

struct BootstrapInterval
{
    double lower = 0.0;
    double upper = 0.0;
    double level = 0.95;
    std::size_t replicates = 0; // resamples drawn
    std::size_t used = 0;       // resamples on which alpha was defined (the others lack variation)
    std::uint64_t seed = 0;

    bool defined() const { return used > 0; }
};

// Each resample draws as many items as there are pairable items, uniformly with replacement,
// and recomputes the coincidence matrix (and, for the ordinal metric, its distances) from the
// drawn items. The interval is the (1 - level)/2 and (1 + level)/2 percentiles of the defined
// replicates, interpolated linearly between order statistics (numpy's default). Cost:
// replicates x (pairable items + their distinct value pairs) + replicates x values^2.
// Throws InputError for replicates == 0 or a level outside (0, 1), and as alpha does for the metric.
BootstrapInterval bootstrapAlpha(const RatingTable& table, AlphaMetric metric, std::size_t replicates,
                                 std::uint64_t seed, double level = 0.95);

} // namespace concord::quality
