#include "core/feedback/SchemaChange.hpp"

#include "core/util/Error.hpp"

namespace concord {

namespace {

void checkAnsweredQuestion(const Question& before, const Question& after)
{
    const std::string where = "question '" + before.name + "' has answers; ";
    if (before.kind != after.kind) {
        throw InputError(where + "its kind cannot change from " + std::string(toString(before.kind)) + " to " +
                         std::string(toString(after.kind)) + " (export first, then make a new project)");
    }
    for (const auto& label : before.labels.labels) {
        if (!after.labels.indexOf(label.name)) {
            throw InputError(where + "label '" + label.name +
                             "' cannot be removed or renamed (export first, then make a new project)");
        }
    }
    if (before.kind == QuestionKind::Rating &&
        (after.labels.ratingMin > before.labels.ratingMin || after.labels.ratingMax < before.labels.ratingMax)) {
        throw InputError(where + "its scale " + std::to_string(before.labels.ratingMin) + ".." +
                         std::to_string(before.labels.ratingMax) + " may be widened, not narrowed");
    }
    if (before.labels.allowOverlap && !after.labels.allowOverlap) {
        throw InputError(where + "overlapping spans cannot be forbidden once allowed");
    }
    if (before.fields != after.fields || before.points != after.points ||
        (before.kind == QuestionKind::Spans && before.field != after.field)) {
        throw InputError(where + "the fields it compares or marks and its scale cannot change");
    }
}

} // namespace

void checkSchemaChange(const RecordSchema& before, const RecordSchema& after, const SchemaUsage& usage)
{
    if (after.primary().name != before.primary().name) {
        throw InputError("the first question, '" + before.primary().name +
                         "', stays first: single-question screens and statistics read it");
    }
    for (const auto& question : before.questions) {
        const Question* kept = after.findQuestion(question.name);
        const bool answered = usage.answered && usage.answered(question.name);
        if (!kept) {
            if (answered) {
                throw InputError("question '" + question.name +
                                 "' has answers and cannot be removed or renamed (export first)");
            }
            continue;
        }
        if (answered) {
            checkAnsweredQuestion(question, *kept);
        }
    }
    if (!usage.hasRecords) {
        return;
    }
    for (const auto& field : before.fields) {
        const Field* kept = after.findField(field.name);
        if (!kept) {
            throw InputError("field '" + field.name +
                             "' holds the records' data and cannot be removed or renamed (export first)");
        }
        if (kept->kind != field.kind) {
            throw InputError("field '" + field.name + "' holds data; its kind cannot change from " +
                             std::string(toString(field.kind)) + " to " + std::string(toString(kept->kind)));
        }
        if (kept->required && !field.required) {
            throw InputError("field '" + field.name + "' cannot become required: records without it exist");
        }
    }
    for (const auto& field : after.fields) {
        if (field.required && !before.findField(field.name)) {
            throw InputError("a new field '" + field.name +
                             "' cannot be required: the records already imported lack it (add it with "
                             "\"required\": false)");
        }
    }
}

} // namespace concord
