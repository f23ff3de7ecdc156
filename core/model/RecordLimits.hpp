// The largest rows a project stores. A row travels to every replica inside one sync frame, so a
// text, its metadata or a value larger than a frame (or metadata nested past what a frame may
// nest) would stop every later sync for everyone allowed to see it. The limits are checked
// where data enters (import, label, push); `check` lists rows stored before they existed.
// Sizes are measured as the row's JSON encoding, since a control character grows sixfold there.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace concord {

namespace limits {

// One message on the wire, header excluded (docs/protocol.md). net's frame limit is this one.
constexpr std::size_t kFrameBytes = 4u * 1024u * 1024u;
// Arrays and objects a message may nest; net's parser refuses deeper ones.
constexpr int kMessageDepth = 32;
// What the samples page puts around a sample's metadata: the message, its samples array and
// the sample object (the metadata object itself is the fourth level of the message).
constexpr int kSampleEnvelopeDepth = 3;

constexpr std::size_t kDefaultTextBytes = 1024u * 1024u;
// The most a project may allow: the largest text with the largest metadata and the page's
// envelope still fits a frame.
constexpr std::size_t kMaxTextBytes = 3u * 1024u * 1024u;
constexpr std::size_t kMetadataBytes = 256u * 1024u;
constexpr int kMetadataDepth = kMessageDepth - kSampleEnvelopeDepth;
constexpr std::size_t kValueBytes = 1024u * 1024u;
// Sample ids travel in every operation on the sample; net refuses longer ones, and longer
// annotator names and notes likewise.
constexpr std::size_t kIdBytes = 1024;
constexpr std::size_t kNameBytes = 128;
constexpr std::size_t kNoteBytes = 64u * 1024u;
// What a change row puts around its value: the message, its rows array and the row object.
constexpr int kRowEnvelopeDepth = 3;
constexpr int kValueDepth = kMessageDepth - kRowEnvelopeDepth;
// The guidelines travel in every welcome message, beside the schema.
constexpr std::size_t kGuidelinesBytes = 512u * 1024u;
// Nesting allowed in any JSON read from a file, checked before the parser walks it: deep
// enough for every format we read, shallow enough that no walk can exhaust the stack.
constexpr int kFileJsonDepth = 64;

static_assert(kMaxTextBytes + kMetadataBytes + 64u * 1024u < kFrameBytes, "a sample page must fit a frame");
static_assert(kValueBytes + 64u * 1024u < kFrameBytes, "a change must fit a frame");

} // namespace limits

struct RecordLimits
{
    std::size_t textBytes = limits::kDefaultTextBytes;
    std::size_t metadataBytes = limits::kMetadataBytes;
    int metadataDepth = limits::kMetadataDepth;
    std::size_t valueBytes = limits::kValueBytes;
    std::size_t idBytes = limits::kIdBytes;
    int fileJsonDepth = limits::kFileJsonDepth;
};

// Bytes `text` takes as a JSON string (without the quotes): escapes counted as written.
std::size_t jsonEncodedSize(std::string_view text);
// Nesting of arrays and objects in `value` (a scalar is 0, [] is 1), without recursion.
int jsonDepth(const nlohmann::json& value);

// Each throws InputError saying what is too large, by how much, and which limit it passed.
void checkTextSize(std::string_view text, const RecordLimits& limits);
void checkMetadata(const nlohmann::json& metadata, std::string_view encoded, const RecordLimits& limits);
void checkValueSize(std::string_view encoded, const RecordLimits& limits);
// `what` names the name ("the annotator's name").
void checkNameSize(std::string_view name, const std::string& what);
void checkNoteSize(std::string_view note);

// The same as a description (for `check`, over stored rows), nullopt when within the limits.
std::optional<std::string> textOverLimit(std::string_view text, const RecordLimits& limits);
std::optional<std::string> metadataOverLimit(const nlohmann::json& metadata, std::size_t encodedBytes,
                                             const RecordLimits& limits);
std::optional<std::string> valueOverLimit(std::size_t encodedBytes, const RecordLimits& limits);

} // namespace concord
