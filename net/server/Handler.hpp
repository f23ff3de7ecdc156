// Message handling apart from sockets: a decoded client message and the session's identity go
// in, replies come out (as in Asio's HTTP server example's request_handler). Every rule of the
// protocol is enforced here (authentication, roles re-read on every message, idempotency,
// conflicts, blind mode), so that tests exercise it directly and the socket layer stays thin.
#pragma once

#include "net/auth/Accounts.hpp"
#include "net/protocol/Messages.hpp"
#include "net/server/Identity.hpp"
#include "net/server/OperationApplier.hpp"
#include "net/server/RateLimiter.hpp"
#include "net/server/ServerStore.hpp"

#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace concord::net {

struct HandlerOptions
{
    std::chrono::milliseconds reservationTime = std::chrono::minutes(30);
    std::string serverName = "concord";
    // Operations one user may push per minute (a token bucket: a burst of this many, refilled
    // evenly); beyond it a push is refused with rate_limited. Bounds how fast one account can
    // grow the server's history.
    std::int64_t maxOpsPerMinute = 60'000;
    // Told to clients in the welcome, so that those that stay connected ping in time (the
    // sessions enforce it; see SessionLimits::idleTimeout). 0: not told.
    std::chrono::milliseconds idleTimeout{0};
};

struct HandlerResult
{
    std::vector<ServerMessage> replies;
    std::optional<Identity> identity; // the session's identity from now on, when it changed
    bool close = false;               // close the connection once the replies are sent
    bool loginFailed = false;         // a refused hello: delay the refusal (LoginThrottle)
    bool changed = false;             // the head moved: tell connected clients
};

// One unit of work for a group commit.
struct HandlerJob
{
    Identity identity;
    ClientMessage message;
    // A hello's token, checked already off this thread (LoginVerifier); without it the handler
    // checks the token itself.
    std::optional<Login> login;
};

class Handler
{
public:
    Handler(ServerStore& server, HandlerOptions options);

    // Handles one message in a transaction of its own.
    HandlerResult handle(const Identity& who, const ClientMessage& message);
    // Handles several messages in one transaction (group commit), each inside a savepoint so
    // that one failing leaves the others intact. Replies must not be sent before this returns:
    // it returns only after the commit, and when the commit fails every reply becomes an error.
    std::vector<HandlerResult> handleBatch(const std::vector<HandlerJob>& jobs);

    std::int64_t head() { return m_server.log().head(); }
    std::size_t maxJobsPerBatch() const { return m_server.maxJobsPerBatch(); }
    // The users whose tokens are revoked, for closing their sessions.
    std::set<std::string> revokedUsers();

private:
    HandlerResult handleInTransaction(const HandlerJob& job);
    HandlerResult hello(const Identity& who, const Hello& message, const std::optional<Login>& verified);
    HandlerResult request(const Identity& who, const ClientMessage& message);

    ServerStore& m_server;
    HandlerOptions m_options;
    OperationApplier m_applier;
    RateLimiter m_rate;
};

// The error reply for a request that failed, closing the connection when `fatal`.
HandlerResult errorResult(ErrorCode code, std::string message, bool fatal, std::optional<std::int64_t> id);
// The id of a request, when it has one (hello does not).
std::optional<std::int64_t> requestId(const ClientMessage& message);

} // namespace concord::net
