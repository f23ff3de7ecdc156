#include "core/quality/agreement/QuestionSummary.hpp"

#include "core/quality/agreement/AgreementReport.hpp"
#include "core/quality/agreement/PreferenceChoices.hpp"
#include "core/quality/agreement/ProjectRatings.hpp"
#include "core/quality/agreement/QuestionAgreement.hpp"
#include "core/quality/agreement/QuestionAnswers.hpp"
#include "core/store/Project.hpp"

#include <map>

namespace concord::quality {

namespace {

void countStatus(StatusCounts& counts, const std::string& status, std::int64_t n)
{
    if (status == "draft") {
        counts.drafts += n;
    } else if (status == "discarded") {
        counts.discarded += n;
    } else {
        counts.submitted += n;
    }
}

// The question's answers as rating data, with the coefficient that sums them up; nullopt for
// written answers, whose coefficient (alpha on edit distance) has no table of values.
struct TableOf
{
    AgreementData data;
    Metric metric = Metric::AlphaNominal;
    std::string statistic;
};

std::optional<TableOf> tableOf(Project& project, const Question& question)
{
    switch (question.kind) {
    case QuestionKind::Preference: {
        TableOf result{
            {DataKind::Labels, preferenceChoiceTable(question, loadPreferenceChoices(project, question)), {}, {}},
            Metric::AlphaNominal,
            "Krippendorff's alpha (nominal) on the choice"};
        return result;
    }
    case QuestionKind::Ranking: {
        TableOf result{dataFromTable(rankTable(question, loadQuestionAnswers(project, question))), Metric::AlphaOrdinal,
                       "Krippendorff's alpha (ordinal) on the ranks"};
        return result;
    }
    case QuestionKind::Text:
        return std::nullopt;
    default: {
        AgreementData data = loadQuestionRatings(project, question);
        const Metric metric = headlineMetric(data.kind);
        std::string statistic(infoOf(metric).title);
        return TableOf{std::move(data), metric, std::move(statistic)};
    }
    }
}

} // namespace

Metric headlineMetric(DataKind kind)
{
    switch (kind) {
    case DataKind::Ratings:
        return Metric::AlphaOrdinal;
    case DataKind::Spans:
        return Metric::AlphaTokens;
    case DataKind::Labels:
    case DataKind::Sets:
        break;
    }
    return Metric::AlphaNominal;
}

QuestionSummary summarizeQuestion(Project& project, const Question& question, std::size_t resamples, std::uint64_t seed)
{
    QuestionSummary summary;
    summary.question = question.name;
    summary.kind = question.kind;
    summary.records = project.samples().count();
    std::map<std::string, AnnotatorSummary> annotators;
    for (const auto& row : project.annotations().forQuestion(question.name).countsByStatus()) {
        countStatus(summary.counts, row.status, row.count);
        AnnotatorSummary& annotator = annotators[row.annotator];
        annotator.annotator = row.annotator;
        countStatus(annotator.counts, row.status, row.count);
    }

    if (auto table = tableOf(project, question)) {
        ReportOptions options;
        options.metrics = {table->metric};
        const auto alpha = alphaMetricOf(table->metric);
        options.bootstrap = alpha ? resamples : 0; // token alpha (spans) has no bootstrap here
        options.bootstrapMetric = alpha;
        options.seed = seed;
        const AgreementReport report = buildReport(table->data, options);
        summary.statistic = std::move(table->statistic);
        summary.agreement = report.coefficients.front().second;
        summary.interval = report.bootstrap;
        for (const AnnotatorAgreement& agreement : report.perAnnotator) {
            const std::string& name = table->data.table.annotators.at(agreement.annotator);
            annotators[name].annotator = name;
            annotators[name].agreement = agreement;
        }
    } else {
        summary.statistic = "Krippendorff's alpha on the edit distance";
        summary.agreement = textAgreement(loadQuestionAnswers(project, question)).alphaEdit;
    }
    for (auto& entry : annotators) {
        summary.annotators.push_back(std::move(entry.second));
    }
    return summary;
}

} // namespace concord::quality
