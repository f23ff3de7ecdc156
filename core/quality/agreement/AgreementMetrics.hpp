// The agreement coefficients by name, as the CLI's --metric and the report use them, and the
// one function that computes any of them on any agreement input.
#pragma once

#include "core/quality/agreement/AgreementData.hpp"
#include "core/quality/agreement/AlphaMetric.hpp"
#include "core/quality/agreement/Coefficient.hpp"
#include "core/quality/agreement/PairwiseAgreement.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace concord::quality {

enum class Metric
{
    Percent,
    AlphaNominal,
    AlphaOrdinal,
    AlphaInterval,
    AlphaRatio,
    Cohen,
    CohenLinear,
    CohenQuadratic,
    ScottPi,
    Fleiss,
    BennettS,
    AlphaMasi,     // label sets only
    SpanF1,        // spans only: mean pairwise exact-match F1
    SpanOverlapF1, // spans only: mean pairwise partial-overlap F1
    AlphaTokens,   // spans only: nominal alpha over token BIO tags
    KendallW,      // numbers: ranks or scores of the things ranked
    Icc1,          // numbers: Shrout & Fleiss ICC(1,1)
    Icc2,          // ICC(2,1)
    Icc3,          // ICC(3,1)
    Icc1k,         // ICC(1,k)
    Icc2k,         // ICC(2,k)
    Icc3k,         // ICC(3,k)
    GwetAc1,
    GwetAc2, // weighted; MetricOptions::weights
    Light,
    Conger,
    AlphaEdit, // text: alpha with the normalized edit distance
};

// The choices some coefficients take.
struct MetricOptions
{
    // Gwet's AC2 (linear or quadratic; None is AC1).
    KappaWeights weights = KappaWeights::Quadratic;
    // Weighted kappa (cohen-linear, cohen-quadratic) and AC2: the values' numbers or their ranks.
    WeightScale scale = WeightScale::Value;
};

struct MetricInfo
{
    Metric metric;
    std::string_view name;  // "alpha-nominal"
    std::string_view title; // "Krippendorff's alpha, nominal"
};

std::span<const MetricInfo> allMetrics();
const MetricInfo& infoOf(Metric metric);
// Throws InputError listing the known names.
Metric metricFromName(std::string_view name);
// The alpha metric of an alpha-* coefficient over plain values, nullopt for the others.
std::optional<AlphaMetric> alphaMetricOf(Metric metric);

// Computes `metric` on `data`. Throws InputError when it does not apply (Cohen's kappa without
// exactly two annotators, Fleiss' kappa with varying numbers of ratings, interval alpha, the
// intraclass correlations or Kendall's W on values that are not numbers, MASI without label sets,
// span F1 without spans, AC2 without weights).
Coefficient computeMetric(const AgreementData& data, Metric metric, const MetricOptions& options = {});

// The coefficients a report shows for this kind of data, in display order.
std::vector<Metric> defaultMetrics(const AgreementData& data);

} // namespace concord::quality
