// Metric names and dispatch; see AgreementMetrics.hpp.
#include "core/quality/agreement/AgreementMetrics.hpp"

#include "core/quality/agreement/CongerKappa.hpp"
#include "core/quality/agreement/EditAlpha.hpp"
#include "core/quality/agreement/GwetAgreement.hpp"
#include "core/quality/agreement/IntraclassCorrelation.hpp"
#include "core/quality/agreement/KendallW.hpp"
#include "core/quality/agreement/KrippendorffAlpha.hpp"
#include "core/quality/agreement/LightKappa.hpp"
#include "core/quality/agreement/MultiRaterAgreement.hpp"
#include "core/quality/agreement/PairwiseAgreement.hpp"
#include "core/quality/agreement/SpanAgreement.hpp"
#include "core/quality/agreement/SpanTokens.hpp"
#include "core/util/Error.hpp"

#include <array>

namespace concord::quality {

namespace {

constexpr std::array<MetricInfo, 27> kMetrics{{
    {Metric::Percent, "percent", "percent agreement"},
    {Metric::AlphaNominal, "alpha-nominal", "Krippendorff's alpha, nominal"},
    {Metric::AlphaOrdinal, "alpha-ordinal", "Krippendorff's alpha, ordinal"},
    {Metric::AlphaInterval, "alpha-interval", "Krippendorff's alpha, interval"},
    {Metric::AlphaRatio, "alpha-ratio", "Krippendorff's alpha, ratio"},
    {Metric::Cohen, "cohen", "Cohen's kappa"},
    {Metric::CohenLinear, "cohen-linear", "Cohen's kappa, linear weights"},
    {Metric::CohenQuadratic, "cohen-quadratic", "Cohen's kappa, quadratic weights"},
    {Metric::ScottPi, "scott-pi", "Scott's pi"},
    {Metric::Fleiss, "fleiss", "Fleiss' kappa"},
    {Metric::BennettS, "bennett-s", "Bennett's S"},
    {Metric::AlphaMasi, "alpha-masi", "Krippendorff's alpha, MASI distance"},
    {Metric::SpanF1, "span-f1", "span F1, exact match (mean over pairs)"},
    {Metric::SpanOverlapF1, "span-overlap-f1", "span F1, partial overlap (mean over pairs)"},
    {Metric::AlphaTokens, "alpha-tokens", "Krippendorff's alpha over token BIO tags"},
    {Metric::KendallW, "kendall-w", "Kendall's W, corrected for ties"},
    {Metric::Icc1, "icc1", "ICC(1,1), one-way random, single rater"},
    {Metric::Icc2, "icc2", "ICC(2,1), two-way random, single rater"},
    {Metric::Icc3, "icc3", "ICC(3,1), two-way mixed, single rater"},
    {Metric::Icc1k, "icc1k", "ICC(1,k), one-way random, mean of k raters"},
    {Metric::Icc2k, "icc2k", "ICC(2,k), two-way random, mean of k raters"},
    {Metric::Icc3k, "icc3k", "ICC(3,k), two-way mixed, mean of k raters"},
    {Metric::GwetAc1, "gwet-ac1", "Gwet's AC1"},
    {Metric::GwetAc2, "gwet-ac2", "Gwet's AC2"},
    {Metric::Light, "light", "Light's kappa (mean of pairwise Cohen's kappas)"},
    {Metric::Conger, "conger", "Conger's kappa"},
    {Metric::AlphaEdit, "alpha-edit", "Krippendorff's alpha, normalized edit distance"},
}};

const SpanRatings& requireSpans(const AgreementData& data, Metric metric)
{
    if (!data.spans) {
        throw InputError(std::string(infoOf(metric).name) + " needs span annotations (a project of kind spans)");
    }
    return *data.spans;
}

} // namespace

std::span<const MetricInfo> allMetrics()
{
    return kMetrics;
}

const MetricInfo& infoOf(Metric metric)
{
    for (const auto& info : kMetrics) {
        if (info.metric == metric) {
            return info;
        }
    }
    return kMetrics[0];
}

Metric metricFromName(std::string_view name)
{
    std::string known;
    for (const auto& info : kMetrics) {
        if (info.name == name) {
            return info.metric;
        }
        known += (known.empty() ? "" : ", ") + std::string(info.name);
    }
    throw InputError("unknown metric '" + std::string(name) + "'; the metrics are " + known);
}

std::optional<AlphaMetric> alphaMetricOf(Metric metric)
{
    switch (metric) {
    case Metric::AlphaNominal:
        return AlphaMetric::Nominal;
    case Metric::AlphaOrdinal:
        return AlphaMetric::Ordinal;
    case Metric::AlphaInterval:
        return AlphaMetric::Interval;
    case Metric::AlphaRatio:
        return AlphaMetric::Ratio;
    default:
        return std::nullopt;
    }
}

Coefficient computeMetric(const AgreementData& data, Metric metric, const MetricOptions& options)
{
    const RatingTable& table = data.table;
    if (const auto alpha = alphaMetricOf(metric)) {
        return krippendorffAlpha(table, *alpha);
    }
    switch (metric) {
    case Metric::Percent:
        return percentAgreement(table);
    case Metric::Cohen:
        return cohenKappa(table, KappaWeights::None);
    case Metric::CohenLinear:
        return cohenKappa(table, KappaWeights::Linear, options.scale);
    case Metric::CohenQuadratic:
        return cohenKappa(table, KappaWeights::Quadratic, options.scale);
    case Metric::ScottPi:
        return scottPi(table);
    case Metric::Fleiss:
        return fleissKappa(table);
    case Metric::BennettS:
        return bennettS(table);
    case Metric::AlphaMasi:
        if (!data.sets) {
            throw SettingError("metric",
                               "alpha-masi needs label sets: a multi-label project, or ratings read as label sets");
        }
        return masiAlpha(*data.sets);
    case Metric::SpanF1:
        return meanSpanF1(pairwiseSpanF1(requireSpans(data, metric)), false);
    case Metric::SpanOverlapF1:
        return meanSpanF1(pairwiseSpanF1(requireSpans(data, metric)), true);
    case Metric::AlphaTokens:
        return bioAlpha(requireSpans(data, metric));
    case Metric::KendallW:
        return kendallW(table);
    case Metric::Icc1:
        return intraclassCorrelation(table, IccModel::OneWay, IccUnit::Single);
    case Metric::Icc2:
        return intraclassCorrelation(table, IccModel::TwoWayRandom, IccUnit::Single);
    case Metric::Icc3:
        return intraclassCorrelation(table, IccModel::TwoWayMixed, IccUnit::Single);
    case Metric::Icc1k:
        return intraclassCorrelation(table, IccModel::OneWay, IccUnit::Average);
    case Metric::Icc2k:
        return intraclassCorrelation(table, IccModel::TwoWayRandom, IccUnit::Average);
    case Metric::Icc3k:
        return intraclassCorrelation(table, IccModel::TwoWayMixed, IccUnit::Average);
    case Metric::GwetAc1:
        return gwetAgreement(table, KappaWeights::None);
    case Metric::GwetAc2:
        if (options.weights == KappaWeights::None) {
            throw InputError("gwet-ac2 takes linear or quadratic weights (unweighted, it is gwet-ac1)");
        }
        return gwetAgreement(table, options.weights, options.scale);
    case Metric::Light:
        return lightKappa(table);
    case Metric::Conger:
        return congerKappa(table);
    case Metric::AlphaEdit:
        return editAlpha(table);
    default:
        break;
    }
    throw InputError("metric " + std::string(infoOf(metric).name) + " is not available");
}

std::vector<Metric> defaultMetrics(const AgreementData& data)
{
    switch (data.kind) {
    case DataKind::Labels:
        return {Metric::Percent, Metric::AlphaNominal, Metric::Fleiss,
                Metric::Cohen,   Metric::ScottPi,      Metric::BennettS};
    case DataKind::Ratings:
        return {Metric::Percent,        Metric::AlphaNominal, Metric::AlphaOrdinal, Metric::AlphaInterval,
                Metric::AlphaRatio,     Metric::Fleiss,       Metric::Cohen,        Metric::CohenLinear,
                Metric::CohenQuadratic, Metric::ScottPi,      Metric::BennettS};
    case DataKind::Sets:
        return {Metric::Percent, Metric::AlphaMasi, Metric::AlphaNominal, Metric::Fleiss};
    case DataKind::Spans:
        return {Metric::SpanF1, Metric::SpanOverlapF1, Metric::AlphaTokens, Metric::Percent};
    }
    return {};
}

} // namespace concord::quality
