// How `concord-cli agreement PROJECT --question NAME` prints the agreement on a preference,
// ranking or text question, and the agreement of each agent's suggestions with the annotators'
// majority: readable text or JSON at full precision.
#pragma once

#include "app/cli/quality/AgreementOutput.hpp"
#include "core/quality/agreement/QuestionAgreement.hpp"
#include "core/quality/agreement/SuggestionAgreement.hpp"

#include <nlohmann/json.hpp>

#include <ostream>

namespace concord::cli {

void printQuestionAgreement(std::ostream& out, const Question& question, const quality::PreferenceAgreement& result,
                            const OutputOptions& options);
void printQuestionAgreement(std::ostream& out, const Question& question, const quality::RankingAgreement& result,
                            const OutputOptions& options);
void printQuestionAgreement(std::ostream& out, const Question& question, const quality::TextAgreement& result,
                            const OutputOptions& options);

nlohmann::json questionAgreementJson(const Question& question, const quality::PreferenceAgreement& result,
                                     const OutputOptions& options);
nlohmann::json questionAgreementJson(const Question& question, const quality::RankingAgreement& result,
                                     const OutputOptions& options);
nlohmann::json questionAgreementJson(const Question& question, const quality::TextAgreement& result,
                                     const OutputOptions& options);

void printSuggestionAgreement(std::ostream& out, const quality::SuggestionAgreement& result, int digits);
nlohmann::json suggestionAgreementJson(const quality::SuggestionAgreement& result);

} // namespace concord::cli
