// The value of an answer to each kind of question, the status of an annotator's response to a
// record, and what an answer records about how it was given. docs/formats.md lists the forms.
#pragma once

#include "core/feedback/RecordContent.hpp"
#include "core/feedback/RecordSchema.hpp"
#include "core/model/SyncRecords.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace concord {

// Throws InputError naming what does not fit `question`: label, multi_label and spans take
// {"labels":[...]} / {"spans":[...]} as a one-question project does, rating {"rating":n},
// ranking {"ranking":{"field":rank,...}} (every compared field, ranks from 1, equal ranks for
// ties), preference {"preference":{"winner":"field","strength":1..}} or, on a scale with a tie,
// {"preference":{"winner":null,"strength":0}}, and text {"text":"..."} (not empty).
// `nameQuestion`: the message names the question (false for a project of one question).
void checkAnswer(const Question& question, const nlohmann::json& value, const RecordContent& record,
                 bool nameQuestion = true);

// The text a spans question marks, or a text question's prefill (the field it names).
std::string markedText(const Question& question, const RecordContent& record);

// An answer's value in the short forms a user types or a file holds ("good", ["a","b"], 4,
// "the corrected text", {"response_a":1,"response_b":2}), turned into the full form; a full
// form is returned as it is.
nlohmann::json answerFromShorthand(const Question& question, const nlohmann::json& shorthand);

// The required questions of `schema` that `given` (one annotator's answers to one record) leaves
// unanswered, in the schema's order.
std::vector<std::string> missingRequired(const RecordSchema& schema, const std::vector<AnnotationChange>& given);

enum class ResponseStatus
{
    Draft,     // saved, not yet given; seen by its annotator only
    Submitted, // every required question answered
    Discarded  // set aside, with an optional reason; counts as done, left out of agreement
};

std::string_view toString(ResponseStatus status);
// Throws InputError naming the statuses.
ResponseStatus responseStatusFromString(std::string_view name);

// What an answer records about how it was given: the order the compared fields were shown in,
// and whether a suggestion was shown (prefilled or after answering) and taken as suggested.
struct AnswerContext
{
    std::vector<std::string> order;
    std::string suggestionAgent; // empty: no suggestion was shown
    std::string suggestionShown; // "prefill" or "after"
    bool suggestionTaken = false;

    bool empty() const { return order.empty() && suggestionAgent.empty(); }
    nlohmann::json toJson() const;
    // Throws InputError on a malformed context.
    static AnswerContext fromJson(const nlohmann::json& json);
};

} // namespace concord
