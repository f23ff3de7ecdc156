// The project's label schema: what kind of task it is, which labels exist, their colours and
// keys. Every annotation value passes through validate() before it is stored.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace concord {

enum class TaskKind
{
    Single, // exactly one label per sample
    Multi,  // any subset of the labels
    Spans,  // labelled character ranges (code points) of the text
    Rating  // an integer on an ordinal scale
};

std::string_view toString(TaskKind kind);
// Throws InputError naming the accepted kinds.
TaskKind taskKindFromString(std::string_view name);

struct Label
{
    std::string name;
    std::string color; // "#rrggbb"
    std::string key;   // one printable character, unique within the schema
};

class LabelSchema
{
public:
    TaskKind kind = TaskKind::Single;
    std::vector<Label> labels;
    int ratingMin = 1;
    int ratingMax = 5;
    bool allowOverlap = false; // spans only

    // Parses {"kind":..., "labels":[{"name","color","key"} or "name", ...], "rating":{"min","max"},
    // "allow_overlap":bool}. Missing colours and keys are filled in. Throws InputError naming
    // the field at fault.
    static LabelSchema fromJson(const nlohmann::json& json);
    nlohmann::json toJson() const;

    // Builds a schema from CLI-style flags: a kind and a comma-separated label list.
    static LabelSchema fromNames(TaskKind kind, const std::vector<std::string>& names);

    std::optional<std::size_t> indexOf(std::string_view name) const;
    std::vector<std::string> labelNames() const;

    // Throws InputError with a message naming the problem when `value` is not a valid
    // annotation for a sample whose text is `text`.
    void validate(const nlohmann::json& value, std::string_view text) const;

    // Turns the shorthand found in imported files into a value: a label name, a list of
    // names, a number (a rating, or a label named by that number) or a full value object.
    nlohmann::json valueFromShorthand(const nlohmann::json& shorthand) const;

private:
    void checkLabels() const;
    void validateLabels(const nlohmann::json& value) const;
    void validateSpans(const nlohmann::json& value, std::string_view text) const;
    void validateRating(const nlohmann::json& value) const;
    std::string knownLabels() const;
};

} // namespace concord
