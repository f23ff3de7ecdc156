#include "core/feedback/TrlFilters.hpp"

#include "core/quality/agreement/RecordAgreement.hpp"
#include "core/quality/bias/BiasFlags.hpp"
#include "core/util/Error.hpp"

#include <set>

namespace concord {

TrlRecordFilter::TrlRecordFilter(Project& project, const Question& question, const TrlOptions& options)
    : m_minAgreement(options.minAgreement), m_withoutTies(options.withoutTies), m_withoutFlagged(options.withoutFlagged)
{
    if (m_minAgreement) {
        if (!(*m_minAgreement >= 0.0 && *m_minAgreement <= 1.0)) {
            throw SettingError("min_agreement", "the least agreement must be between 0 and 1");
        }
        m_agreement = quality::recordAgreement(project, question);
    }
    if (m_withoutTies && question.kind != QuestionKind::Preference && question.kind != QuestionKind::Ranking) {
        throw SettingError("without_ties", "question '" + question.name + "' is a " +
                                               std::string(toString(question.kind)) +
                                               " question: only preferences and rankings have ties");
    }
    if (m_withoutFlagged) {
        if (question.kind != QuestionKind::Preference) {
            throw SettingError("without_flagged", "question '" + question.name +
                                                      "' is not a preference: the preference checks flag none of "
                                                      "its records");
        }
        quality::BiasFlags flags = quality::biasFlags(project, question.name);
        m_flagged = std::move(flags.records);
        m_distrusted = std::move(flags.annotators);
    }
}

const char* TrlRecordFilter::dropReason(std::int64_t sampleKey, bool resolved, bool tie) const
{
    if (m_withoutTies && tie) {
        return "records with a tie";
    }
    if (m_withoutFlagged && m_flagged.count(sampleKey) > 0) {
        return "records the preference checks flag";
    }
    if (m_minAgreement && !resolved) {
        const auto found = m_agreement.find(sampleKey);
        if (found == m_agreement.end()) {
            return "records with fewer than two answers (agreement not measured)";
        }
        if (found->second < *m_minAgreement) {
            return "records whose annotators agree less than the least agreement";
        }
    }
    return nullptr;
}

bool isTie(const Question& question, const nlohmann::json& value)
{
    if (question.kind == QuestionKind::Preference) {
        const auto preference = value.find("preference");
        return preference != value.end() && preference->is_object() && preference->contains("winner") &&
               preference->at("winner").is_null();
    }
    if (question.kind == QuestionKind::Ranking) {
        const auto ranking = value.find("ranking");
        if (ranking == value.end() || !ranking->is_object()) {
            return false;
        }
        std::set<double> ranks;
        for (const auto& rank : *ranking) {
            if (rank.is_number() && !ranks.insert(rank.get<double>()).second) {
                return true;
            }
        }
    }
    return false;
}

} // namespace concord
