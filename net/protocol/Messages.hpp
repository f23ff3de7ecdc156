// The typed messages of the sync protocol (docs/protocol.md). Client messages are requests
// (each but hello carries an `id` its reply repeats); server messages are replies, the
// unsolicited notice that new changes exist, and errors.
#pragma once

#include "core/model/RecordLimits.hpp"
#include "core/model/Records.hpp"
#include "core/model/Role.hpp"
#include "core/model/SyncRecords.hpp"
#include "net/protocol/ErrorCode.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace concord::net {

// The version this build speaks, and the oldest one its server still serves. Version 2 added
// fields and questions; a client of version 1 is served only on a project of one text field and
// one question (RecordSchema::isLegacy), where the two versions mean the same. Version 3 added
// the project's name to the hello, for a server that serves several projects of one store;
// versions 1 and 2 are served the server's one project, or the replica's by its id.
constexpr int kProtocolVersion = 3;
constexpr int kOldestProtocolVersion = 1;

// Limits a peer must keep to; larger requests are refused as bad messages.
constexpr std::size_t kMaxOpsPerPush = 1000;
constexpr int kMaxPageSize = 1000;
constexpr int kMaxNextCount = 100;
constexpr std::size_t kMaxNameBytes = limits::kNameBytes;
constexpr std::size_t kMaxIdBytes = limits::kIdBytes; // sample ids, operation ids, client ids
constexpr std::size_t kMaxNoteBytes = limits::kNoteBytes;

// ---- client to server ----

struct Hello
{
    int protocol = kProtocolVersion;
    std::string user;
    std::string token;
    std::string project;     // the project id a replica belongs to; empty when joining
    std::string client;      // the device's id
    std::string projectName; // version 3: the project to join, by name; empty: the server's one
};

struct Operation
{
    std::string opId; // made by the client, unique per user
    OperationKind kind = OperationKind::Annotate;
    std::string sampleId;
    // annotate, respond: the row's owner; suggest: the agent; resolve, schema: unused (the sender)
    std::string annotator;
    std::string question;   // annotate, resolve, suggest; empty: the first question
    nlohmann::json value;   // a JSON object, validated against the schema by the server
    std::string note;       // resolve only
    nlohmann::json context; // annotate: an AnswerContext, or null
    Stamp stamp;
};

struct Push
{
    std::int64_t id = 0;
    std::vector<Operation> ops;
};

struct Pull
{
    std::int64_t id = 0;
    std::int64_t after = 0;
    int limit = 500;
};

struct SamplesRequest
{
    std::int64_t id = 0;
    std::int64_t after = 0;
    int limit = 500;
};

struct NextRequest
{
    std::int64_t id = 0;
    int count = 10;
};

struct Ping
{
    std::int64_t id = 0;
};

using ClientMessage = std::variant<Hello, Push, Pull, SamplesRequest, NextRequest, Ping>;

// ---- server to client ----

struct ProjectInfo
{
    std::string id;
    std::string name;
    nlohmann::json schema;  // LabelSchema::toJson() of the first question (what version 1 reads)
    nlohmann::json records; // RecordSchema::toJson(); version 2
    std::uint64_t orderSeed = 0;
    int overlap = 1;
    bool blind = false;
    std::string guidelines;
};

// The settings a project's info carries, over `base` (what it does not carry stays: the text
// limit of a replica's own file). A replica made or welcomed by a server, and a project copied
// by migrate-store, take their settings this way.
inline ProjectSettings settingsFrom(const ProjectInfo& info, ProjectSettings base = {})
{
    base.name = info.name;
    base.overlap = info.overlap;
    base.blind = info.blind;
    base.guidelines = info.guidelines;
    return base;
}

struct Welcome
{
    int protocol = kProtocolVersion;
    std::string server; // "concord VERSION"
    std::string user;
    Role role = Role::Annotator;
    std::int64_t head = 0;
    ProjectInfo project;
    // Seconds of silence after which the server closes the session (0: not said), so that a
    // client that stays connected pings often enough.
    std::int64_t idleTimeoutSeconds = 0;
};

enum class OpStatus
{
    Applied,
    Duplicate,
    Rejected
};

struct OpResult
{
    std::string opId;
    OpStatus status = OpStatus::Applied;
    std::int64_t seq = 0;    // applied or duplicate: the operation's sequence number
    bool superseded = false; // applied, but a later version of the row stays current
    std::optional<ErrorCode> code;
    std::string reason;
    // Rejected: the server's current row, when the sender may read it (a JSON null: no row).
    // The replica puts it back in place of its refused edit.
    std::optional<nlohmann::json> current;
};

struct Ack
{
    std::int64_t id = 0;
    std::vector<OpResult> results;
    std::int64_t head = 0;
};

// A row the server could not send: larger than a frame, or nested or named past the protocol's
// limits (stored before those limits were checked where data enters). The cursor moves past it,
// so that the rest of the feed still flows; the client reports it. `check` on the server lists it.
struct SkippedRow
{
    std::string kind; // "annotation", "resolution", "response", "suggestion" or "sample"
    std::string sampleId;
    std::string annotator; // annotations only
    std::int64_t seq = 0;  // changes: the row's sequence number; samples: its key
    std::string reason;
};

struct Changes
{
    std::int64_t id = 0;
    std::vector<AnnotationChange> annotations;
    std::vector<ResolutionChange> resolutions;
    std::vector<ResponseChange> responses;
    std::vector<SuggestionChange> suggestions;
    std::optional<nlohmann::json> records; // the project's RecordSchema, when it changed after the cursor
    std::vector<SkippedRow> skipped;
    std::int64_t next = 0; // the cursor to ask from next time
    bool more = false;
    std::int64_t head = 0;
};

struct SamplePage
{
    std::int64_t id = 0;
    std::vector<Sample> samples; // key: the server's sample key, the cursor for the next page
    std::vector<SkippedRow> skipped;
    std::int64_t next = 0;
    bool more = false;
};

struct Assignment
{
    std::int64_t id = 0;
    std::vector<std::string> samples;
    std::int64_t expiresAt = 0;
    std::int64_t waiting = 0; // samples held by others' reservations; ask again later
};

struct Notice
{
    std::int64_t head = 0;
};

struct Pong
{
    std::int64_t id = 0;
};

struct ErrorReply
{
    std::optional<std::int64_t> id;
    ErrorCode code = ErrorCode::Internal;
    std::string message;
    bool fatal = false; // the server closes the connection after sending it
};

using ServerMessage = std::variant<Welcome, Ack, Changes, SamplePage, Assignment, Notice, Pong, ErrorReply>;

std::string_view toString(OpStatus status);

// An operation as it travels in a push, and as the server's log keeps it.
nlohmann::json operationToJson(const Operation& operation);

// Decoding throws ProtocolError naming the field at fault (with the request's id when it
// could be read); encoding produces the payload of one frame.
ClientMessage parseClientMessage(std::string_view payload);
std::string serialize(const ClientMessage& message);
ServerMessage parseServerMessage(std::string_view payload);
std::string serialize(const ServerMessage& message);

} // namespace concord::net
