// See ReviewQueue.hpp.
#include "core/review/ReviewQueue.hpp"

#include "core/quality/aggregation/Aggregation.hpp"
#include "core/quality/agreement/ProjectRatings.hpp"
#include "core/quality/agreement/SampleContest.hpp"
#include "core/util/Error.hpp"

namespace concord::review {

std::vector<ReviewItem> disagreementQueue(Project& project)
{
    const quality::RatingTable table = quality::loadProjectRatings(project).table;
    const quality::AggregationResult majority = quality::aggregate(table, quality::AggregationMethod::MajorityVote);
    const quality::ItemRatings byItem = quality::ItemRatings::of(table);

    std::vector<ReviewItem> queue;
    for (const quality::ItemContest& contest : quality::contestedItems(table)) {
        if (contest.majorityShare >= 1.0) {
            continue; // everyone agrees: nothing to review
        }
        ReviewItem item;
        item.id = table.items[contest.item];
        const auto key = project.samples().keyOf(item.id);
        if (!key) {
            throw StoreError("sample '" + item.id + "' has annotations but is not in the project");
        }
        item.key = *key;
        item.ratings = contest.ratings;
        item.majorityShare = contest.majorityShare;
        item.entropy = contest.entropy;
        item.tie = contest.tie;
        const quality::ItemEstimate& estimate = majority.items[contest.item];
        for (std::uint32_t r = byItem.begin[contest.item]; r < byItem.begin[contest.item + 1]; ++r) {
            const quality::Rating& rating = byItem.ratings[r];
            if (rating.value != estimate.value) {
                continue;
            }
            ++item.suggestionVotes;
            if (item.suggestion.empty()) {
                if (auto annotation = project.annotations().get(item.key, table.annotators[rating.annotator])) {
                    item.suggestion = std::move(annotation->value);
                }
            }
        }
        item.resolved = project.resolutions().get(item.key).has_value();
        queue.push_back(std::move(item));
    }
    return queue;
}

} // namespace concord::review
