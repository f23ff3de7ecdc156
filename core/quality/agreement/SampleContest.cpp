// Ranking items by how contested they are; see SampleContest.hpp.
#include "core/quality/agreement/SampleContest.hpp"

#include "core/quality/agreement/ItemGroups.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace concord::quality {

std::vector<ItemContest> contestedItems(const RatingTable& table)
{
    const ItemGroups groups = groupByItem(table);
    ValueCounter counts(table.values.size());
    std::vector<ItemContest> result;
    std::vector<std::uint32_t> shares;
    for (std::uint32_t item = 0; item < groups.itemCount(); ++item) {
        const std::uint32_t m = groups.size(item);
        if (m < 2) {
            continue;
        }
        counts.count(table, groups.of(item));
        ItemContest contest;
        contest.item = item;
        contest.ratings = m;
        std::uint32_t best = 0;
        shares.clear();
        for (const std::uint32_t value : counts.values()) {
            const std::uint32_t n = counts[value];
            if (n > best || (n == best && value < contest.majorityValue)) {
                contest.tie = n == best;
                best = n;
                contest.majorityValue = value;
            } else if (n == best) {
                contest.tie = true;
            }
            shares.push_back(n);
        }
        // Summed largest count first, so that items with the same counts get bit-identical
        // entropies whatever order their ratings came in (the queue's order must not wobble).
        std::sort(shares.begin(), shares.end(), std::greater<>());
        for (const std::uint32_t n : shares) {
            const double p = static_cast<double>(n) / m;
            contest.entropy -= p * std::log2(p);
        }
        contest.majorityShare = static_cast<double>(best) / m;
        result.push_back(contest);
    }
    std::sort(result.begin(), result.end(), [](const ItemContest& a, const ItemContest& b) {
        if (a.majorityShare != b.majorityShare) {
            return a.majorityShare < b.majorityShare;
        }
        if (a.entropy != b.entropy) {
            return a.entropy > b.entropy;
        }
        if (a.ratings != b.ratings) {
            return a.ratings > b.ratings;
        }
        return a.item < b.item;
    });
    return result;
}

} // namespace concord::quality
