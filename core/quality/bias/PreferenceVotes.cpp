// loadPreferenceVotes(): the records in one scan of the samples, the votes in one query.
#include "core/quality/bias/PreferenceVotes.hpp"

#include "core/feedback/Answers.hpp"
#include "core/feedback/RecordStream.hpp"
#include "core/feedback/ShownOrder.hpp"
#include "core/feedback/SubmittedAnswers.hpp"
#include "core/store/Project.hpp"
#include "core/store/ReadAside.hpp"
#include "core/text/Utf8.hpp"
#include "core/util/StringInterner.hpp"

#include <algorithm>
#include <future>
#include <numeric>
#include <optional>
#include <string_view>

namespace concord::quality {

namespace preference_votes {

// 0 or 1 for a field of the question, -1 for anything else.
int sideOfJson(const std::array<std::string, 2>& fields, const nlohmann::json& name)
{
    if (!name.is_string()) {
        return -1;
    }
    for (int side = 0; side < 2; ++side) {
        if (name.get_ref<const std::string&>() == fields[static_cast<std::size_t>(side)]) {
            return side;
        }
    }
    return -1;
}

// The text of a JSON string that starts at text[at] (after its opening quote) when it has no
// escapes; nullopt otherwise.
std::optional<std::string_view> plainString(std::string_view text, std::size_t at)
{
    const std::size_t end = text.find('"', at);
    if (end == std::string_view::npos || text.substr(at, end - at).find('\\') != std::string_view::npos) {
        return std::nullopt;
    }
    return text.substr(at, end - at);
}

// A vote as read, before its record is known by index.
struct KeyedVote
{
    std::int64_t sample = 0;
    std::uint32_t annotator = 0; // in order of first appearance
    int winner = -1;
    int shownFirst = -1; // -1: the answer recorded no order
};

int sideOf(const std::array<std::string, 2>& fields, std::string_view name)
{
    return name == fields[0] ? 0 : name == fields[1] ? 1 : -1;
}

// The winner of a stored preference: 0 or 1, -1 for a tie; nullopt when the value is not a
// preference between the two fields. Values are stored as Concord writes them
// ({"preference":{"strength":1,"winner":"response_a"}}), read here without building a JSON
// tree (a million votes); anything else is parsed in full.
std::optional<int> winnerOf(const std::array<std::string, 2>& fields, std::string_view stored)
{
    static constexpr std::string_view prefix = "{\"preference\":{";
    static constexpr std::string_view key = "\"winner\":";
    const std::size_t at = stored.find(key);
    if (stored.substr(0, prefix.size()) == prefix && at != std::string_view::npos &&
        stored.find(key, at + 1) == std::string_view::npos && stored.find('[') == std::string_view::npos) {
        const std::size_t value = at + key.size();
        if (stored.substr(value, 4) == "null") {
            return -1;
        }
        if (value < stored.size() && stored[value] == '"') {
            if (const auto name = plainString(stored, value + 1)) {
                const int side = sideOf(fields, *name);
                return side < 0 ? std::nullopt : std::optional<int>(side);
            }
        }
    }
    const nlohmann::json json = nlohmann::json::parse(stored, nullptr, false);
    if (!json.is_object() || !json.contains("preference") || !json["preference"].is_object() ||
        !json["preference"].contains("winner")) {
        return std::nullopt;
    }
    const nlohmann::json& winner = json["preference"]["winner"];
    if (winner.is_null()) {
        return -1;
    }
    const int side = sideOfJson(fields, winner);
    return side < 0 ? std::nullopt : std::optional<int>(side);
}

// The field shown first, from an answer's context ({"order":["response_b","response_a"],...});
// -1 when the context records no order.
int firstShown(const std::array<std::string, 2>& fields, std::string_view context)
{
    static constexpr std::string_view prefix = "{\"order\":[\"";
    if (context.substr(0, prefix.size()) == prefix) {
        if (const auto name = plainString(context, prefix.size())) {
            return sideOf(fields, *name);
        }
    }
    if (context.empty()) {
        return -1;
    }
    const nlohmann::json json = nlohmann::json::parse(context, nullptr, false);
    if (!json.is_object() || !json.contains("order") || !json["order"].is_array() || json["order"].empty()) {
        return -1;
    }
    return sideOfJson(fields, json["order"][0]);
}

PreferenceRecord recordOf(const Sample& sample, std::string prompt, std::string first, std::string second,
                          PreferenceTexts texts)
{
    PreferenceRecord record;
    record.key = sample.key;
    record.id = sample.id;
    record.lengths = {utf8::codePointCount(first), utf8::codePointCount(second)};
    if (texts == PreferenceTexts::Kept) {
        record.prompt = std::move(prompt);
        record.responses = {std::move(first), std::move(second)};
    }
    return record;
}

} // namespace preference_votes

std::vector<const Question*> preferenceQuestions(const RecordSchema& schema)
{
    std::vector<const Question*> questions;
    for (const Question& question : schema.questions) {
        if (question.kind == QuestionKind::Preference && question.fields.size() == 2) {
            questions.push_back(&question);
        }
    }
    return questions;
}

std::string promptFieldOf(const RecordSchema& schema, const Question& question)
{
    if (schema.findField("prompt")) {
        return "prompt";
    }
    for (const Field& field : schema.fields) {
        if (std::find(question.fields.begin(), question.fields.end(), field.name) == question.fields.end()) {
            return field.name;
        }
    }
    return {};
}

PreferenceVotes loadPreferenceVotes(Project& project, const Question& question, PreferenceTexts texts)
{
    using namespace preference_votes;
    PreferenceVotes out;
    out.question = question.name;
    out.fields = {question.fields.at(0), question.fields.at(1)};
    out.promptField = promptFieldOf(project.recordSchema(), question);

    // Only the prompt and the two responses, picked out of each stored record. When they are
    // plain texts, on another thread while this one reads the votes.
    std::vector<std::string> needed{out.fields[0], out.fields[1]};
    if (!out.promptField.empty()) {
        needed.push_back(out.promptField);
    }
    std::future<std::vector<PreferenceRecord>> aside;
    if (arePlainFields(project.recordSchema(), needed) && store::canReadAside(project)) {
        aside = store::readAside(project, [needed, prompt = !out.promptField.empty(), texts](sqlite::Database& db) {
            std::vector<PreferenceRecord> records;
            forEachPlainRecordTexts(db, needed, [&](const Sample& sample, std::vector<std::string>& read) {
                records.push_back(recordOf(sample, prompt ? std::move(read[2]) : std::string(), std::move(read[0]),
                                           std::move(read[1]), texts));
            });
            return records;
        });
    } else {
        forEachRecordFields(project, needed, [&](const Sample& sample, const RecordContent& content) {
            out.records.push_back(
                recordOf(sample, out.promptField.empty() ? std::string() : fieldText(content, out.promptField),
                         fieldText(content, out.fields[0]), fieldText(content, out.fields[1]), texts));
        });
    }

    // A million votes hold a handful of distinct annotators, values and contexts: each is read
    // once.
    std::vector<KeyedVote> keyed;
    StringInterner annotators, values, contexts;
    std::vector<std::optional<int>> winners;
    std::vector<int> firsts;
    forEachSubmittedAnswer(project, question.name, [&](const SubmittedAnswer& answer) {
        const auto [value, newValue] = values.intern(answer.value);
        if (newValue) {
            winners.push_back(winnerOf(out.fields, answer.value));
        }
        if (!winners[value]) {
            ++out.unreadable;
            return;
        }
        const auto [context, newContext] = contexts.intern(answer.context);
        if (newContext) {
            firsts.push_back(firstShown(out.fields, answer.context));
        }
        keyed.push_back({answer.sample, annotators.intern(answer.annotator).first, *winners[value], firsts[context]});
    });
    out.annotators = annotators.release();
    if (aside.valid()) {
        out.records = aside.get();
    }

    // Votes and records both come in key order. A vote without its record is unreadable: a
    // damaged file, or a record a sync added between the two reads (it counts next time).
    const std::uint64_t seed = project.orderSeed();
    std::size_t cursor = 0;
    out.votes.reserve(keyed.size());
    for (const KeyedVote& vote : keyed) {
        while (cursor < out.records.size() && out.records[cursor].key < vote.sample) {
            ++cursor;
        }
        if (cursor == out.records.size() || out.records[cursor].key != vote.sample) {
            ++out.unreadable;
            continue;
        }
        int first = vote.shownFirst;
        if (first < 0) {
            first = sideOf(out.fields,
                           shownOrder(seed, out.records[cursor].id, out.annotators[vote.annotator], question).front());
            ++out.drawnOrders;
        }
        out.votes.push_back({static_cast<std::uint32_t>(cursor), vote.annotator, vote.winner, first});
    }
    // Annotators by name, so that reports read in a stable order.
    std::vector<std::uint32_t> byName(out.annotators.size());
    std::iota(byName.begin(), byName.end(), 0U);
    std::sort(byName.begin(), byName.end(),
              [&](std::uint32_t a, std::uint32_t b) { return out.annotators[a] < out.annotators[b]; });
    std::vector<std::uint32_t> rename(byName.size());
    std::vector<std::string> sorted;
    for (std::uint32_t position = 0; position < byName.size(); ++position) {
        rename[byName[position]] = position;
        sorted.push_back(std::move(out.annotators[byName[position]]));
    }
    for (auto& vote : out.votes) {
        vote.annotator = rename[vote.annotator];
    }
    out.annotators = std::move(sorted);
    return out;
}

} // namespace concord::quality
