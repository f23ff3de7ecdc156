// Applies one pushed operation on the server, enforcing the rules of docs/protocol.md in
// order: a repeated operation id is acknowledged as a duplicate; the sample must exist; the
// role must allow the write (an annotator writes only their own rows and never a resolution,
// a suggestion or the schema); the stamp may not be far in the future; the value must fit its
// question. An accepted operation
// takes the next sequence number; it becomes the row's current version when its hybrid
// logical clock (then client id) is later than the current one's, and otherwise goes to the
// history only, so that nothing is silently dropped.
#pragma once

#include "core/feedback/RecordContent.hpp"
#include "net/protocol/Messages.hpp"
#include "net/server/Identity.hpp"
#include "net/server/ServerStore.hpp"

#include <algorithm>
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
    explicit OperationApplier(ServerStore& server) : m_server(server) {}

    // Must run inside a transaction. `blind` is the project's blind mode.
    OpResult apply(const Identity& who, const Operation& operation, bool blind);
    // Records that a client may have been told of every change up to `head` (a pull was served,
    // or a batch began on committed rows). A draft's answers above it were never passed by any
    // cursor, so releasing them needs no new sequence numbers.
    void noteDelivered(std::int64_t head) { m_deliveredHead = std::max(m_deliveredHead, head); }

private:
    OpResult applyAnnotation(const Identity& who, const Operation& operation, const Sample& sample, bool blind);
    OpResult applyResolution(const Identity& who, const Operation& operation, const Sample& sample, bool blind);
    OpResult applyResponse(const Identity& who, const Operation& operation, const Sample& sample, bool blind);
    OpResult applySuggestion(const Identity& who, const Operation& operation, const Sample& sample);
    OpResult applySchema(const Identity& who, const Operation& operation);
    OpResult rejected(const Operation& operation, ErrorCode code, std::string reason);
    OpResult accepted(const Operation& operation, std::int64_t seq, bool superseded);
    std::optional<std::pair<ErrorCode, std::string>> stampProblem(const Operation& operation) const;
    // The record's fields a check of the answer needs: loaded for spans, none otherwise.
    RecordContent recordFor(const Sample& sample, const Question& question) const;
    // The operation's question (the first one when it names none); throws SettingError.
    const Question& questionOf(const Operation& operation) const;
    // The checks both kinds share after their role check: a stamp too far ahead, a value the
    // schema refuses. The refusal's code and reason, or nothing.
    std::optional<std::pair<ErrorCode, std::string>> stampOrValueProblem(const Operation& operation,
                                                                         const Sample& sample) const;

    ServerStore& m_server;
    std::int64_t m_deliveredHead = 0;
};

// The operation as JSON, as the log keeps it.
nlohmann::json toJson(const Operation& operation);

} // namespace concord::net
