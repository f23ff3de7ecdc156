// Pairwise span F1; see SpanAgreement.hpp.
#include "core/quality/agreement/SpanAgreement.hpp"

#include <algorithm>
#include <map>

namespace concord::quality {

namespace {

struct PairCounts
{
    std::size_t items = 0;
    std::size_t firstSpans = 0;
    std::size_t secondSpans = 0;
    std::size_t exact = 0;       // matched pairs of identical spans
    std::size_t firstFound = 0;  // first's spans that overlap a same-label span of second's
    std::size_t secondFound = 0; // and the other way round
};

bool overlaps(const Span& a, const Span& b)
{
    return a.label == b.label && a.start < b.end && b.start < a.end;
}

// Spans of `mine` that overlap some span of `theirs` with the same label.
std::size_t found(const std::vector<Span>& mine, const std::vector<Span>& theirs)
{
    return static_cast<std::size_t>(std::count_if(mine.begin(), mine.end(), [&](const Span& span) {
        return std::any_of(theirs.begin(), theirs.end(), [&](const Span& other) { return overlaps(span, other); });
    }));
}

// Identical spans matched one to one (both lists sorted).
std::size_t identical(const std::vector<Span>& a, const std::vector<Span>& b)
{
    std::size_t matched = 0;
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] == b[j]) {
            ++matched;
            ++i;
            ++j;
        } else if (a[i] < b[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    return matched;
}

Coefficient f1(double value, const PairCounts& counts)
{
    Coefficient result = Coefficient::of(value);
    result.items = counts.items;
    result.ratings = counts.firstSpans + counts.secondSpans;
    return result;
}

} // namespace

std::vector<SpanPairAgreement> pairwiseSpanF1(const SpanRatings& spans)
{
    std::vector<std::vector<const SpanAnnotation*>> byItem(spans.items.size());
    for (const auto& annotation : spans.annotations) {
        byItem[annotation.item].push_back(&annotation);
    }
    std::map<std::pair<std::uint32_t, std::uint32_t>, PairCounts> pairs;
    for (const auto& annotations : byItem) {
        for (std::size_t i = 0; i < annotations.size(); ++i) {
            for (std::size_t j = i + 1; j < annotations.size(); ++j) {
                const SpanAnnotation* a = annotations[i];
                const SpanAnnotation* b = annotations[j];
                if (a->annotator > b->annotator) {
                    std::swap(a, b);
                }
                std::vector<Span> first = a->spans;
                std::vector<Span> second = b->spans;
                std::sort(first.begin(), first.end());
                std::sort(second.begin(), second.end());
                PairCounts& counts = pairs[{a->annotator, b->annotator}];
                ++counts.items;
                counts.firstSpans += first.size();
                counts.secondSpans += second.size();
                counts.exact += identical(first, second);
                counts.firstFound += found(first, second);
                counts.secondFound += found(second, first);
            }
        }
    }
    std::vector<SpanPairAgreement> result;
    for (const auto& [pair, counts] : pairs) {
        SpanPairAgreement entry;
        entry.first = pair.first;
        entry.second = pair.second;
        entry.items = counts.items;
        entry.firstSpans = counts.firstSpans;
        entry.secondSpans = counts.secondSpans;
        const double total = static_cast<double>(counts.firstSpans + counts.secondSpans);
        if (total == 0.0) {
            entry.exact.undefined = Undefined::NoSpans;
            entry.exact.items = counts.items;
            entry.overlap = entry.exact;
        } else {
            entry.exact = f1(2.0 * static_cast<double>(counts.exact) / total, counts);
            double overlapF1 = 0.0;
            if (counts.firstSpans > 0 && counts.secondSpans > 0) {
                // Precision of the second against the first, recall of the first by the second.
                const double precision =
                    static_cast<double>(counts.secondFound) / static_cast<double>(counts.secondSpans);
                const double recall = static_cast<double>(counts.firstFound) / static_cast<double>(counts.firstSpans);
                overlapF1 = precision + recall > 0.0 ? 2.0 * precision * recall / (precision + recall) : 0.0;
            }
            entry.overlap = f1(overlapF1, counts);
        }
        result.push_back(entry);
    }
    return result;
}

Coefficient meanSpanF1(const std::vector<SpanPairAgreement>& pairs, bool overlap)
{
    Coefficient result;
    double sum = 0.0;
    for (const auto& pair : pairs) {
        const Coefficient& value = overlap ? pair.overlap : pair.exact;
        if (value.defined()) {
            sum += value.value;
            ++result.items;
            result.ratings += value.ratings;
        }
    }
    if (result.items == 0) {
        result.undefined = pairs.empty() ? Undefined::NoPairableItems : Undefined::NoSpans;
        return result;
    }
    result.undefined = Undefined::No;
    result.value = sum / static_cast<double>(result.items);
    return result;
}

} // namespace concord::quality
