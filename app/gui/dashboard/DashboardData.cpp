// The dashboard's numbers, all from the core: loadProjectRatings and buildReport. The only work
// here is picking which of the report's coefficients is the headline and naming indices.
#include "app/gui/dashboard/DashboardData.hpp"

#include "core/quality/agreement/AgreementMetrics.hpp"
#include "core/quality/agreement/ProjectRatings.hpp"
#include "core/quality/agreement/QuestionSummary.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <exception>

namespace concord::gui {

namespace {

using quality::DataKind;
using quality::Metric;

std::vector<std::pair<std::string, std::size_t>> labelUses(const quality::AgreementData& data,
                                                           const quality::AgreementReport& report)
{
    std::vector<std::pair<std::string, std::size_t>> uses;
    if (data.kind == DataKind::Sets && data.sets) {
        for (const auto& label : report.perLabel) {
            uses.emplace_back(data.sets->labels.at(label.label), label.uses);
        }
    } else if (data.kind == DataKind::Spans && data.spans) {
        // The report has no per-label breakdown for spans; a tally of the marked spans is all
        // a distribution needs.
        uses.reserve(data.spans->labels.size());
        for (const auto& name : data.spans->labels) {
            uses.emplace_back(name, 0);
        }
        for (const auto& annotation : data.spans->annotations) {
            for (const auto& span : annotation.spans) {
                ++uses.at(span.label).second;
            }
        }
    } else {
        for (const auto& value : report.perValue) {
            uses.emplace_back(data.table.values.at(value.value), value.uses);
        }
    }
    return uses;
}

} // namespace

DashboardData computeDashboard(const std::string& path, std::size_t resamples)
{
    DashboardData result;
    try {
        auto project = Project::open(path);
        const RecordSchema& schema = project->recordSchema();
        if (!schema.isLegacy()) {
            for (const Question& question : schema.questions) {
                result.questions.push_back(quality::summarizeQuestion(*project, question, resamples));
            }
        }
        const Question& first = schema.questions.front();
        if (!first.asksLabels()) {
            result.labelQuestion = false;
            return result;
        }
        const quality::AgreementData data = quality::loadProjectRatings(*project);
        const Metric headline = quality::headlineMetric(data.kind);

        quality::ReportOptions options;
        options.bootstrap = data.kind == DataKind::Spans ? 0 : resamples;
        if (const auto alpha = quality::alphaMetricOf(headline)) {
            options.bootstrapMetric = *alpha;
        }
        result.report = quality::buildReport(data, options);
        result.kind = data.kind;
        result.annotators = data.table.annotators;
        result.values = data.table.values;
        if (data.sets) {
            result.labels = data.sets->labels;
        } else if (data.spans) {
            result.labels = data.spans->labels;
        }
        result.alphaTitle = std::string(quality::infoOf(headline).title);
        for (const auto& [metric, coefficient] : result.report.coefficients) {
            if (metric == headline) {
                result.alpha = coefficient;
            }
        }
        result.labelUses = labelUses(data, result.report);
        result.timeline = store::labelTimeline(project->database());
    } catch (const std::exception& error) {
        // InputError, StoreError or an allocation failure on a huge project: the screen shows it.
        result = DashboardData{};
        result.error = QString::fromUtf8(error.what());
    }
    return result;
}

} // namespace concord::gui
