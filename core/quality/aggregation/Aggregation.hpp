// Aggregation of several annotators' labels into one suggested gold label per item, with a
// confidence, and an estimate of how accurate each annotator is. Two methods: majority vote
// (MajorityVote.hpp) and Dawid–Skene (DawidSkene.hpp); docs/quality.md describes both.
#pragma once

#include "core/quality/agreement/RatingTable.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace concord::quality {

inline constexpr std::uint32_t kNoValue = std::numeric_limits<std::uint32_t>::max();

enum class AggregationMethod
{
    MajorityVote,
    DawidSkene
};

std::string_view toString(AggregationMethod method);
// "majority" or "dawid-skene"; throws InputError naming the accepted names.
AggregationMethod aggregationMethodFromString(std::string_view name);

struct ItemEstimate
{
    std::uint32_t value = kNoValue; // index into RatingTable::values; kNoValue when nobody rated it
    double confidence = 0.0;        // majority share (majority vote) or posterior (Dawid–Skene)
    bool tied = false;              // the top is shared by several values; `value` is the tie rule's pick
    std::uint32_t votes = 0;        // ratings the item received
};

struct AnnotatorEstimate
{
    // Estimated share of the annotator's labels that are correct: agreement with the majority
    // label (majority vote) or the posterior-weighted agreement (Dawid–Skene). NaN when the
    // annotator rated nothing.
    double accuracy = 0.0;
    std::uint32_t labels = 0;
};

struct AggregationResult
{
    AggregationMethod method = AggregationMethod::MajorityVote;
    std::vector<ItemEstimate> items;           // parallel to RatingTable::items
    std::vector<AnnotatorEstimate> annotators; // parallel to RatingTable::annotators
    std::vector<double> classPriors;           // parallel to RatingTable::values
    // Dawid–Skene only: per annotator a values × values matrix, row-major, row = true value,
    // column = the value the annotator gives; each row sums to 1.
    std::vector<std::vector<double>> confusion;
    int iterations = 0;
    bool converged = true;
};

// Runs the chosen method with its default options.
AggregationResult aggregate(const RatingTable& table, AggregationMethod method);

// Shared by both methods: the ratings of each item as a contiguous range (compressed rows), so
// that a pass over items touches each rating once, whatever order the table holds them in.
struct ItemRatings
{
    std::vector<std::uint32_t> begin; // size items + 1
    std::vector<Rating> ratings;      // sorted by item, then annotator

    static ItemRatings of(const RatingTable& table);
};

} // namespace concord::quality
