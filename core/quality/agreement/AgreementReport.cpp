// Assembling an agreement report; see AgreementReport.hpp.
#include "core/quality/agreement/AgreementReport.hpp"

#include "core/quality/agreement/Coincidence.hpp"
#include "core/quality/agreement/SpanTokens.hpp"
#include "core/util/Error.hpp"

#include <algorithm>

namespace concord::quality {

namespace {

void countInput(const RatingTable& table, AgreementReport& report)
{
    const ItemGroups groups = groupByItem(table);
    for (std::uint32_t item = 0; item < groups.itemCount(); ++item) {
        const std::uint32_t m = groups.size(item);
        report.items += m > 0 ? 1 : 0;
        report.pairableItems += m >= 2 ? 1 : 0;
        report.ratedOnce += m == 1 ? 1 : 0;
    }
    std::vector<bool> rated(table.annotators.size(), false);
    for (const Rating& rating : table.ratings) {
        rated[rating.annotator] = true;
    }
    report.annotators = static_cast<std::size_t>(std::count(rated.begin(), rated.end(), true));
    report.ratings = table.ratings.size();
}

// Kappa weights for the breakdowns: those of a requested Cohen variant, else quadratic for
// numeric ratings (near misses on a scale are partial agreement) and none for labels.
KappaWeights breakdownWeights(const AgreementData& data, const std::vector<Metric>& metrics)
{
    for (const Metric metric : metrics) {
        if (metric == Metric::Cohen) {
            return KappaWeights::None;
        }
        if (metric == Metric::CohenLinear) {
            return KappaWeights::Linear;
        }
        if (metric == Metric::CohenQuadratic) {
            return KappaWeights::Quadratic;
        }
    }
    return data.kind == DataKind::Ratings ? KappaWeights::Quadratic : KappaWeights::None;
}

AlphaMetric chooseBootstrapMetric(const AgreementData& data, const ReportOptions& options,
                                  const std::vector<Metric>& metrics)
{
    if (options.bootstrapMetric) {
        return *options.bootstrapMetric;
    }
    for (const Metric metric : metrics) {
        if (const auto alpha = alphaMetricOf(metric)) {
            return *alpha;
        }
    }
    return data.kind == DataKind::Ratings ? AlphaMetric::Interval : AlphaMetric::Nominal;
}

} // namespace

AgreementReport buildReport(const AgreementData& data, const ReportOptions& options)
{
    AgreementReport report;
    report.kind = data.kind;
    countInput(data.table, report);
    const std::vector<Metric> metrics = options.metrics.empty() ? defaultMetrics(data) : options.metrics;
    for (const Metric metric : metrics) {
        try {
            report.coefficients.emplace_back(metric, computeMetric(data, metric, options.metricOptions));
        } catch (const InputError& error) {
            report.coefficients.emplace_back(metric, Coefficient::notApplicable(error.what()));
        }
    }
    if (options.bootstrap > 0) {
        if (data.kind == DataKind::Spans) {
            throw InputError("the bootstrap interval is for alpha over labels, label sets or ratings, not spans");
        }
        report.bootstrapMetric = chooseBootstrapMetric(data, options, metrics);
        report.bootstrap =
            bootstrapAlpha(data.table, report.bootstrapMetric, options.bootstrap, options.seed, options.level);
    }
    if (!options.breakdowns) {
        return report;
    }
    report.pairWeights = breakdownWeights(data, metrics);
    report.contested = contestedItems(data.table);
    if (data.kind == DataKind::Spans) {
        report.spanPairs = pairwiseSpanF1(*data.spans);
        report.perAnnotator = annotatorVersusRest(bioTable(*data.spans), KappaWeights::None);
        return report;
    }
    if (data.kind == DataKind::Sets) {
        report.perLabel = perLabelAlpha(*data.sets);
    } else {
        try {
            report.perValue = perValueAlpha(data.table, coincidence(data.table));
        } catch (const InputError&) {
            // Too many distinct values for a coincidence matrix: the coefficients say so already.
        }
    }
    report.pairs = pairwiseKappa(data.table, report.pairWeights);
    report.perAnnotator = annotatorVersusRest(data.table, report.pairWeights);
    return report;
}

} // namespace concord::quality
