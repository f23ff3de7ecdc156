// Majority vote with the tie rule stated in MajorityVote.hpp.
#include "core/quality/aggregation/MajorityVote.hpp"

#include <cmath>

namespace concord::quality {

AggregationResult majorityVote(const RatingTable& table)
{
    const ItemRatings grouped = ItemRatings::of(table);
    const std::size_t valueCount = table.values.size();

    AggregationResult result;
    result.method = AggregationMethod::MajorityVote;
    result.items.resize(table.items.size());
    result.annotators.resize(table.annotators.size());
    result.classPriors.assign(valueCount, 0.0);

    std::vector<std::uint32_t> counts(valueCount, 0);
    std::vector<std::uint32_t> agreed(table.annotators.size(), 0);
    std::vector<std::uint32_t> compared(table.annotators.size(), 0);
    std::size_t labeledItems = 0;

    for (std::size_t item = 0; item < table.items.size(); ++item) {
        const std::uint32_t first = grouped.begin[item];
        const std::uint32_t last = grouped.begin[item + 1];
        ItemEstimate& estimate = result.items[item];
        estimate.votes = last - first;
        for (std::uint32_t r = first; r < last; ++r) {
            ++result.annotators[grouped.ratings[r].annotator].labels;
        }
        if (estimate.votes == 0) {
            continue;
        }
        for (std::uint32_t r = first; r < last; ++r) {
            ++counts[grouped.ratings[r].value];
        }
        std::uint32_t top = 0;
        for (std::uint32_t r = first; r < last; ++r) {
            const std::uint32_t value = grouped.ratings[r].value;
            // Lowest value index wins among equal counts: the stated tie rule.
            if (estimate.value == kNoValue || counts[value] > top || (counts[value] == top && value < estimate.value)) {
                top = counts[value];
                estimate.value = value;
            }
        }
        for (std::uint32_t r = first; r < last; ++r) {
            const std::uint32_t value = grouped.ratings[r].value;
            if (value != estimate.value && counts[value] == top) {
                estimate.tied = true;
            }
        }
        estimate.confidence = static_cast<double>(top) / static_cast<double>(estimate.votes);
        result.classPriors[estimate.value] += 1.0;
        ++labeledItems;

        if (estimate.votes >= 2) {
            for (std::uint32_t r = first; r < last; ++r) {
                const Rating& rating = grouped.ratings[r];
                ++compared[rating.annotator];
                agreed[rating.annotator] += rating.value == estimate.value ? 1 : 0;
            }
        }
        for (std::uint32_t r = first; r < last; ++r) {
            counts[grouped.ratings[r].value] = 0;
        }
    }

    for (double& prior : result.classPriors) {
        prior = labeledItems > 0 ? prior / static_cast<double>(labeledItems) : 0.0;
    }
    for (std::size_t a = 0; a < result.annotators.size(); ++a) {
        result.annotators[a].accuracy = compared[a] > 0 ? static_cast<double>(agreed[a]) / compared[a] : std::nan("");
    }
    return result;
}

} // namespace concord::quality
