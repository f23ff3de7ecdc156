// Applies one pushed operation on the server, enforcing the rules of docs/protocol.md in
// order: a repeated operation id is acknowledged as a duplicate; the sample must exist; the
// role must allow the write (an annotator writes only their own row and never a resolution);
// the stamp may not be far in the future; the value must fit the schema. An accepted operation
// takes the next sequence number; it becomes the row's current version when its hybrid
// logical clock (then client id) is later than the current one's, and otherwise goes to the
// history only, so that nothing is silently dropped.
#pragma once

#include "net/protocol/Messages.hpp"
#include "net/server/Identity.hpp"
#include "net/server/ServerProject.hpp"

#include <optional>
#include <string>
#include <utility>

namespace concord::net {

// How far ahead of the server's clock a stamp may be before it is refused: a device whose
// clock runs a day fast would otherwise win every conflict for a day.
constexpr std::int64_t kMaxClockSkewMs = 24LL * 60 * 60 * 1000;

class OperationApplier
{
public:
    explicit OperationApplier(ServerProject& server) : m_server(server) {}

    // Must run inside a transaction. `blind` is the project's blind mode.
    OpResult apply(const Identity& who, const Operation& operation, bool blind);

private:
    OpResult applyAnnotation(const Identity& who, const Operation& operation, const Sample& sample, bool blind);
    OpResult applyResolution(const Identity& who, const Operation& operation, const Sample& sample, bool blind);
    OpResult rejected(const Operation& operation, ErrorCode code, std::string reason);
    // The checks both kinds share after their role check: a stamp too far ahead, a value the
    // schema refuses. The refusal's code and reason, or nothing.
    std::optional<std::pair<ErrorCode, std::string>> stampOrValueProblem(const Operation& operation,
                                                                         const Sample& sample) const;

    ServerProject& m_server;
};

// The operation as JSON, as the log keeps it.
nlohmann::json toJson(const Operation& operation);

} // namespace concord::net
