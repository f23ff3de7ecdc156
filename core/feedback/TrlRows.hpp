// The rows of TRL's dataset formats (preference, SFT, KTO; TRL 1.x "Dataset formats and
// types") built from a project's fields and answers: which answers count (the reviewer's gold,
// else the annotators' aggregate, or every submitted response), how a ranking becomes pairs,
// and how many records or pairs each rule left out. docs/formats.md, "TRL exports".
#pragma once

#include "core/store/Project.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace concord {

enum class TrlFormat
{
    Preference, // {"prompt","chosen","rejected"} (+ "margin")
    Sft,        // {"messages"} or {"prompt","completion"}
    Kto         // {"prompt","completion","label"}
};

enum class TrlVotes
{
    GoldThenAggregate, // the gold value, else the majority (preference, label), mean rank or rating
    EveryResponse      // each submitted response on its own
};

enum class RankingPairs
{
    Every,      // every pair of fields ranked apart, the better one chosen
    BestVsWorst // the best-ranked fields against the worst-ranked
};

enum class SftForm
{
    Auto, // messages when the prompt is a chat, prompt/completion otherwise
    Messages,
    PromptCompletion
};

struct TrlOptions
{
    TrlFormat format = TrlFormat::Preference;
    std::string question;        // empty: the first question that fits the format
    std::string promptField;     // empty: `prompt` when there is one, else the first field not compared
    std::string completionField; // KTO from a rating or label: the response judged (empty: guessed)
    TrlVotes votes = TrlVotes::GoldThenAggregate;
    RankingPairs rankingPairs = RankingPairs::Every;
    bool margin = false; // preference: a `margin` column (strength, or the rank difference)
    SftForm sftForm = SftForm::Auto;
    std::optional<double> ratingThreshold; // KTO from a rating: label true at or above it
    std::string goodLabel;                 // KTO from a label question: label true when chosen
    // Records left out (TrlFilters.hpp): annotators' agreement on the question below this
    // (0..1; a record with a reviewer's gold value is kept when gold values are read), a tie in
    // any answer, what the preference checks flag (records, and the votes of flagged annotators).
    std::optional<double> minAgreement;
    bool withoutTies = false;
    bool withoutFlagged = false;
};

struct TrlRows
{
    std::vector<nlohmann::ordered_json> rows;
    std::vector<std::string> prompts; // each row's prompt text (for splits that keep a prompt together)
    std::string question;             // the question the rows come from
    std::size_t records = 0;          // records looked at
    std::size_t recordsUsed = 0;      // records that gave at least one row
    bool conversational = false;
    // What each rule left out, in the order first met: ("ties", 3), ...
    std::vector<std::pair<std::string, std::size_t>> dropped;
};

// Throws InputError naming what does not fit: no question of a usable kind, a missing prompt
// field, a KTO threshold or good label missing for its question's kind.
TrlRows buildTrlRows(Project& project, const TrlOptions& options);

// Each row holds non-empty prompt/chosen/rejected/completion values, and every row has the form
// (conversational or plain) of the first; throws InputError naming the row and the column.
void checkTrlRows(const std::vector<nlohmann::ordered_json>& rows);

std::string toString(TrlFormat format);

} // namespace concord
