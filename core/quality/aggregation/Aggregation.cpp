// Method names, dispatch, and the per-item grouping both aggregation methods use.
#include "core/quality/aggregation/Aggregation.hpp"

#include "core/quality/aggregation/DawidSkene.hpp"
#include "core/quality/aggregation/MajorityVote.hpp"
#include "core/util/Error.hpp"

#include <algorithm>

namespace concord::quality {

std::string_view toString(AggregationMethod method)
{
    return method == AggregationMethod::DawidSkene ? "dawid-skene" : "majority";
}

AggregationMethod aggregationMethodFromString(std::string_view name)
{
    for (AggregationMethod method : {AggregationMethod::MajorityVote, AggregationMethod::DawidSkene}) {
        if (toString(method) == name) {
            return method;
        }
    }
    throw InputError("unknown aggregation method '" + std::string(name) + "' (expected majority or dawid-skene)");
}

AggregationResult aggregate(const RatingTable& table, AggregationMethod method)
{
    return method == AggregationMethod::DawidSkene ? dawidSkene(table) : majorityVote(table);
}

ItemRatings ItemRatings::of(const RatingTable& table)
{
    // A counting sort by item: linear, and stable so that ratings keep a fixed order whatever
    // the table's order, which keeps every sum below deterministic.
    ItemRatings grouped;
    grouped.begin.assign(table.items.size() + 1, 0);
    for (const Rating& rating : table.ratings) {
        if (rating.item >= table.items.size() || rating.annotator >= table.annotators.size() ||
            rating.value >= table.values.size()) {
            throw InputError("rating table: a rating refers to an item, annotator or value that does not exist");
        }
        ++grouped.begin[rating.item + 1];
    }
    for (std::size_t i = 1; i < grouped.begin.size(); ++i) {
        grouped.begin[i] += grouped.begin[i - 1];
    }
    grouped.ratings.resize(table.ratings.size());
    std::vector<std::uint32_t> next(grouped.begin.begin(), grouped.begin.end() - 1);
    for (const Rating& rating : table.ratings) {
        grouped.ratings[next[rating.item]++] = rating;
    }
    for (std::size_t item = 0; item < table.items.size(); ++item) {
        std::sort(grouped.ratings.begin() + grouped.begin[item], grouped.ratings.begin() + grouped.begin[item + 1],
                  [](const Rating& a, const Rating& b) { return a.annotator < b.annotator; });
    }
    return grouped;
}

} // namespace concord::quality
