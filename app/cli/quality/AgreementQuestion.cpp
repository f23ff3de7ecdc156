// concord-cli agreement PROJECT --question NAME: the statistics of the question's kind, and each
// agent's agreement with the annotators' majority when the question has suggestions.
#include "app/cli/quality/AgreementOptions.hpp"
#include "app/cli/quality/QuestionAgreementOutput.hpp"
#include "core/quality/agreement/ProjectRatings.hpp"
#include "core/store/Project.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace concord::cli {

void runQuestionAgreement(const AgreementOptions& options, Project& project, const Question& question,
                          const std::optional<quality::Metric>& metric)
{
    std::optional<quality::SuggestionAgreement> suggestions;
    const auto measureSuggestions = [&] {
        if (project.suggestions().anyFor(question.name)) {
            suggestions =
                quality::suggestionAgreement(project, question, quality::loadQuestionAnswers(project, question));
        }
    };
    OutputOptions output = agreementOutputOptions(options);
    if (question.asksLabels()) {
        const quality::AgreementData data = quality::loadQuestionRatings(project, question);
        if (metric) {
            runAgreementMetric(options, data, *metric);
            return;
        }
        const quality::AgreementReport report = quality::buildReport(data, agreementReportOptions(options));
        measureSuggestions();
        if (options.json) {
            nlohmann::json json = reportJson(data, report, output);
            json["question"] = question.name;
            if (suggestions) {
                json["suggestions"] = suggestionAgreementJson(*suggestions);
            }
            std::cout << json.dump(2) << '\n';
            return;
        }
        output.source += ", question '" + question.name + "'";
        printReport(std::cout, data, report, output);
        if (suggestions) {
            printSuggestionAgreement(std::cout, *suggestions, options.digits);
        }
        return;
    }
    if (metric || options.bootstrap > 0) {
        throw CLI::ValidationError(metric ? "--metric" : "--bootstrap",
                                   "applies to label, multi_label, spans and rating questions; question '" +
                                       question.name + "' is a " + std::string(toString(question.kind)) + " question");
    }
    const auto emit = [&](const auto& result) {
        if (options.json) {
            nlohmann::json json = questionAgreementJson(question, result, output);
            if (suggestions) {
                json["suggestions"] = suggestionAgreementJson(*suggestions);
            }
            std::cout << json.dump(2) << '\n';
            return;
        }
        printQuestionAgreement(std::cout, question, result, output);
        if (suggestions) {
            printSuggestionAgreement(std::cout, *suggestions, options.digits);
        }
    };
    if (question.kind == QuestionKind::Preference) {
        // A million votes: read as columns, each distinct answer parsed once.
        const quality::PreferenceChoices votes = quality::loadPreferenceChoices(project, question);
        if (project.suggestions().anyFor(question.name)) {
            suggestions = quality::suggestionAgreementOfChoices(project, question, votes);
        }
        emit(quality::preferenceAgreement(question, votes));
        return;
    }
    const std::vector<quality::RecordAnswers> records = quality::loadQuestionAnswers(project, question);
    if (project.suggestions().anyFor(question.name)) {
        suggestions = quality::suggestionAgreement(project, question, records);
    }
    if (question.kind == QuestionKind::Ranking) {
        emit(quality::rankingAgreement(question, records));
        return;
    }
    emit(quality::textAgreement(records));
}

} // namespace concord::cli
