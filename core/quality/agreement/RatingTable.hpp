// The input of every agreement and aggregation computation: who gave which value to which
// item, with items, annotators and values as dense indices so that the statistics run over
// flat arrays. Built from the project store or from plain (item, annotator, value) triples.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace concord::quality {

struct Rating
{
    std::uint32_t item = 0;
    std::uint32_t annotator = 0;
    std::uint32_t value = 0; // index into RatingTable::values
};

struct RatingTable
{
    std::vector<std::string> items;
    std::vector<std::string> annotators;
    // The distinct values in their order: the schema's label order for a project, the
    // numeric order for numbers. Ordinal distances use this order.
    std::vector<std::string> values;
    // The numeric value of each value (interval and ratio metrics, weighted kappa); NaN when
    // a value is not a number.
    std::vector<double> numeric;
    std::vector<Rating> ratings; // at most one per (item, annotator)

    bool allNumeric() const
    {
        for (double v : numeric) {
            if (v != v) {
                return false;
            }
        }
        return !numeric.empty();
    }
};

} // namespace concord::quality
