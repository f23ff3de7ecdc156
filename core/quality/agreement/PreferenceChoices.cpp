// A preference question's votes as columns; see PreferenceChoices.hpp.
#include "core/quality/agreement/PreferenceChoices.hpp"

#include "core/feedback/SubmittedAnswers.hpp"
#include "core/util/StringInterner.hpp"

namespace concord::quality {

// A named namespace: a unity build puts this file in one batch with its neighbours.
namespace preference_choices {

// Appends votes record by record, interning annotators and answer texts.
class VoteColumns
{
public:
    explicit VoteColumns(const Question& question) : m_question(question) {}

    // Starts record `key` unless its votes are being added: votes come record by record.
    void record(std::int64_t key)
    {
        if (m_votes.keys.empty() || m_votes.keys.back() != key) {
            m_votes.keys.push_back(key);
            m_votes.start.push_back(static_cast<std::uint32_t>(m_votes.answer.size()));
        }
    }
    // `parse` turns a text seen for the first time into its JSON value.
    template <typename Parse> void add(std::string_view annotator, std::string_view text, const Parse& parse)
    {
        m_votes.annotator.push_back(m_annotators.intern(annotator).first);
        const auto [index, first] = m_texts.intern(text);
        if (first) {
            const nlohmann::json value = parse();
            m_votes.answers.push_back({preferenceChoice(value), signedStrength(m_question, value),
                                       m_same.intern(choiceOf(m_question, value)).first});
        }
        m_votes.answer.push_back(index);
    }
    PreferenceChoices finish()
    {
        m_votes.start.push_back(static_cast<std::uint32_t>(m_votes.answer.size()));
        m_votes.annotators = m_annotators.release();
        m_votes.sameValues = m_same.release();
        return std::move(m_votes);
    }

private:
    const Question& m_question;
    StringInterner m_annotators;
    StringInterner m_texts;
    StringInterner m_same;
    PreferenceChoices m_votes;
};

} // namespace preference_choices

PreferenceChoices loadPreferenceChoices(Project& project, const Question& question)
{
    preference_choices::VoteColumns columns(question);
    forEachSubmittedAnswer(project, question.name, [&](const SubmittedAnswer& answer) {
        columns.record(answer.sample);
        columns.add(answer.annotator, answer.value, [&] { return parseStoredAnswer(project, question, answer); });
    });
    return columns.finish();
}

PreferenceChoices preferenceChoices(const Question& question, const std::vector<RecordAnswers>& records)
{
    preference_choices::VoteColumns columns(question);
    std::string text;
    for (const RecordAnswers& record : records) {
        for (const auto& answer : record.answers) {
            columns.record(record.key);
            text = answer.second.dump();
            columns.add(answer.first, text, [&] { return answer.second; });
        }
    }
    return columns.finish();
}

} // namespace concord::quality
