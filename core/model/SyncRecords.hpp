// Plain rows of the store's sync tables, and the versioned forms of annotations and
// resolutions that travel between a server and its replicas.
#pragma once

#include "core/model/Role.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace concord {

// Which version of a row this is: its hybrid logical clock stamp and the device that made it.
struct Stamp
{
    std::int64_t hlc = 0;
    std::string client;
};

struct AnnotationChange
{
    std::int64_t sampleKey = 0; // local to one file; replicas refer to samples by id
    std::string sampleId;
    std::string annotator;
    std::string question;
    std::string value;
    std::string context; // JSON (AnswerContext) or empty
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    Stamp stamp;
    std::int64_t seq = 0;
};

struct ResolutionChange
{
    std::int64_t sampleKey = 0;
    std::string sampleId;
    std::string question;
    std::string value;
    std::string note;
    std::string author;
    std::int64_t updatedAt = 0;
    Stamp stamp;
    std::int64_t seq = 0;
};

// An annotator's status on a record: "draft", "submitted" or "discarded" (ResponseStatus).
struct ResponseChange
{
    std::int64_t sampleKey = 0;
    std::string sampleId;
    std::string annotator;
    std::string status;
    std::string reason;          // discarded: why, optional
    std::int64_t durationMs = 0; // time spent on the response
    std::int64_t updatedAt = 0;
    Stamp stamp;
    std::int64_t seq = 0;
};

// A model's or a rule's value for a question of a record.
struct SuggestionChange
{
    std::int64_t sampleKey = 0;
    std::string sampleId;
    std::string question;
    std::string agent;
    std::string value; // JSON, an answer of the question's kind
    std::optional<double> score;
    std::int64_t updatedAt = 0;
    std::int64_t seq = 0;
};

// A replica's link to its server; a project file without it is not a replica.
struct ReplicaInfo
{
    std::string server; // HOST:PORT
    std::string user;
    Role role = Role::Annotator;
    std::string token;
    std::string projectId;
    std::string clientId;          // this device, the tie-breaker between equal clock stamps
    std::string fingerprint;       // the server certificate's, pinned on first use
    std::int64_t cursor = 0;       // every visible change up to this sequence number is here
    std::int64_t sampleCursor = 0; // the server's sample keys up to this one are here
    std::int64_t hlc = 0;          // the last clock stamp made or seen
};

enum class OperationKind
{
    Annotate, // an answer to one question
    Resolve,  // a gold value for one question
    Respond,  // the status of an annotator's response to a record
    Suggest,  // a suggestion (admins)
    Schema    // the project's fields and questions (admins)
};

std::string_view toString(OperationKind kind);
// Throws InputError for an unknown kind.
OperationKind operationKindFromString(std::string_view name);

// A local edit not yet acknowledged by the server (or refused by it: `rejected` says why).
struct PendingOperation
{
    std::int64_t id = 0;
    std::string opId;
    OperationKind kind = OperationKind::Annotate;
    std::string sampleId;
    std::string annotator; // the annotation's or response's owner, or the resolution's author
    std::string question;  // annotate, resolve, suggest
    std::string value;     // JSON text
    std::string note;      // resolutions only
    std::string context;   // annotate: JSON (AnswerContext) or empty
    Stamp stamp;
    std::int64_t createdAt = 0;
    std::optional<std::string> rejected;
};

struct UserRecord
{
    std::string name;
    Role role = Role::Annotator;
    std::string salt; // hex
    std::string hash; // hex
    int iterations = 0;
    std::int64_t createdAt = 0;
    std::optional<std::int64_t> revokedAt;
};

} // namespace concord
