// The error codes of the sync protocol, as they appear on the wire (docs/protocol.md lists
// each with its meaning). A code names a kind of problem; the accompanying message says what
// exactly went wrong, for a person to read.
#pragma once

#include <optional>
#include <string_view>

namespace concord::net {

enum class ErrorCode
{
    BadFrame,           // a frame's length is zero or it ended early
    FrameTooLarge,      // a frame's declared length exceeds the maximum
    BadJson,            // the payload is not a UTF-8 JSON object
    BadMessage,         // a field is missing, of the wrong type or out of range
    UnknownType,        // the message type is not known to this protocol version
    UnsupportedVersion, // the client's protocol version is not served here
    NotAuthenticated,   // a request before a successful hello
    AuthFailed,         // unknown user or wrong token
    Revoked,            // the user's token was revoked
    ProjectMismatch,    // the replica belongs to another project
    Forbidden,          // the user's role does not allow this
    UnknownSample,      // no sample with that id
    InvalidValue,       // the value does not fit the label schema
    ClockSkew,          // an operation stamped too far in the future
    Busy,               // the server holds as many connections as it allows
    Timeout,            // the peer was silent for too long
    RateLimited,        // the user sent more operations in a minute than the server allows
    Internal,           // a failure on the server's side (disk, database)
    Unavailable,        // the server's database cannot be reached for now (a PostgreSQL store)
    UnknownProject      // the hello names a project the server does not serve
};

std::string_view toString(ErrorCode code);
std::optional<ErrorCode> errorCodeFromString(std::string_view name);

} // namespace concord::net
