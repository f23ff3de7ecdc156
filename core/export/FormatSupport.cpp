#include "core/export/FormatSupport.hpp"

#include "core/io/BoundedJson.hpp"
#include "core/io/LineSource.hpp"
#include "core/model/RecordLimits.hpp"
#include "core/text/Utf8.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <tuple>

namespace concord::exporting::detail {

using nlohmann::json;

std::string Where::prefix() const
{
    std::string out = m_source;
    if (m_line > 0) {
        out += ":" + std::to_string(m_line);
    }
    if (!m_id.empty()) {
        out += " (record '" + m_id + "')";
    }
    return out;
}

void Where::fail(std::string_view field, const std::string& reason) const
{
    throw InputError(prefix() + ": field '" + std::string(field) + "': " + reason);
}

void Where::fail(const std::string& reason) const
{
    throw InputError(prefix() + ": " + reason);
}

std::string describeType(const json& value)
{
    if (value.is_number_integer()) {
        return "an integer";
    }
    if (value.is_number()) {
        return "a number";
    }
    const std::string name = value.type_name();
    const bool vowel = name[0] == 'a' || name[0] == 'o';
    return (vowel ? "an " : "a ") + name;
}

std::string joinPath(std::string_view path, std::string_view name)
{
    return path.empty() ? std::string(name) : std::string(path) + "." + std::string(name);
}

const json& requireField(const json& object, std::string_view name, const Where& where, std::string_view path)
{
    if (!object.is_object()) {
        where.fail(path.empty() ? std::string_view("record") : path,
                   "is " + describeType(object) + ", expected an object");
    }
    const auto found = object.find(std::string(name));
    if (found == object.end()) {
        where.fail(joinPath(path, name), "missing");
    }
    return *found;
}

std::string requireString(const json& object, std::string_view name, const Where& where, std::string_view path)
{
    const json& value = requireField(object, name, where, path);
    if (!value.is_string()) {
        where.fail(joinPath(path, name), "is " + describeType(value) + ", expected a string");
    }
    return value.get<std::string>();
}

std::int64_t requireInteger(const json& object, std::string_view name, const Where& where, std::string_view path)
{
    const json& value = requireField(object, name, where, path);
    if (!value.is_number_integer()) {
        where.fail(joinPath(path, name), "is " + describeType(value) + ", expected an integer");
    }
    return value.get<std::int64_t>();
}

std::string idFrom(const json& value, std::string_view field, const Where& where)
{
    if (value.is_number_integer()) {
        return value.dump();
    }
    if (!value.is_string()) {
        where.fail(field, "is " + describeType(value) + ", expected a string or an integer");
    }
    std::string id = value.get<std::string>();
    if (id.empty()) {
        where.fail(field, "is empty");
    }
    return id;
}

std::string labelFrom(const json& value, const ExportSchema& schema, std::string_view field, const Where& where)
{
    if (value.is_number_integer()) {
        const auto id = value.get<std::int64_t>();
        if (id < 0 || id >= static_cast<std::int64_t>(schema.labels.size())) {
            where.fail(field, "label id " + std::to_string(id) + " is not between 0 and " +
                                  std::to_string(static_cast<std::int64_t>(schema.labels.size()) - 1));
        }
        return schema.labels[static_cast<std::size_t>(id)];
    }
    if (!value.is_string()) {
        where.fail(field, "is " + describeType(value) + ", expected a label name");
    }
    std::string name = value.get<std::string>();
    if (std::find(schema.labels.begin(), schema.labels.end(), name) == schema.labels.end()) {
        std::string known;
        for (const auto& label : schema.labels) {
            known += (known.empty() ? "" : ", ") + label;
        }
        where.fail(field, "unknown label '" + name + "' (known: " + known + ")");
    }
    return name;
}

json labelOut(const std::string& name, const ExportSchema& schema, bool labelIds)
{
    if (!labelIds) {
        return name;
    }
    const auto found = std::find(schema.labels.begin(), schema.labels.end(), name);
    if (found == schema.labels.end()) {
        throw InputError("label '" + name + "' is not in the schema, so it has no id");
    }
    return static_cast<std::int64_t>(found - schema.labels.begin());
}

void checkOffsets(std::int64_t start, std::int64_t end, std::string_view text, std::string_view path,
                  const Where& where)
{
    const auto length = static_cast<std::int64_t>(utf8::codePointCount(text));
    if (start < 0 || start > length) {
        where.fail(joinPath(path, "start"), "offset " + std::to_string(start) + " is outside the text (" +
                                                std::to_string(length) + " characters)");
    }
    if (end <= start || end > length) {
        where.fail(joinPath(path, "end"), "offset " + std::to_string(end) + " must be after start " +
                                              std::to_string(start) + " and within the text (" +
                                              std::to_string(length) + " characters)");
    }
}

ExportSpan spanFrom(const json& object, std::string_view text, const ExportSchema& schema, std::string_view path,
                    const Where& where)
{
    ExportSpan span;
    span.start = requireInteger(object, "start", where, path);
    span.end = requireInteger(object, "end", where, path);
    span.label = labelFrom(requireField(object, "label", where, path), schema, joinPath(path, "label"), where);
    checkOffsets(span.start, span.end, text, path, where);
    return span;
}

json spansOut(const std::vector<ExportSpan>& spans)
{
    json out = json::array();
    for (const auto& span : spans) {
        out.push_back({{"start", span.start}, {"end", span.end}, {"label", span.label}});
    }
    return out;
}

void checkSpansFit(const ExportRecord& record)
{
    const auto length = static_cast<std::int64_t>(utf8::codePointCount(record.text));
    for (std::size_t i = 0; i < record.spans.size(); ++i) {
        const auto& span = record.spans[i];
        if (span.start < 0 || span.end <= span.start || span.end > length) {
            throw InputError("record '" + record.id + "': spans[" + std::to_string(i) + "] (" +
                             std::to_string(span.start) + ".." + std::to_string(span.end) +
                             ") does not fit its text of " + std::to_string(length) + " characters");
        }
    }
}

void sortSpans(std::vector<ExportSpan>& spans)
{
    std::sort(spans.begin(), spans.end(), [](const ExportSpan& a, const ExportSpan& b) {
        return std::tie(a.start, a.end, a.label) < std::tie(b.start, b.end, b.label);
    });
}

void sortLabels(std::vector<std::string>& labels, const ExportSchema& schema)
{
    const auto rank = [&](const std::string& name) {
        return std::find(schema.labels.begin(), schema.labels.end(), name) - schema.labels.begin();
    };
    std::stable_sort(labels.begin(), labels.end(),
                     [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
}

void forEachJsonLine(std::istream& input, const std::string& source,
                     const std::function<void(const json&, Where&)>& visit)
{
    io::LineSource lines(input);
    while (auto line = lines.next()) {
        if (io::isBlankLine(line->text)) {
            continue;
        }
        Where where(source, line->number);
        if (auto bad = io::invalidUtf8InLine(line->text)) {
            where.fail(*bad);
        }
        json object;
        try {
            object = io::parseBoundedJson(line->text, limits::kFileJsonDepth);
        } catch (const json::exception& error) { // also a number too large for a double
            where.fail(std::string("invalid JSON: ") + error.what());
        } catch (const InputError& error) { // nested too deep
            where.fail(error.what());
        }
        if (!object.is_object()) {
            where.fail("the line is " + describeType(object) + ", expected a JSON object");
        }
        visit(object, where);
    }
}

} // namespace concord::exporting::detail
