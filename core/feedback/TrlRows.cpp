#include "core/feedback/TrlRows.hpp"

#include "core/feedback/RecordStream.hpp"
#include "core/feedback/SubmittedAnswers.hpp"
#include "core/feedback/TrlFilters.hpp"
#include "core/quality/bias/PreferenceVotes.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace concord {

// A named namespace: a unity build puts this file in one batch with its neighbours.
namespace trl_rows {

// A vote on the compared fields as ranks (lower is better; a preference is a ranking of two),
// with the preference's strength. Fields by their position in the question: a hundred thousand
// records make a judgement each, and maps of names were a tenth of an export's time.
struct Judgement
{
    std::vector<double> rank; // by the question's field
    double strength = 0.0;
};

struct Pair
{
    std::size_t chosen = 0, rejected = 0; // positions in the question's fields
    double margin = 0.0;
};

// The position of `name` among the question's fields; fields.size() for another name.
std::size_t fieldIndex(const Question& question, std::string_view name)
{
    const auto& fields = question.fields;
    return static_cast<std::size_t>(std::find(fields.begin(), fields.end(), name) - fields.begin());
}

class Drops
{
public:
    explicit Drops(std::vector<std::pair<std::string, std::size_t>>& list) : m_list(list) {}
    void add(const std::string& rule, std::size_t count = 1)
    {
        for (auto& [name, n] : m_list) {
            if (name == rule) {
                n += count;
                return;
            }
        }
        m_list.emplace_back(rule, count);
    }

private:
    std::vector<std::pair<std::string, std::size_t>>& m_list;
};

// A record's submitted answers, each a reference into Votes::distinct.
using AnswerList = std::vector<std::reference_wrapper<const nlohmann::json>>;

struct Votes
{
    std::map<std::int64_t, nlohmann::json> gold;
    std::map<std::int64_t, AnswerList> submitted; // in annotator order
    DistinctAnswers distinct;
};

// `leaveOut`: annotators whose votes do not count, each vote left out counted in `drops`.
Votes loadVotes(Project& project, const std::string& question, const std::set<std::string>& leaveOut, Drops& drops)
{
    Votes votes;
    auto gold = project.database().prepare("SELECT sample, value FROM gold WHERE question = ?1");
    gold.bind(1, question);
    while (gold.step()) {
        votes.gold[gold.columnInt(0)] = nlohmann::json::parse(gold.columnView(1));
    }
    auto current = votes.submitted.end();
    forEachSubmittedAnswer(project, question, [&](const SubmittedAnswer& answer) {
        if (!leaveOut.empty() && leaveOut.count(std::string(answer.annotator)) > 0) {
            drops.add("votes of annotators the preference checks flag");
            return;
        }
        const nlohmann::json& value =
            votes.distinct.of(answer.value, [&] { return nlohmann::json::parse(answer.value); });
        // Answers arrive in record order: each record's list is made once, at the end.
        if (current == votes.submitted.end() || current->first != answer.sample) {
            current = votes.submitted.emplace_hint(votes.submitted.end(), answer.sample, AnswerList{});
        }
        current->second.emplace_back(value);
    });
    return votes;
}

bool fits(TrlFormat format, QuestionKind kind)
{
    switch (format) {
    case TrlFormat::Preference:
        return kind == QuestionKind::Preference || kind == QuestionKind::Ranking;
    case TrlFormat::Sft:
        return kind == QuestionKind::Text || kind == QuestionKind::Preference || kind == QuestionKind::Ranking;
    case TrlFormat::Kto:
        return kind == QuestionKind::Rating || kind == QuestionKind::Label || kind == QuestionKind::MultiLabel ||
               kind == QuestionKind::Preference || kind == QuestionKind::Ranking;
    }
    return false;
}

const Question& chooseQuestion(const RecordSchema& schema, const TrlOptions& options)
{
    const std::string format = toString(options.format);
    if (!options.question.empty()) {
        const Question& question = schema.question(options.question);
        if (!fits(options.format, question.kind)) {
            throw SettingError("question", "question '" + question.name + "' is a " +
                                               std::string(toString(question.kind)) + " question; a " + format +
                                               " export reads a question of another kind");
        }
        return question;
    }
    for (const Question& question : schema.questions) {
        if (fits(options.format, question.kind)) {
            return question;
        }
    }
    throw InputError("a " + format +
                     " export needs a question of a fitting kind; the project has: " + schema.questionNames());
}

std::string promptFieldOf(const RecordSchema& schema, const Question& question, const TrlOptions& options)
{
    if (!options.promptField.empty()) {
        if (!schema.findField(options.promptField)) {
            throw SettingError("prompt_field", "no field named '" + options.promptField.substr(0, 64) +
                                                   "' (there are: " + schema.fieldNames() + ")");
        }
        return options.promptField;
    }
    std::string field = quality::promptFieldOf(schema, question);
    if (field.empty()) {
        throw InputError("question '" + question.name + "' compares every field; no field is left for the prompt");
    }
    return field;
}

// The response a rating or label question judges: the named field, else `response`, else the
// first field that is not the prompt.
std::string completionFieldOf(const RecordSchema& schema, const std::string& prompt, const TrlOptions& options)
{
    if (!options.completionField.empty()) {
        if (!schema.findField(options.completionField)) {
            throw SettingError("completion_field", "no field named '" + options.completionField.substr(0, 64) +
                                                       "' (there are: " + schema.fieldNames() + ")");
        }
        return options.completionField;
    }
    if (schema.findField("response")) {
        return "response";
    }
    for (const Field& field : schema.fields) {
        if (field.name != prompt) {
            return field.name;
        }
    }
    throw InputError("the project has no field besides the prompt to judge");
}

Judgement judgementOf(const Question& question, const nlohmann::json& value)
{
    Judgement judgement;
    const std::size_t count = question.fields.size();
    if (question.kind == QuestionKind::Ranking) {
        const nlohmann::json& ranking = value.at("ranking");
        judgement.rank.resize(count);
        for (std::size_t i = 0; i < count; ++i) {
            const auto rank = ranking.find(question.fields[i]);
            if (rank == ranking.end() || !rank->is_number()) {
                throw InputError("a stored ranking of question '" + question.name + "' does not rank field '" +
                                 question.fields[i] + "'");
            }
            judgement.rank[i] = rank->get<double>();
        }
        return judgement;
    }
    const nlohmann::json& preference = value.at("preference");
    judgement.strength = preference.value("strength", 0);
    const nlohmann::json& winner = preference.at("winner");
    const std::size_t won = winner.is_string() ? fieldIndex(question, winner.get_ref<const std::string&>()) : count;
    judgement.rank.assign(count, winner.is_null() ? 1.0 : 2.0);
    if (won < count) {
        judgement.rank[won] = 1.0;
    }
    return judgement;
}

// The judgements of one record that the rule keeps (gold; else majority of the winner, or the
// mean rank; or every response), counting what it drops.
std::vector<Judgement> judgementsOf(const Question& question, const nlohmann::json* gold, const AnswerList& submitted,
                                    TrlVotes votes, Drops& drops)
{
    if (votes == TrlVotes::GoldThenAggregate && gold) {
        return {judgementOf(question, *gold)};
    }
    if (submitted.empty()) {
        drops.add("records without a submitted answer or gold value");
        return {};
    }
    if (votes == TrlVotes::EveryResponse) {
        std::vector<Judgement> all;
        for (const nlohmann::json& value : submitted) {
            all.push_back(judgementOf(question, value));
        }
        return all;
    }
    const std::size_t count = question.fields.size();
    if (question.kind == QuestionKind::Ranking) {
        Judgement mean;
        mean.rank.assign(count, 0.0);
        for (const nlohmann::json& value : submitted) {
            const Judgement one = judgementOf(question, value);
            for (std::size_t i = 0; i < count; ++i) {
                mean.rank[i] += one.rank[i] / static_cast<double>(submitted.size());
            }
        }
        return {mean};
    }
    // The winner of each vote: a field's position, `count` for a name no field has, count + 1
    // for a tie.
    const auto winnerOf = [&](const nlohmann::json& value) {
        const nlohmann::json& winner = value.at("preference").at("winner");
        return winner.is_string() ? fieldIndex(question, winner.get_ref<const std::string&>()) : count + 1;
    };
    std::vector<std::size_t> byWinner(count + 2, 0);
    for (const nlohmann::json& value : submitted) {
        ++byWinner[winnerOf(value)];
    }
    const std::size_t most = *std::max_element(byWinner.begin(), byWinner.end());
    if (std::count(byWinner.begin(), byWinner.end(), most) > 1) {
        drops.add("records whose annotators are split evenly");
        return {};
    }
    const auto winner = static_cast<std::size_t>(std::max_element(byWinner.begin(), byWinner.end()) - byWinner.begin());
    Judgement majority;
    majority.rank.assign(count, winner == count + 1 ? 1.0 : 2.0);
    if (winner < count) {
        majority.rank[winner] = 1.0;
    }
    for (const nlohmann::json& value : submitted) {
        if (winnerOf(value) == winner) {
            majority.strength += value.at("preference").value("strength", 0) / static_cast<double>(most);
        }
    }
    return {majority};
}

std::vector<Pair> pairsOf(const Question& question, const Judgement& judgement, RankingPairs rule, Drops& drops)
{
    std::vector<Pair> pairs;
    const std::vector<double>& rank = judgement.rank;
    const std::size_t count = rank.size();
    if (question.kind == QuestionKind::Preference || rule == RankingPairs::Every) {
        for (std::size_t i = 0; i < count; ++i) {
            for (std::size_t j = i + 1; j < count; ++j) {
                const double a = rank[i], b = rank[j];
                if (a == b) {
                    drops.add("pairs ranked equal (ties)");
                } else {
                    const bool first = a < b;
                    const double margin =
                        question.kind == QuestionKind::Preference ? judgement.strength : std::abs(a - b);
                    pairs.push_back({first ? i : j, first ? j : i, margin});
                }
            }
        }
        return pairs;
    }
    const double best = *std::min_element(rank.begin(), rank.end());
    const double worst = *std::max_element(rank.begin(), rank.end());
    if (best == worst) {
        drops.add("pairs ranked equal (ties)");
        return pairs;
    }
    for (std::size_t chosen = 0; chosen < count; ++chosen) {
        for (std::size_t rejected = 0; rejected < count; ++rejected) {
            if (rank[chosen] == best && rank[rejected] == worst) {
                pairs.push_back({chosen, rejected, worst - best});
            }
        }
    }
    return pairs;
}

// One chat message with `role` and `content` first, as TRL's documentation writes them.
nlohmann::ordered_json message(const std::string& role, const std::string& content)
{
    nlohmann::ordered_json result;
    result["role"] = role;
    result["content"] = content;
    return result;
}

// A chat field's messages in that key order (other keys kept after them).
nlohmann::ordered_json orderedMessages(const nlohmann::json& chat)
{
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& turn : chat) {
        nlohmann::ordered_json ordered = message(turn.value("role", ""), turn.value("content", ""));
        for (const auto& [key, value] : turn.items()) {
            if (key != "role" && key != "content") {
                ordered[key] = value;
            }
        }
        list.push_back(std::move(ordered));
    }
    return list;
}

// A response as the prompt's form wants it: a string, or one assistant message.
nlohmann::ordered_json completionValue(bool conversational, const std::string& text)
{
    if (!conversational) {
        return text;
    }
    return nlohmann::ordered_json::array({message("assistant", text)});
}

// Which texts (the submitted or gold answers of a text question) the rule keeps.
std::vector<std::string> textsOf(const nlohmann::json* gold, const AnswerList& submitted, TrlVotes votes, Drops& drops)
{
    if (votes == TrlVotes::GoldThenAggregate && gold) {
        return {gold->at("text").get<std::string>()};
    }
    if (submitted.empty()) {
        drops.add("records without a submitted answer or gold value");
        return {};
    }
    std::vector<std::string> texts;
    for (const nlohmann::json& value : submitted) {
        texts.push_back(value.at("text").get<std::string>());
    }
    if (votes == TrlVotes::EveryResponse) {
        return texts;
    }
    std::map<std::string, std::size_t> counts;
    for (const auto& text : texts) {
        ++counts[text];
    }
    std::size_t most = 0, atMost = 0;
    std::string kept;
    for (const auto& [text, count] : counts) {
        if (count > most) {
            most = count;
            atMost = 1;
            kept = text;
        } else if (count == most) {
            ++atMost;
        }
    }
    if (atMost > 1) {
        drops.add("records whose annotators wrote different texts, none by most");
        return {};
    }
    return {kept};
}

// KTO labels from a rating or label question: gold, else the mean rating or the majority of
// good/not good, or every response.
std::vector<bool> ktoLabelsOf(const Question& question, const TrlOptions& options, const nlohmann::json* gold,
                              const AnswerList& submitted, Drops& drops)
{
    const auto good = [&](const nlohmann::json& value) {
        if (question.kind == QuestionKind::Rating) {
            return value.at("rating").get<double>() >= *options.ratingThreshold;
        }
        const auto& labels = value.at("labels");
        return std::find(labels.begin(), labels.end(), options.goodLabel) != labels.end();
    };
    if (options.votes == TrlVotes::GoldThenAggregate && gold) {
        return {good(*gold)};
    }
    if (submitted.empty()) {
        drops.add("records without a submitted answer or gold value");
        return {};
    }
    std::vector<bool> each;
    for (const nlohmann::json& value : submitted) {
        each.push_back(good(value));
    }
    if (options.votes == TrlVotes::EveryResponse) {
        return each;
    }
    if (question.kind == QuestionKind::Rating) {
        double mean = 0.0;
        for (const nlohmann::json& value : submitted) {
            mean += value.at("rating").get<double>() / static_cast<double>(submitted.size());
        }
        return {mean >= *options.ratingThreshold};
    }
    const auto yes = static_cast<std::size_t>(std::count(each.begin(), each.end(), true));
    if (yes * 2 == each.size()) {
        drops.add("records whose annotators are split evenly");
        return {};
    }
    return {yes * 2 > each.size()};
}

void checkKtoOptions(const Question& question, const TrlOptions& options)
{
    if (question.kind == QuestionKind::Rating && !options.ratingThreshold) {
        throw SettingError("kto_threshold", "a trl-kto export from rating question '" + question.name +
                                                "' needs a threshold: ratings at or above it are good");
    }
    if (question.kind == QuestionKind::Label || question.kind == QuestionKind::MultiLabel) {
        const auto names = question.labels.labelNames();
        if (options.goodLabel.empty() || std::find(names.begin(), names.end(), options.goodLabel) == names.end()) {
            std::string list;
            for (const auto& name : names) {
                list += (list.empty() ? "" : ", ") + name;
            }
            throw SettingError("kto_good_label", "a trl-kto export from label question '" + question.name +
                                                     "' needs the label that means good, one of: " + list);
        }
    }
}

} // namespace trl_rows

std::string toString(TrlFormat format)
{
    switch (format) {
    case TrlFormat::Preference:
        return "trl-preference";
    case TrlFormat::Sft:
        return "trl-sft";
    case TrlFormat::Kto:
        return "trl-kto";
    }
    return "trl";
}

TrlRows buildTrlRows(Project& project, const TrlOptions& options)
{
    const RecordSchema& schema = project.recordSchema();
    const Question& question = trl_rows::chooseQuestion(schema, options);
    const std::string promptField = trl_rows::promptFieldOf(schema, question, options);
    const bool judgesOne = question.kind == QuestionKind::Rating || question.kind == QuestionKind::Label ||
                           question.kind == QuestionKind::MultiLabel;
    std::string completionField;
    if (options.format == TrlFormat::Kto) {
        trl_rows::checkKtoOptions(question, options);
        if (judgesOne) {
            completionField = trl_rows::completionFieldOf(schema, promptField, options);
        }
    }
    const bool chatPrompt = schema.findField(promptField)->kind == FieldKind::Chat;
    const bool messages = options.format == TrlFormat::Sft &&
                          (options.sftForm == SftForm::Messages || (options.sftForm == SftForm::Auto && chatPrompt));
    // Messages carry the prompt as turns; otherwise a chat prompt makes the conversational form.
    const bool conversational = messages || chatPrompt;

    // The records' fields are read aside while the votes are read here.
    std::vector<std::string> needed{promptField};
    if (!completionField.empty()) {
        needed.push_back(completionField);
    }
    needed.insert(needed.end(), question.fields.begin(), question.fields.end());
    RecordFieldsAhead records(project, needed);

    TrlRows result;
    result.question = question.name;
    result.conversational = conversational;
    trl_rows::Drops drops(result.dropped);
    const TrlRecordFilter filter(project, question, options);
    const trl_rows::Votes votes = trl_rows::loadVotes(project, question.name, filter.distrustedAnnotators(), drops);
    static const trl_rows::AnswerList none;

    records.forEach([&](const Sample& sample, const RecordContent& record) {
        ++result.records;
        const std::string promptText = fieldText(record, promptField);
        if (promptText.empty()) {
            drops.add("records with an empty prompt");
            return;
        }
        nlohmann::ordered_json prompt = promptText;
        if (chatPrompt) {
            prompt = trl_rows::orderedMessages(record.fields.at(promptField));
        } else if (messages) {
            prompt = nlohmann::ordered_json::array({trl_rows::message("user", promptText)});
        }
        const auto goldIt = votes.gold.find(sample.key);
        const nlohmann::json* gold = goldIt == votes.gold.end() ? nullptr : &goldIt->second;
        const auto submittedIt = votes.submitted.find(sample.key);
        const auto& submitted = submittedIt == votes.submitted.end() ? none : submittedIt->second;
        const bool resolved = gold && options.votes == TrlVotes::GoldThenAggregate;
        const bool tie =
            (resolved && isTie(question, *gold)) ||
            (!resolved && std::any_of(submitted.begin(), submitted.end(),
                                      [&](const nlohmann::json& value) { return isTie(question, value); }));
        if (const char* rule = filter.dropReason(sample.key, resolved, tie)) {
            drops.add(rule);
            return;
        }
        const std::size_t before = result.rows.size();

        const auto addCompletion = [&](const std::string& text, std::optional<bool> label) {
            if (text.empty()) {
                drops.add("completions that are empty");
                return;
            }
            nlohmann::ordered_json row;
            if (messages) {
                nlohmann::ordered_json turns = prompt;
                turns.push_back(trl_rows::message("assistant", text));
                row["messages"] = std::move(turns);
            } else {
                row["prompt"] = prompt;
                row["completion"] = trl_rows::completionValue(conversational, text);
            }
            if (label) {
                row["label"] = *label;
            }
            result.rows.push_back(std::move(row));
            result.prompts.push_back(promptText);
        };

        if (question.kind == QuestionKind::Text) {
            for (const auto& text : trl_rows::textsOf(gold, submitted, options.votes, drops)) {
                addCompletion(text, std::nullopt);
            }
        } else if (judgesOne) {
            const std::string text = fieldText(record, completionField);
            for (bool label : trl_rows::ktoLabelsOf(question, options, gold, submitted, drops)) {
                addCompletion(text, label);
            }
        } else {
            std::set<std::pair<std::size_t, bool>> ktoSeen; // a field once per label per record
            for (const trl_rows::Judgement& judgement :
                 trl_rows::judgementsOf(question, gold, submitted, options.votes, drops)) {
                const RankingPairs rule =
                    options.format == TrlFormat::Preference ? options.rankingPairs : RankingPairs::BestVsWorst;
                for (const trl_rows::Pair& pair : trl_rows::pairsOf(question, judgement, rule, drops)) {
                    const std::string chosen = fieldText(record, question.fields[pair.chosen]);
                    const std::string rejected = fieldText(record, question.fields[pair.rejected]);
                    if (chosen.empty() || rejected.empty()) {
                        drops.add("pairs with an empty response");
                        continue;
                    }
                    if (chosen == rejected) {
                        drops.add("pairs of identical responses");
                        continue;
                    }
                    if (options.format == TrlFormat::Sft) {
                        if (ktoSeen.insert({pair.chosen, true}).second) {
                            addCompletion(chosen, std::nullopt);
                        }
                    } else if (options.format == TrlFormat::Kto) {
                        if (ktoSeen.insert({pair.chosen, true}).second) {
                            addCompletion(chosen, true);
                        }
                        if (ktoSeen.insert({pair.rejected, false}).second) {
                            addCompletion(rejected, false);
                        }
                    } else {
                        nlohmann::ordered_json row;
                        row["prompt"] = prompt;
                        row["chosen"] = trl_rows::completionValue(conversational, chosen);
                        row["rejected"] = trl_rows::completionValue(conversational, rejected);
                        if (options.margin) {
                            row["margin"] = pair.margin;
                        }
                        result.rows.push_back(std::move(row));
                        result.prompts.push_back(promptText);
                    }
                }
            }
        }
        if (result.rows.size() > before) {
            ++result.recordsUsed;
        }
    });
    checkTrlRows(result.rows);
    return result;
}

void checkTrlRows(const std::vector<nlohmann::ordered_json>& rows)
{
    std::optional<bool> conversational;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string where = "row " + std::to_string(i + 1);
        for (const char* column : {"prompt", "chosen", "rejected", "completion", "messages"}) {
            if (!rows[i].contains(column)) {
                continue;
            }
            const auto& value = rows[i][column];
            const bool isList = value.is_array();
            if (std::string(column) != "messages") {
                if (!conversational) {
                    conversational = isList;
                } else if (*conversational != isList) {
                    throw InputError(where + ": column '" + column + "' is " +
                                     (isList ? "a conversation" : "a string") + " but earlier rows are " +
                                     (isList ? "strings" : "conversations") + "; a file holds one form");
                }
            }
            if (value.is_string() ? value.get<std::string>().empty() : value.empty()) {
                throw InputError(where + ": column '" + std::string(column) + "' is empty");
            }
            if (isList) {
                for (const auto& message : value) {
                    if (!message.is_object() || !message.contains("role") || !message.contains("content") ||
                        !message["content"].is_string()) {
                        throw InputError(where + ": column '" + std::string(column) +
                                         "' holds a message without a role or content");
                    }
                }
            } else if (!value.is_string()) {
                throw InputError(where + ": column '" + std::string(column) + "' is neither a string nor a list");
            }
        }
    }
}

} // namespace concord
