// Everything `concord-cli agreement` (and later the GUI's agreement view) shows about one data
// set: the chosen coefficients, a bootstrap interval, and the breakdowns per value or label, per
// annotator pair, per annotator and per sample. Formatting is the caller's.
#pragma once

#include "core/quality/agreement/AgreementBreakdown.hpp"
#include "core/quality/agreement/AgreementData.hpp"
#include "core/quality/agreement/AgreementMetrics.hpp"
#include "core/quality/agreement/AlphaBootstrap.hpp"
#include "core/quality/agreement/SampleContest.hpp"
#include "core/quality/agreement/SetAgreement.hpp"
#include "core/quality/agreement/SpanAgreement.hpp"

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace concord::quality {

struct ReportOptions
{
    std::vector<Metric> metrics; // empty: defaultMetrics(data)
    MetricOptions metricOptions; // weights of gwet-ac2, the scale of weighted kappa
    bool breakdowns = true;      // per value/label, pairs, annotators, samples
    std::size_t bootstrap = 0;   // resamples; 0: no interval
    std::uint64_t seed = 1;
    double level = 0.95;
    // Which alpha the interval is for; default: the first alpha-* among `metrics`, else
    // nominal (interval for numeric ratings).
    std::optional<AlphaMetric> bootstrapMetric;
};

struct AgreementReport
{
    DataKind kind = DataKind::Labels;
    std::size_t items = 0;      // items with at least one rating
    std::size_t annotators = 0; // annotators with at least one rating
    std::size_t ratings = 0;
    std::size_t pairableItems = 0; // items with two or more ratings
    std::size_t ratedOnce = 0;     // items with exactly one rating (excluded from every coefficient)

    // Each requested coefficient; one that does not apply is NotApplicable with the reason.
    std::vector<std::pair<Metric, Coefficient>> coefficients;

    std::optional<BootstrapInterval> bootstrap;
    AlphaMetric bootstrapMetric = AlphaMetric::Nominal;

    std::vector<ValueAgreement> perValue; // Labels, Ratings: one value against the rest
    std::vector<LabelAgreement> perLabel; // Sets: per label presence
    KappaWeights pairWeights = KappaWeights::None;
    std::vector<PairAgreement> pairs;             // Labels, Ratings, Sets: Cohen's kappa per pair
    std::vector<SpanPairAgreement> spanPairs;     // Spans: F1 per pair
    std::vector<AnnotatorAgreement> perAnnotator; // against the others' majority (Spans: on token tags)
    std::vector<ItemContest> contested;           // most contested first
};

AgreementReport buildReport(const AgreementData& data, const ReportOptions& options);

} // namespace concord::quality
