#include "core/model/LabelSchema.hpp"

#include "core/model/RecordLimits.hpp"
#include "core/text/Utf8.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <limits>
#include <set>

namespace concord {

namespace {

// A palette that stays distinguishable for common colour-vision deficiencies (Okabe–Ito,
// then a few darker tones).
constexpr std::array<const char*, 10> kPalette = {"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00",
                                                  "#56b4e9", "#f0e442", "#000000", "#8c564b", "#7f7f7f"};

// Default keys: digits first, then the home-row-friendly letters.
constexpr std::string_view kDefaultKeys = "123456789qwertyuiopasdfghjklzxcvbnm";

bool isHexColor(std::string_view color)
{
    if (color.size() != 7 || color[0] != '#') {
        return false;
    }
    return std::all_of(color.begin() + 1, color.end(),
                       [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

std::string typeName(const nlohmann::json& value)
{
    return value.type_name();
}

// "field 'x'": the first field of `object` not among `known`. Unknown fields are refused rather
// than kept, since they would travel to every replica unchecked.
std::string unexpectedField(const nlohmann::json& object, std::initializer_list<std::string_view> known)
{
    for (const auto& [name, ignored] : object.items()) {
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            return "field '" + name.substr(0, 64) + (name.size() > 64 ? "...'" : "'");
        }
    }
    return "no other field";
}

} // namespace

std::string_view toString(TaskKind kind)
{
    switch (kind) {
    case TaskKind::Single:
        return "single";
    case TaskKind::Multi:
        return "multi";
    case TaskKind::Spans:
        return "spans";
    case TaskKind::Rating:
        return "rating";
    }
    return "single";
}

TaskKind taskKindFromString(std::string_view name)
{
    for (TaskKind kind : {TaskKind::Single, TaskKind::Multi, TaskKind::Spans, TaskKind::Rating}) {
        if (toString(kind) == name) {
            return kind;
        }
    }
    throw InputError("unknown task kind '" + std::string(name) + "' (expected single, multi, spans or rating)");
}

LabelSchema LabelSchema::fromJson(const nlohmann::json& json)
{
    if (!json.is_object()) {
        throw InputError("schema: expected a JSON object, found " + typeName(json));
    }
    LabelSchema schema;
    if (!json.contains("kind") || !json["kind"].is_string()) {
        throw InputError("schema: field 'kind' must be a string (single, multi, spans or rating)");
    }
    schema.kind = taskKindFromString(json["kind"].get<std::string>());

    if (json.contains("labels")) {
        const auto& labels = json["labels"];
        if (!labels.is_array()) {
            throw InputError("schema: field 'labels' must be an array, found " + typeName(labels));
        }
        for (std::size_t i = 0; i < labels.size(); ++i) {
            const auto& entry = labels[i];
            const std::string where = "schema: labels[" + std::to_string(i) + "]";
            Label label;
            if (entry.is_string()) {
                label.name = entry.get<std::string>();
            } else if (entry.is_object()) {
                if (!entry.contains("name") || !entry["name"].is_string()) {
                    throw InputError(where + ": field 'name' must be a string");
                }
                label.name = entry["name"].get<std::string>();
                for (const char* field : {"color", "key"}) {
                    if (entry.contains(field) && !entry[field].is_string()) {
                        throw InputError(where + ": field '" + field + "' must be a string");
                    }
                }
                label.color = entry.value("color", "");
                label.key = entry.value("key", "");
            } else {
                throw InputError(where + ": expected a name or an object, found " + typeName(entry));
            }
            schema.labels.push_back(std::move(label));
        }
    }
    if (json.contains("rating")) {
        const auto& rating = json["rating"];
        if (!rating.is_object() || !rating.value("min", nlohmann::json()).is_number_integer() ||
            !rating.value("max", nlohmann::json()).is_number_integer()) {
            throw InputError("schema: field 'rating' must be an object with integer 'min' and 'max'");
        }
        for (const char* bound : {"min", "max"}) {
            // Read wide and checked, so that 4294967297 is refused rather than wrapped to 1.
            const auto& number = rating[bound];
            if (number.is_number_unsigned() ? number.get<std::uint64_t>() > 1'000'000'000u
                                            : std::abs(number.get<std::int64_t>()) > 1'000'000'000) {
                throw InputError(std::string("schema: rating '") + bound + "' must be within -1000000000..1000000000");
            }
        }
        schema.ratingMin = rating["min"].get<int>();
        schema.ratingMax = rating["max"].get<int>();
    }
    if (json.contains("allow_overlap")) {
        if (!json["allow_overlap"].is_boolean()) {
            throw InputError("schema: field 'allow_overlap' must be true or false");
        }
        schema.allowOverlap = json["allow_overlap"].get<bool>();
    }

    // Fill in colours and keys that were left out, avoiding keys already taken.
    std::set<std::string> taken;
    for (const auto& label : schema.labels) {
        if (!label.key.empty()) {
            taken.insert(label.key);
        }
    }
    std::size_t nextKey = 0;
    for (std::size_t i = 0; i < schema.labels.size(); ++i) {
        auto& label = schema.labels[i];
        if (label.color.empty()) {
            label.color = kPalette[i % kPalette.size()];
        }
        if (label.key.empty()) {
            while (nextKey < kDefaultKeys.size() && taken.count(std::string(1, kDefaultKeys[nextKey])) != 0) {
                ++nextKey;
            }
            if (nextKey < kDefaultKeys.size()) {
                label.key = std::string(1, kDefaultKeys[nextKey]);
                taken.insert(label.key);
            }
        }
    }
    schema.checkLabels();
    return schema;
}

LabelSchema LabelSchema::fromNames(TaskKind kind, const std::vector<std::string>& names)
{
    nlohmann::json json = {{"kind", std::string(toString(kind))}, {"labels", names}};
    return fromJson(json);
}

void LabelSchema::checkLabels() const
{
    if (kind != TaskKind::Rating && labels.empty()) {
        throw InputError("schema: a " + std::string(toString(kind)) + " task needs at least one label");
    }
    if (kind == TaskKind::Rating && ratingMin >= ratingMax) {
        throw InputError("schema: rating scale needs min < max, found min " + std::to_string(ratingMin) + " and max " +
                         std::to_string(ratingMax));
    }
    std::set<std::string> names;
    std::set<std::string> keys;
    for (const auto& label : labels) {
        if (label.name.empty()) {
            throw InputError("schema: a label has an empty name");
        }
        if (!utf8::isValid(label.name)) {
            throw InputError("schema: a label name is not valid UTF-8");
        }
        if (!names.insert(label.name).second) {
            throw InputError("schema: label '" + label.name + "' appears twice");
        }
        if (!isHexColor(label.color)) {
            throw InputError("schema: label '" + label.name + "' has colour '" + label.color + "'; expected #rrggbb");
        }
        if (!label.key.empty()) {
            if (utf8::codePointCount(label.key) != 1) {
                throw InputError("schema: label '" + label.name + "' has key '" + label.key +
                                 "'; a key is one character");
            }
            if (!keys.insert(label.key).second) {
                throw InputError("schema: key '" + label.key + "' is given to two labels");
            }
        }
    }
}

nlohmann::json LabelSchema::toJson() const
{
    nlohmann::json json;
    json["kind"] = std::string(toString(kind));
    json["labels"] = nlohmann::json::array();
    for (const auto& label : labels) {
        json["labels"].push_back({{"name", label.name}, {"color", label.color}, {"key", label.key}});
    }
    if (kind == TaskKind::Rating) {
        json["rating"] = {{"min", ratingMin}, {"max", ratingMax}};
    }
    if (kind == TaskKind::Spans) {
        json["allow_overlap"] = allowOverlap;
    }
    return json;
}

std::optional<std::size_t> LabelSchema::indexOf(std::string_view name) const
{
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i].name == name) {
            return i;
        }
    }
    return std::nullopt;
}

std::vector<std::string> LabelSchema::labelNames() const
{
    std::vector<std::string> names;
    names.reserve(labels.size());
    for (const auto& label : labels) {
        names.push_back(label.name);
    }
    return names;
}

std::string LabelSchema::knownLabels() const
{
    std::string list;
    for (const auto& label : labels) {
        list += list.empty() ? "" : ", ";
        list += label.name;
    }
    return list;
}

void LabelSchema::validate(const nlohmann::json& value, std::string_view text) const
{
    if (!value.is_object()) {
        throw InputError("annotation value must be a JSON object, found " + typeName(value));
    }
    switch (kind) {
    case TaskKind::Single:
    case TaskKind::Multi:
        validateLabels(value);
        break;
    case TaskKind::Spans:
        validateSpans(value, text);
        break;
    case TaskKind::Rating:
        validateRating(value);
        break;
    }
}

void LabelSchema::validateLabels(const nlohmann::json& value) const
{
    if (!value.contains("labels") || !value["labels"].is_array()) {
        throw InputError(std::string("a ") + std::string(toString(kind)) +
                         "-label value needs field 'labels' as an array, as in {\"labels\":[\"name\"]}");
    }
    const auto& list = value["labels"];
    if (kind == TaskKind::Single && list.size() != 1) {
        throw InputError("a single-label value has exactly one label, found " + std::to_string(list.size()));
    }
    std::set<std::string> seen;
    for (const auto& entry : list) {
        if (!entry.is_string()) {
            throw InputError("labels must be strings, found " + typeName(entry));
        }
        const auto& name = entry.get_ref<const std::string&>();
        if (!indexOf(name)) {
            throw InputError("unknown label '" + name + "' (the schema has: " + knownLabels() + ")");
        }
        if (!seen.insert(name).second) {
            throw InputError("label '" + name + "' is given twice");
        }
    }
    if (value.size() != 1) {
        throw InputError("a label value has only the field 'labels', found " + unexpectedField(value, {"labels"}));
    }
}

void LabelSchema::validateSpans(const nlohmann::json& value, std::string_view text) const
{
    if (!value.contains("spans") || !value["spans"].is_array()) {
        throw InputError("a span value needs field 'spans' as an array, as in "
                         "{\"spans\":[{\"start\":0,\"end\":4,\"label\":\"name\"}]}");
    }
    if (value.size() != 1) {
        throw InputError("a span value has only the field 'spans', found " + unexpectedField(value, {"spans"}));
    }
    const std::size_t length = utf8::codePointCount(text);
    struct Range
    {
        std::int64_t start, end;
        std::size_t index;
    };
    std::vector<Range> ranges;
    const auto& spans = value["spans"];
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const auto& span = spans[i];
        const std::string where = "span " + std::to_string(i + 1);
        if (!span.is_object()) {
            throw InputError(where + ": expected an object with start, end and label, found " + typeName(span));
        }
        for (const char* field : {"start", "end"}) {
            if (!span.contains(field)) {
                throw InputError(where + ": field '" + field + "' is missing");
            }
            if (!span[field].is_number_integer()) {
                // A fractional offset cannot name a code point boundary.
                throw InputError(where + ": field '" + field + "' must be an integer code point offset, found " +
                                 span[field].dump());
            }
        }
        if (!span.contains("label") || !span["label"].is_string()) {
            throw InputError(where + ": field 'label' must be a label name");
        }
        if (span.size() != 3) {
            throw InputError(where + ": " + unexpectedField(span, {"start", "end", "label"}) +
                             "; a span has only start, end and label");
        }
        const auto start = span["start"].get<std::int64_t>();
        const auto end = span["end"].get<std::int64_t>();
        const auto& label = span["label"].get_ref<const std::string&>();
        if (!indexOf(label)) {
            throw InputError(where + ": unknown label '" + label + "' (the schema has: " + knownLabels() + ")");
        }
        if (start < 0 || end > static_cast<std::int64_t>(length)) {
            throw InputError(where + " [" + std::to_string(start) + ", " + std::to_string(end) +
                             ") is out of range: the text has " + std::to_string(length) + " code points");
        }
        if (start >= end) {
            throw InputError(where + ": start " + std::to_string(start) + " must be before end " + std::to_string(end));
        }
        ranges.push_back({start, end, i + 1});
    }
    if (const auto size = value.dump().size(); size > limits::kValueBytes) {
        throw InputError(*valueOverLimit(size, RecordLimits{}));
    }
    if (!allowOverlap) {
        std::sort(ranges.begin(), ranges.end(), [](const Range& a, const Range& b) { return a.start < b.start; });
        for (std::size_t i = 1; i < ranges.size(); ++i) {
            if (ranges[i].start < ranges[i - 1].end) {
                throw InputError("spans " + std::to_string(ranges[i - 1].index) + " and " +
                                 std::to_string(ranges[i].index) +
                                 " overlap, and this schema does not allow overlapping spans");
            }
        }
    }
}

void LabelSchema::validateRating(const nlohmann::json& value) const
{
    if (!value.contains("rating") || !value["rating"].is_number_integer()) {
        throw InputError("a rating value needs an integer field 'rating', as in {\"rating\":3}");
    }
    if (value.size() != 1) {
        throw InputError("a rating value has only the field 'rating', found " + unexpectedField(value, {"rating"}));
    }
    if (value["rating"].is_number_unsigned() &&
        value["rating"].get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        throw InputError("rating " + value["rating"].dump() + " is off the scale " + std::to_string(ratingMin) + ".." +
                         std::to_string(ratingMax));
    }
    const auto rating = value["rating"].get<std::int64_t>();
    if (rating < ratingMin || rating > ratingMax) {
        throw InputError("rating " + std::to_string(rating) + " is off the scale " + std::to_string(ratingMin) + ".." +
                         std::to_string(ratingMax));
    }
}

nlohmann::json LabelSchema::valueFromShorthand(const nlohmann::json& shorthand) const
{
    if (shorthand.is_object()) {
        return shorthand;
    }
    switch (kind) {
    case TaskKind::Rating:
        if (shorthand.is_string()) {
            // A rating written as text, as CSV files hold every value.
            try {
                std::size_t used = 0;
                const std::string& text = shorthand.get_ref<const std::string&>();
                const long long number = std::stoll(text, &used);
                if (used == text.size()) {
                    return {{"rating", number}};
                }
            } catch (const std::exception&) {
            }
            throw InputError("rating '" + shorthand.get<std::string>() + "' is not an integer");
        }
        return {{"rating", shorthand}};
    case TaskKind::Spans:
        return {{"spans", shorthand}};
    case TaskKind::Single:
    case TaskKind::Multi:
        if (shorthand.is_array()) {
            return {{"labels", shorthand}};
        }
        if (shorthand.is_number_integer()) {
            return {{"labels", {std::to_string(shorthand.get<std::int64_t>())}}};
        }
        if (kind == TaskKind::Multi && shorthand.is_string()) {
            // "a;b" or "a,b" in a CSV cell: several labels.
            std::vector<std::string> names;
            std::string current;
            for (char c : shorthand.get<std::string>()) {
                if (c == ';' || c == ',') {
                    names.push_back(current);
                    current.clear();
                } else {
                    current += c;
                }
            }
            names.push_back(current);
            return {{"labels", names}};
        }
        return {{"labels", {shorthand}}};
    }
    return shorthand;
}

} // namespace concord
