// The items x annotators matrix of numbers that the ANOVA-style statistics (the intraclass
// correlations, Kendall's W) need: they are defined for complete data only, so an item that
// some annotator did not rate is left out and counted (the complete cases, as na.omit keeps for
// R's psych::ICC, which stops on missing data without lmer).
#pragma once

#include "core/quality/agreement/Coefficient.hpp"
#include "core/quality/agreement/RatingTable.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace concord::quality {

struct CompleteRows
{
    std::size_t raters = 0;           // k: the annotators with at least one rating
    std::vector<std::uint32_t> items; // the items every one of them rated, in table order
    std::vector<double> scores;       // items x raters, row-major, the ratings' numbers
    std::size_t excludedItems = 0;    // items with some ratings but not one from every annotator

    std::size_t rows() const { return items.size(); }
    double at(std::size_t row, std::size_t rater) const { return scores[row * raters + rater]; }
};

// Throws InputError naming `metric` and a value that is not a number.
void requireNumericValues(const RatingTable& table, std::string_view metric);

// The complete rows of `table`; requireNumericValues first.
CompleteRows completeRows(const RatingTable& table, std::string_view metric);

// A coefficient over `rows` before its value: the counts of items, ratings and items left out,
// and NoRatings when `table` has none.
Coefficient coefficientOver(const RatingTable& table, const CompleteRows& rows);

} // namespace concord::quality
