// Span agreement between annotators as F1 (one annotator's spans scored against the other's),
// on the samples both annotated: exact (same start, end and label) and partial overlap (same
// label, sharing at least one code point).
#pragma once

#include "core/quality/agreement/Coefficient.hpp"
#include "core/quality/agreement/SpanRatings.hpp"

#include <cstdint>
#include <vector>

namespace concord::quality {

struct SpanPairAgreement
{
    std::uint32_t first = 0; // first < second
    std::uint32_t second = 0;
    std::size_t items = 0;      // samples both annotated
    std::size_t firstSpans = 0; // spans on those samples
    std::size_t secondSpans = 0;
    Coefficient exact;   // 2 * matched / (firstSpans + secondSpans), matching spans counted once each
    Coefficient overlap; // harmonic mean of precision and recall, a span counted as found when it
                         // overlaps a span of the same label of the other annotator
};

// Every pair of annotators with at least one sample in common, ordered by (first, second). F1 is
// symmetric in the two. Undefined (NoSpans) when neither marked a span on the common samples;
// 0 when only one of them did.
std::vector<SpanPairAgreement> pairwiseSpanF1(const SpanRatings& spans);

// The mean of the pairs' exact (or overlap) F1 over the pairs where it is defined; `items` is
// the number of pairs averaged.
Coefficient meanSpanF1(const std::vector<SpanPairAgreement>& pairs, bool overlap);

} // namespace concord::quality
