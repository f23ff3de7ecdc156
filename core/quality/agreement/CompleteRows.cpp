// Complete rows for the ANOVA-style statistics; see CompleteRows.hpp.
#include "core/quality/agreement/CompleteRows.hpp"

#include "core/util/Error.hpp"

#include <cmath>
#include <string>

namespace concord::quality {

void requireNumericValues(const RatingTable& table, std::string_view metric)
{
    for (std::size_t v = 0; v < table.values.size(); ++v) {
        if (std::isnan(table.numeric[v])) {
            throw InputError(std::string(metric) + " needs numeric values, and '" + table.values[v] +
                             "' is not a number");
        }
    }
}

CompleteRows completeRows(const RatingTable& table, std::string_view metric)
{
    requireNumericValues(table, metric);
    // Dense rater columns for the annotators who rated anything.
    constexpr std::uint32_t kNone = UINT32_MAX;
    std::vector<std::uint32_t> column(table.annotators.size(), kNone);
    CompleteRows result;
    for (const Rating& rating : table.ratings) {
        if (column[rating.annotator] == kNone) {
            column[rating.annotator] = static_cast<std::uint32_t>(result.raters++);
        }
    }
    const std::size_t k = result.raters;
    std::vector<double> grid(table.items.size() * k, std::nan(""));
    std::vector<std::uint32_t> count(table.items.size(), 0);
    for (const Rating& rating : table.ratings) {
        grid[rating.item * k + column[rating.annotator]] = table.numeric[rating.value];
        ++count[rating.item];
    }
    for (std::uint32_t item = 0; item < table.items.size(); ++item) {
        if (count[item] == 0) {
            continue;
        }
        if (count[item] < k) {
            ++result.excludedItems;
            continue;
        }
        result.items.push_back(item);
        result.scores.insert(result.scores.end(), grid.begin() + item * k, grid.begin() + (item + 1) * k);
    }
    return result;
}

Coefficient coefficientOver(const RatingTable& table, const CompleteRows& rows)
{
    Coefficient result;
    result.items = rows.rows();
    result.ratings = rows.scores.size();
    result.excludedItems = rows.excludedItems;
    if (table.ratings.empty()) {
        result.undefined = Undefined::NoRatings;
    }
    return result;
}

} // namespace concord::quality
