// Span annotations gathered for agreement: per sample its text, per (sample, annotator) the
// spans marked, in Unicode code points as the store keeps them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace concord::quality {

struct Span
{
    std::uint32_t start = 0; // code points, [start, end)
    std::uint32_t end = 0;
    std::uint32_t label = 0; // index into SpanRatings::labels

    friend bool operator==(const Span&, const Span&) = default;
    friend auto operator<=>(const Span&, const Span&) = default;
};

struct SpanAnnotation
{
    std::uint32_t item = 0;
    std::uint32_t annotator = 0;
    std::vector<Span> spans; // sorted; may be empty (the annotator found nothing to mark)
};

struct SpanRatings
{
    std::vector<std::string> items; // sample ids
    std::vector<std::string> texts; // per item
    std::vector<std::string> annotators;
    std::vector<std::string> labels;
    std::vector<SpanAnnotation> annotations; // at most one per (item, annotator)
};

} // namespace concord::quality
