// Agreement on preference, ranking and text questions; see QuestionAgreement.hpp.
#include "core/quality/agreement/QuestionAgreement.hpp"

#include "core/quality/agreement/KrippendorffAlpha.hpp"
#include "core/quality/agreement/MultiRaterAgreement.hpp"
#include "core/quality/agreement/RatingTableBuilder.hpp"
#include "core/quality/agreement/RecordAgreement.hpp"
#include "core/quality/agreement/StringInterner.hpp"

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

// Whether some annotator chose the first field and another the second.
bool opposite(const Question& question, const RecordAnswers& record)
{
    bool first = false;
    bool second = false;
    for (const auto& answer : record.answers) {
        const std::string choice = preferenceChoice(answer.second);
        first = first || choice == question.fields[0];
        second = second || choice == question.fields[1];
    }
    return first && second;
}

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
    PreferenceAgreement result;
    result.counts = countAnswers(records);
    RatingTableBuilder choices;
    RatingTableBuilder strengths;
    for (const RecordAnswers& record : records) {
        for (const auto& [annotator, value] : record.answers) {
            choices.add(record.id, annotator, preferenceChoice(value));
            strengths.add(record.id, annotator, std::to_string(signedStrength(question, value)));
        }
        if (record.answers.size() >= 2 && question_agreement::opposite(question, record)) {
            ++result.oppositeRecords;
        }
    }
    ValueOrder choiceOrder;
    choiceOrder.listed = {question.fields.at(0), kTieChoice, question.fields.at(1)};
    choiceOrder.appendUnlisted = true;
    ValueOrder strengthOrder;
    for (int s = -question.maxStrength(); s <= question.maxStrength(); ++s) {
        strengthOrder.listed.push_back(std::to_string(s));
    }
    strengthOrder.appendUnlisted = true;
    const RatingTable choiceTable = choices.build(choiceOrder);
    result.percent = percentAgreement(choiceTable);
    result.alphaChoice = krippendorffAlpha(choiceTable, AlphaMetric::Nominal);
    result.alphaStrength = krippendorffAlpha(strengths.build(strengthOrder), AlphaMetric::Ordinal);
    return result;
}

RankingAgreement rankingAgreement(const Question& question, const std::vector<RecordAnswers>& records)
{
    RankingAgreement result;
    result.counts = countAnswers(records);
    std::vector<double> ws;
    RatingTableBuilder ranks;
    for (const RecordAnswers& record : records) {
        for (const auto& [annotator, value] : record.answers) {
            for (const auto& [field, rank] : value.at("ranking").items()) {
                // A field name holds no newline, so the text after the last one names the field: unique.
                ranks.add(record.id + "\n" + field, annotator, rank.dump());
            }
        }
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
    ValueOrder rankOrder;
    for (std::size_t r = 1; r <= question.fields.size(); ++r) {
        rankOrder.listed.push_back(std::to_string(r));
    }
    rankOrder.appendUnlisted = true;
    result.alphaRanks = krippendorffAlpha(ranks.build(rankOrder), AlphaMetric::Ordinal);
    return result;
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
