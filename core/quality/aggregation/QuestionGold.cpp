// A gold value per record for one question; the rules are in QuestionGold.hpp.
#include "core/quality/aggregation/QuestionGold.hpp"

#include "core/feedback/SubmittedAnswers.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace concord::quality {

// A named namespace: a unity build puts this file in one batch with its neighbours.
namespace question_gold {

constexpr const char* kTie = "tie";

struct Vote
{
    std::string annotator;
    nlohmann::json value;
};

struct RecordVotes
{
    std::string id;
    std::optional<nlohmann::json> gold;
    std::vector<Vote> submitted; // in annotator order
};

// Every record with a resolution or a submitted answer to `question`, by sample key (the
// samples' order). No response row: an answer made before statuses existed counts as submitted.
std::map<std::int64_t, RecordVotes> loadVotes(Project& project, const std::string& question)
{
    std::map<std::int64_t, RecordVotes> records;
    auto gold = project.database().prepare(
        "SELECT g.sample, s.id, g.value FROM gold g JOIN samples s ON s.pk = g.sample WHERE g.question = ?1");
    gold.bind(1, question);
    while (gold.step()) {
        auto& record = records[gold.columnInt(0)];
        record.id = gold.columnText(1);
        record.gold = nlohmann::json::parse(gold.columnView(2));
    }
    forEachSubmittedAnswer(project, question, [&](const SubmittedAnswer& answer) {
        records[answer.sample].submitted.push_back(
            {std::string(answer.annotator), nlohmann::json::parse(answer.value)});
    });
    // The ids of the records with votes, in one pass beside the map (both in key order).
    auto ids = project.database().prepare("SELECT pk, id FROM samples ORDER BY pk");
    auto record = records.begin();
    while (record != records.end() && ids.step()) {
        if (ids.columnInt(0) == record->first) {
            record->second.id = ids.columnText(1);
            ++record;
        }
    }
    return records;
}

// The values a question's answers are aggregated over, in the tie rule's order.
std::vector<std::string> choicesOf(const Question& question)
{
    switch (question.kind) {
    case QuestionKind::Label:
        return question.labels.labelNames();
    case QuestionKind::Rating: {
        std::vector<std::string> scale;
        for (int r = question.labels.ratingMin; r <= question.labels.ratingMax; ++r) {
            scale.push_back(std::to_string(r));
        }
        return scale;
    }
    case QuestionKind::Preference: {
        std::vector<std::string> choices = question.fields;
        if (question.hasTie()) {
            choices.emplace_back(kTie);
        }
        return choices;
    }
    default:
        return {};
    }
}

// An answer's choice as one of choicesOf(); empty when it gives none (a label answer of no label).
std::string choiceOf(const Question& question, const nlohmann::json& value)
{
    switch (question.kind) {
    case QuestionKind::Label: {
        const auto& labels = value.at("labels");
        return labels.empty() ? std::string() : labels.front().get<std::string>();
    }
    case QuestionKind::Rating:
        return std::to_string(value.at("rating").get<std::int64_t>());
    case QuestionKind::Preference: {
        const auto& winner = value.at("preference").at("winner");
        return winner.is_null() ? std::string(kTie) : winner.get<std::string>();
    }
    default:
        return {};
    }
}

// The lower median of the strengths of the votes for `choice`; 1 when there are none.
int medianStrength(const std::vector<Vote>& votes, const std::string& choice, const Question& question)
{
    std::vector<int> strengths;
    for (const Vote& vote : votes) {
        if (choiceOf(question, vote.value) == choice) {
            strengths.push_back(vote.value.at("preference").value("strength", 1));
        }
    }
    if (strengths.empty()) {
        return 1;
    }
    std::sort(strengths.begin(), strengths.end());
    return strengths[(strengths.size() - 1) / 2];
}

// A choice back in the question's answer form.
nlohmann::json answerOf(const Question& question, const std::string& choice, const std::vector<Vote>& votes)
{
    switch (question.kind) {
    case QuestionKind::Rating:
        return {{"rating", std::stoi(choice)}};
    case QuestionKind::Preference:
        if (choice == kTie) {
            return {{"preference", {{"winner", nullptr}, {"strength", 0}}}};
        }
        return {{"preference", {{"winner", choice}, {"strength", medianStrength(votes, choice, question)}}}};
    default:
        return {{"labels", nlohmann::json::array({choice})}};
    }
}

// Label, preference, rating: the submitted votes as a rating table, aggregated.
void aggregateChoices(const Question& question, AggregationMethod method,
                      const std::map<std::int64_t, RecordVotes>& records, QuestionGold& gold)
{
    RatingTable& table = gold.table;
    table.values = choicesOf(question);
    table.numeric.assign(table.values.size(), std::nan(""));
    std::map<std::string, std::uint32_t> valueIndex, annotatorIndex;
    for (std::uint32_t v = 0; v < table.values.size(); ++v) {
        valueIndex[table.values[v]] = v;
    }
    for (const auto& [key, record] : records) {
        for (const Vote& vote : record.submitted) {
            annotatorIndex.emplace(vote.annotator, 0);
        }
    }
    for (auto& [name, index] : annotatorIndex) { // names in sorted order
        index = static_cast<std::uint32_t>(table.annotators.size());
        table.annotators.push_back(name);
    }
    for (const auto& [key, record] : records) {
        if (record.submitted.empty()) {
            continue;
        }
        const auto item = static_cast<std::uint32_t>(table.items.size());
        table.items.push_back(record.id);
        for (const Vote& vote : record.submitted) {
            const std::string choice = choiceOf(question, vote.value);
            if (choice.empty()) {
                continue;
            }
            // A value the schema no longer lists is still a vote.
            const auto [found, added] = valueIndex.emplace(choice, static_cast<std::uint32_t>(table.values.size()));
            if (added) {
                table.values.push_back(choice);
                table.numeric.push_back(std::nan(""));
            }
            table.ratings.push_back({item, annotatorIndex.at(vote.annotator), found->second});
        }
    }
    gold.aggregation = aggregate(table, method);
}

} // namespace question_gold

std::string_view toString(GoldSource source)
{
    return source == GoldSource::Reviewer ? "reviewer" : "aggregate";
}

MeanRanking meanRanking(const std::vector<std::string>& fields, const std::vector<nlohmann::json>& rankings)
{
    // Sums rather than means: with the same count for every field, equal sums are equal means,
    // exactly, where divided doubles could differ in the last bit.
    std::vector<std::int64_t> sums(fields.size(), 0);
    for (const auto& ranking : rankings) {
        for (std::size_t f = 0; f < fields.size(); ++f) {
            sums[f] += ranking.at(fields[f]).get<std::int64_t>();
        }
    }
    MeanRanking result;
    std::vector<std::int64_t> ranks(fields.size(), 1);
    for (std::size_t f = 0; f < fields.size(); ++f) {
        for (std::size_t g = 0; g < fields.size(); ++g) {
            ranks[f] += sums[g] < sums[f] ? 1 : 0;
            result.tied = result.tied || (f != g && sums[g] == sums[f]);
        }
        result.ranking[fields[f]] = ranks[f];
    }
    const auto sign = [](std::int64_t a, std::int64_t b) { return (a > b) - (a < b); };
    std::size_t agreeing = 0;
    for (const auto& ranking : rankings) {
        bool same = true;
        for (std::size_t f = 0; f < fields.size() && same; ++f) {
            for (std::size_t g = f + 1; g < fields.size() && same; ++g) {
                same = sign(ranking.at(fields[f]).get<std::int64_t>(), ranking.at(fields[g]).get<std::int64_t>()) ==
                       sign(ranks[f], ranks[g]);
            }
        }
        agreeing += same ? 1 : 0;
    }
    result.confidence = rankings.empty() ? 0.0 : static_cast<double>(agreeing) / static_cast<double>(rankings.size());
    return result;
}

QuestionGold aggregateQuestion(Project& project, const std::string& questionName, AggregationMethod method)
{
    const Question& question = project.recordSchema().question(questionName);
    const bool choices = question.kind == QuestionKind::Label || question.kind == QuestionKind::Rating ||
                         question.kind == QuestionKind::Preference;
    if (!choices && question.kind != QuestionKind::Ranking) {
        throw InputError("question '" + question.name + "' is a " + std::string(toString(question.kind)) +
                         " question; gold values are aggregated for label, rating, preference and ranking questions");
    }
    if (question.kind == QuestionKind::Ranking && method == AggregationMethod::DawidSkene) {
        throw InputError("question '" + question.name +
                         "' is a ranking, aggregated by mean rank; Dawid-Skene applies to label, rating and "
                         "preference questions");
    }
    QuestionGold gold;
    gold.question = question.name;
    gold.kind = question.kind;
    gold.method = choices ? std::string(toString(method)) : "mean-rank";
    const auto records = question_gold::loadVotes(project, question.name);
    if (choices) {
        question_gold::aggregateChoices(question, method, records, gold);
    }
    std::size_t item = 0; // index into gold.table.items: the records with submitted votes, in order
    for (const auto& [key, record] : records) {
        RecordGold out;
        out.id = record.id;
        out.votes = static_cast<std::uint32_t>(record.submitted.size());
        if (choices && !record.submitted.empty()) {
            const ItemEstimate& estimate = gold.aggregation.items[item++];
            if (estimate.value != kNoValue) {
                out.value = question_gold::answerOf(question, gold.table.values[estimate.value], record.submitted);
                out.confidence = estimate.confidence;
                out.tied = estimate.tied;
            }
        } else if (!record.submitted.empty()) {
            std::vector<nlohmann::json> rankings;
            for (const auto& vote : record.submitted) {
                rankings.push_back(vote.value.at("ranking"));
            }
            const MeanRanking mean = meanRanking(question.fields, rankings);
            out.value = {{"ranking", mean.ranking}};
            out.confidence = mean.confidence;
            out.tied = mean.tied;
        }
        if (record.gold) {
            out.value = *record.gold;
            out.source = GoldSource::Reviewer;
            out.confidence.reset();
            out.tied = false;
            ++gold.fromReviewer;
        }
        if (!out.value.is_null()) {
            gold.items.push_back(std::move(out));
        }
    }
    return gold;
}

} // namespace concord::quality
