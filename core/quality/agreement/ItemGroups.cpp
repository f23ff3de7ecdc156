// Grouping ratings by item; see ItemGroups.hpp.
#include "core/quality/agreement/ItemGroups.hpp"

#include <numeric>

namespace concord::quality {

ItemGroups groupByItem(const RatingTable& table)
{
    ItemGroups groups;
    groups.start.assign(table.items.size() + 1, 0);
    for (const Rating& rating : table.ratings) {
        ++groups.start[rating.item + 1];
    }
    std::partial_sum(groups.start.begin(), groups.start.end(), groups.start.begin());
    groups.ratings.resize(table.ratings.size());
    std::vector<std::uint32_t> next(groups.start.begin(), groups.start.end() - 1);
    for (std::uint32_t r = 0; r < table.ratings.size(); ++r) {
        groups.ratings[next[table.ratings[r].item]++] = r;
    }
    return groups;
}

} // namespace concord::quality
