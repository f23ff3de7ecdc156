// Agreement on preference, ranking and text questions; see QuestionAgreement.hpp.
#include "core/quality/agreement/QuestionAgreement.hpp"

#include "core/quality/agreement/KrippendorffAlpha.hpp"
#include "core/quality/agreement/MultiRaterAgreement.hpp"
#include "core/quality/agreement/PreferenceChoices.hpp"
#include "core/quality/agreement/RatingTableBuilder.hpp"
#include "core/quality/agreement/RecordAgreement.hpp"
#include "core/util/StringInterner.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace concord::quality {

// A named namespace: a unity build puts this file in one batch with its neighbours.
namespace question_agreement {

// The value at quantile p of sorted values, interpolated linearly (numpy's default).
double quantile(const std::vector<double>& sorted, double p)
{
    const double position = p * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (position - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

// One of a preference's rating tables (the choice, the signed strength) built from the votes'
// indices, as RatingTableBuilder would from their texts with a listed order whose unlisted
// values come after it (by first appearance), without a string per vote.
class VoteTable
{
public:
    VoteTable(const PreferenceChoices& votes, std::vector<std::string> listed) : m_votes(votes)
    {
        m_table.values = std::move(listed);
        m_table.annotators = votes.annotators;
        m_table.items.reserve(votes.records());
        m_table.ratings.reserve(votes.votes());
    }
    // Gives the next distinct answer (in order of first vote) the value `text`; an empty
    // text is a missing rating, as for the builder.
    void code(const std::string& text)
    {
        if (text.empty()) {
            m_code.push_back(kMissing);
            return;
        }
        const auto found = std::find(m_table.values.begin(), m_table.values.end(), text);
        m_code.push_back(static_cast<std::uint32_t>(found - m_table.values.begin()));
        if (found == m_table.values.end()) {
            m_table.values.push_back(text);
        }
    }
    void add(std::uint32_t record, std::uint32_t vote)
    {
        if (m_table.items.size() == record) {
            m_table.items.push_back(std::to_string(m_votes.keys[record]));
        }
        const std::uint32_t value = m_code[m_votes.answer[vote]];
        if (value != kMissing) {
            m_table.ratings.push_back(Rating{record, m_votes.annotator[vote], value});
        }
    }
    RatingTable table()
    {
        for (const std::string& value : m_table.values) {
            m_table.numeric.push_back(parseNumber(value).value_or(std::numeric_limits<double>::quiet_NaN()));
        }
        return std::move(m_table);
    }

private:
    static constexpr std::uint32_t kMissing = UINT32_MAX;
    const PreferenceChoices& m_votes;
    RatingTable m_table;
    std::vector<std::uint32_t> m_code; // by distinct answer: its value, or kMissing
};

} // namespace question_agreement

AnswerCounts countAnswers(const std::vector<RecordAnswers>& records)
{
    AnswerCounts counts;
    std::set<std::string> annotators;
    for (const RecordAnswers& record : records) {
        counts.records += record.answers.empty() ? 0 : 1;
        counts.answers += record.answers.size();
        counts.pairedRecords += record.answers.size() >= 2 ? 1 : 0;
        for (const auto& answer : record.answers) {
            annotators.insert(answer.first);
        }
    }
    counts.annotators = annotators.size();
    return counts;
}

Spread spreadOf(std::vector<double> values)
{
    Spread spread;
    if (values.empty()) {
        return spread;
    }
    std::sort(values.begin(), values.end());
    spread.count = values.size();
    spread.min = values.front();
    spread.max = values.back();
    spread.q1 = question_agreement::quantile(values, 0.25);
    spread.median = question_agreement::quantile(values, 0.5);
    spread.q3 = question_agreement::quantile(values, 0.75);
    double sum = 0.0;
    for (double value : values) {
        sum += value;
    }
    spread.mean = sum / static_cast<double>(values.size());
    return spread;
}

PreferenceAgreement preferenceAgreement(const Question& question, const std::vector<RecordAnswers>& records)
{
    return preferenceAgreement(question, preferenceChoices(question, records));
}

RatingTable preferenceChoiceTable(const Question& question, const PreferenceChoices& votes)
{
    question_agreement::VoteTable choices(votes, {question.fields.at(0), kTieChoice, question.fields.at(1)});
    for (const PreferenceChoices::Answer& answer : votes.answers) {
        choices.code(answer.choice);
    }
    for (std::uint32_t record = 0; record < votes.records(); ++record) {
        for (std::uint32_t vote = votes.start[record]; vote < votes.start[record + 1]; ++vote) {
            choices.add(record, vote);
        }
    }
    return choices.table();
}

PreferenceAgreement preferenceAgreement(const Question& question, const PreferenceChoices& votes)
{
    using question_agreement::VoteTable;
    PreferenceAgreement result;
    result.counts.records = votes.records();
    result.counts.answers = votes.votes();
    result.counts.annotators = votes.annotators.size();
    std::vector<std::string> choiceOrder = {question.fields.at(0), kTieChoice, question.fields.at(1)};
    std::vector<std::string> strengthOrder;
    for (int s = -question.maxStrength(); s <= question.maxStrength(); ++s) {
        strengthOrder.push_back(std::to_string(s));
    }
    VoteTable choices(votes, std::move(choiceOrder));
    VoteTable strengths(votes, std::move(strengthOrder));
    // Which field each distinct answer chooses: 1 the first, 2 the second, 0 neither (a tie).
    std::vector<int> side;
    for (const PreferenceChoices::Answer& answer : votes.answers) {
        choices.code(answer.choice);
        strengths.code(std::to_string(answer.strength));
        side.push_back(answer.choice == question.fields[0] ? 1 : answer.choice == question.fields[1] ? 2 : 0);
    }
    for (std::uint32_t record = 0; record < votes.records(); ++record) {
        const std::uint32_t begin = votes.start[record];
        const std::uint32_t end = votes.start[record + 1];
        int sides = 0;
        for (std::uint32_t vote = begin; vote < end; ++vote) {
            choices.add(record, vote);
            strengths.add(record, vote);
            sides |= side[votes.answer[vote]];
        }
        result.counts.pairedRecords += end - begin >= 2 ? 1 : 0;
        result.oppositeRecords += end - begin >= 2 && sides == 3 ? 1 : 0;
    }
    const RatingTable choiceTable = choices.table();
    result.percent = percentAgreement(choiceTable);
    result.alphaChoice = krippendorffAlpha(choiceTable, AlphaMetric::Nominal);
    result.alphaStrength = krippendorffAlpha(strengths.table(), AlphaMetric::Ordinal);
    return result;
}

RankingAgreement rankingAgreement(const Question& question, const std::vector<RecordAnswers>& records)
{
    RankingAgreement result;
    result.counts = countAnswers(records);
    std::vector<double> ws;
    for (const RecordAnswers& record : records) {
        if (record.answers.size() < 2) {
            continue;
        }
        if (const auto w = recordKendallW(record)) {
            ws.push_back(*w);
        } else {
            ++result.tiedRecords;
        }
    }
    result.w = spreadOf(std::move(ws));
    result.alphaRanks = krippendorffAlpha(rankTable(question, records), AlphaMetric::Ordinal);
    return result;
}

RatingTable rankTable(const Question& question, const std::vector<RecordAnswers>& records)
{
    RatingTableBuilder ranks;
    for (const RecordAnswers& record : records) {
        for (const auto& [annotator, value] : record.answers) {
            for (const auto& [field, rank] : value.at("ranking").items()) {
                // A field name holds no newline, so the text after the last one names the field: unique.
                ranks.add(record.id + "\n" + field, annotator, rank.dump());
            }
        }
    }
    ValueOrder rankOrder;
    for (std::size_t r = 1; r <= question.fields.size(); ++r) {
        rankOrder.listed.push_back(std::to_string(r));
    }
    rankOrder.appendUnlisted = true;
    return ranks.build(rankOrder);
}

TextAgreement textAgreement(const std::vector<RecordAnswers>& records, const EditAlphaLimits& limits)
{
    TextAgreement result;
    result.counts = countAnswers(records);
    // Built by hand: the table builder reads an empty value as missing, and an empty text is a value.
    RatingTable table;
    StringInterner annotators;
    StringInterner values;
    double similarity = 0.0;
    std::size_t exact = 0;
    for (const RecordAnswers& record : records) {
        const auto item = static_cast<std::uint32_t>(table.items.size());
        table.items.push_back(record.id);
        std::set<std::string> distinct;
        for (const auto& [annotator, value] : record.answers) {
            const std::string text = value.value("text", std::string());
            table.ratings.push_back(Rating{item, annotators.intern(annotator).first, values.intern(text).first});
            distinct.insert(text);
        }
        if (const auto mean = recordTextSimilarity(record)) {
            similarity += *mean;
            exact += distinct.size() == 1 ? 1 : 0;
        }
    }
    table.annotators = annotators.release();
    table.values = values.release();
    table.numeric.assign(table.values.size(), std::numeric_limits<double>::quiet_NaN());
    result.alphaEdit = editAlpha(table, limits);
    if (result.counts.pairedRecords > 0) {
        const auto paired = static_cast<double>(result.counts.pairedRecords);
        result.meanSimilarity = similarity / paired;
        result.exactMatchShare = static_cast<double>(exact) / paired;
    }
    return result;
}

} // namespace concord::quality
