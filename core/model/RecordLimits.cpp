#include "core/model/RecordLimits.hpp"

#include "core/util/Error.hpp"

#include <utility>
#include <vector>

namespace concord {

std::size_t jsonEncodedSize(std::string_view text)
{
    std::size_t size = 0;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == '"' || byte == '\\' || byte == '\n' || byte == '\t' || byte == '\r' || byte == '\b' ||
            byte == '\f') {
            size += 2;
        } else if (byte < 0x20) {
            size += 6; // \u00XX
        } else {
            size += 1;
        }
    }
    return size;
}

int jsonDepth(const nlohmann::json& value)
{
    int deepest = 0;
    std::vector<std::pair<const nlohmann::json*, int>> pending{{&value, 0}};
    while (!pending.empty()) {
        const auto [node, above] = pending.back();
        pending.pop_back();
        if (!node->is_structured()) {
            continue;
        }
        const int depth = above + 1;
        deepest = std::max(deepest, depth);
        for (const auto& child : *node) {
            if (child.is_structured()) {
                pending.emplace_back(&child, depth);
            }
        }
    }
    return deepest;
}

std::optional<std::string> textOverLimit(std::string_view text, const RecordLimits& limits)
{
    // The quick bound first: the encoding is never shorter than the text.
    if (text.size() <= limits.textBytes / 6) {
        return std::nullopt;
    }
    const std::size_t size = jsonEncodedSize(text);
    if (size <= limits.textBytes) {
        return std::nullopt;
    }
    return "the text takes " + std::to_string(size) + " bytes as JSON, more than the project's limit of " +
           std::to_string(limits.textBytes) + " bytes (setting max_text_bytes)";
}

std::optional<std::string> metadataOverLimit(const nlohmann::json& metadata, std::size_t encodedBytes,
                                             const RecordLimits& limits)
{
    if (encodedBytes > limits.metadataBytes) {
        return "the metadata takes " + std::to_string(encodedBytes) + " bytes as JSON, more than the limit of " +
               std::to_string(limits.metadataBytes) + " bytes";
    }
    if (const int depth = jsonDepth(metadata); depth > limits.metadataDepth) {
        return "the metadata nests " + std::to_string(depth) + " levels deep, more than the limit of " +
               std::to_string(limits.metadataDepth) + " that sync can carry";
    }
    return std::nullopt;
}

std::optional<std::string> valueOverLimit(std::size_t encodedBytes, const RecordLimits& limits)
{
    if (encodedBytes <= limits.valueBytes) {
        return std::nullopt;
    }
    return "the value takes " + std::to_string(encodedBytes) + " bytes as JSON, more than the limit of " +
           std::to_string(limits.valueBytes) + " bytes";
}

void checkTextSize(std::string_view text, const RecordLimits& limits)
{
    if (auto problem = textOverLimit(text, limits)) {
        throw InputError(*problem);
    }
}

void checkMetadata(const nlohmann::json& metadata, std::string_view encoded, const RecordLimits& limits)
{
    if (auto problem = metadataOverLimit(metadata, encoded.size(), limits)) {
        throw InputError(*problem);
    }
}

void checkValueSize(std::string_view encoded, const RecordLimits& limits)
{
    if (auto problem = valueOverLimit(encoded.size(), limits)) {
        throw InputError(*problem);
    }
}

void checkNameSize(std::string_view name, const std::string& what)
{
    if (name.size() > limits::kNameBytes) {
        throw InputError(what + " has " + std::to_string(name.size()) + " bytes, more than the limit of " +
                         std::to_string(limits::kNameBytes));
    }
}

void checkNoteSize(std::string_view note)
{
    if (note.size() > limits::kNoteBytes) {
        throw InputError("the note has " + std::to_string(note.size()) + " bytes, more than the limit of " +
                         std::to_string(limits::kNoteBytes));
    }
}

} // namespace concord
