#include "net/server/Handler.hpp"

#include "core/util/Error.hpp"
#include "net/auth/Accounts.hpp"
#include "net/protocol/ProtocolError.hpp"
#include "net/server/Assigner.hpp"
#include "net/server/ChangeFeed.hpp"

namespace concord::net {

HandlerResult errorResult(ErrorCode code, std::string message, bool fatal, std::optional<std::int64_t> id)
{
    HandlerResult result;
    result.replies.push_back(ErrorReply{id, code, std::move(message), fatal});
    result.close = fatal;
    return result;
}

std::optional<std::int64_t> requestId(const ClientMessage& message)
{
    return std::visit(
        [](const auto& m) -> std::optional<std::int64_t> {
            if constexpr (requires { m.id; }) {
                return m.id;
            } else {
                return std::nullopt;
            }
        },
        message);
}

Handler::Handler(ServerStore& server, HandlerOptions options)
    : m_server(server), m_options(std::move(options)), m_applier(server), m_rate(m_options.maxOpsPerMinute)
{}

HandlerResult Handler::handle(const Identity& who, const ClientMessage& message)
{
    return std::move(handleBatch({HandlerJob{who, message, std::nullopt}}).front());
}

std::set<std::string> Handler::revokedUsers()
{
    std::set<std::string> names;
    for (const auto& user : m_server.users().list()) {
        if (user.revokedAt) {
            names.insert(user.name);
        }
    }
    return names;
}

std::vector<HandlerResult> Handler::handleBatch(const std::vector<HandlerJob>& jobs)
{
    std::vector<HandlerResult> results;
    results.reserve(jobs.size());
    try {
        const bool adopted = m_server.beginBatch();
        // Everything committed may have reached a client already.
        m_applier.noteDelivered(m_server.log().head());
        for (const auto& job : jobs) {
            m_server.beginJob();
            try {
                HandlerResult result = handleInTransaction(job);
                m_server.endJob(true); // may fail the job: a store may send its writes only now
                results.push_back(std::move(result));
            } catch (const std::exception& error) {
                m_server.endJob(false);
                results.push_back(errorResult(ErrorCode::Internal, std::string("the server failed: ") + error.what(),
                                              false, requestId(job.message)));
            }
        }
        m_server.commitBatch();
        if (adopted && !results.empty()) {
            results.front().changed = true; // the head moved: connected clients hear of it
        }
    } catch (const std::exception& error) {
        m_server.rollbackBatch();
        // Nothing of the batch is on disk: no acknowledgement may go out.
        results.clear();
        const bool unreachable = m_server.unreachable(error);
        for (const auto& job : jobs) {
            results.push_back(unreachable ? errorResult(ErrorCode::Unavailable,
                                                        std::string("the server's database cannot be reached; "
                                                                    "nothing of this request was saved, send it "
                                                                    "again in a moment (") +
                                                            error.what() + ")",
                                                        false, requestId(job.message))
                                          : errorResult(ErrorCode::Internal,
                                                        std::string("the server could not commit: ") + error.what(),
                                                        false, requestId(job.message)));
        }
    }
    return results;
}

HandlerResult Handler::handleInTransaction(const HandlerJob& job)
{
    try {
        if (const auto* hello = std::get_if<Hello>(&job.message)) {
            return this->hello(job.identity, *hello, job.login);
        }
        return request(job.identity, job.message);
    } catch (const ProtocolError& error) {
        return errorResult(error.code(), error.what(), error.fatal(), error.requestId());
    }
}

HandlerResult Handler::hello(const Identity& who, const Hello& message, const std::optional<Login>& verified)
{
    if (who.authenticated) {
        return errorResult(ErrorCode::BadMessage, "this session has already said hello", false, std::nullopt);
    }
    if (message.protocol < kOldestProtocolVersion || message.protocol > kProtocolVersion) {
        return errorResult(ErrorCode::UnsupportedVersion,
                           "this server speaks protocol versions " + std::to_string(kOldestProtocolVersion) + " to " +
                               std::to_string(kProtocolVersion) + ", the client " + std::to_string(message.protocol) +
                               "; update the older of the two",
                           true, std::nullopt);
    }
    const Login login = verified ? *verified : checkLogin(m_server.users(), message.user, message.token);
    if (login.outcome != LoginOutcome::Accepted && login.outcome != LoginOutcome::NoRole) {
        HandlerResult result =
            login.outcome == LoginOutcome::Revoked
                ? errorResult(ErrorCode::Revoked,
                              "the token of " + message.user +
                                  " was revoked; ask the server's admin for a "
                                  "new one",
                              true, std::nullopt)
                : errorResult(ErrorCode::AuthFailed, "unknown user or wrong token", true, std::nullopt);
        result.loginFailed = true;
        return result;
    }
    ProjectInfo project = m_server.info(); // read once: on a project file it reads the settings
    if (login.outcome == LoginOutcome::NoRole) {
        // The token is right: no throttling, and the person learns what to ask for.
        return errorResult(ErrorCode::Forbidden,
                           message.user + " has an account on this server but no role in the project '" + project.name +
                               "'; ask its admin for one",
                           true, std::nullopt);
    }
    if (message.protocol < 2 && !m_server.recordSchema().isLegacy()) {
        return errorResult(ErrorCode::UnsupportedVersion,
                           "this project has several fields or questions, which protocol " +
                               std::to_string(message.protocol) +
                               " cannot carry; update Concord on this device "
                               "(it needs protocol 2)",
                           true, std::nullopt);
    }
    if (!message.projectName.empty() && message.projectName != project.name) {
        return errorResult(ErrorCode::UnknownProject,
                           "this server serves the project '" + project.name + "' only, not '" + message.projectName +
                               "'",
                           true, std::nullopt);
    }
    if (!message.project.empty() && message.project != m_server.id()) {
        return errorResult(ErrorCode::ProjectMismatch,
                           "this replica belongs to another project than the one this server serves", true,
                           std::nullopt);
    }
    Identity identity = who;
    identity.authenticated = true;
    identity.user = login.user->name;
    identity.role = login.user->role;
    identity.client = message.client;
    identity.protocol = message.protocol;

    Welcome welcome;
    welcome.protocol = message.protocol;
    welcome.server = m_options.serverName;
    welcome.user = identity.user;
    welcome.role = identity.role;
    welcome.head = m_server.log().head();
    m_applier.noteDelivered(welcome.head);
    welcome.project = std::move(project);
    welcome.idleTimeoutSeconds = std::chrono::duration_cast<std::chrono::seconds>(m_options.idleTimeout).count();
    HandlerResult result;
    result.replies.push_back(std::move(welcome));
    result.identity = std::move(identity);
    return result;
}

HandlerResult Handler::request(const Identity& who, const ClientMessage& message)
{
    const auto id = requestId(message);
    if (!who.authenticated) {
        return errorResult(ErrorCode::NotAuthenticated, "say hello first", true, id);
    }
    // Roles and revocations take effect on the next message, not the next login.
    const auto user = m_server.users().find(who.user);
    if (!user || user->revokedAt) {
        return errorResult(ErrorCode::Revoked, "the token of " + who.user + " was revoked", true, id);
    }
    Identity current = who;
    current.role = user->role;

    HandlerResult result;
    if (current.role != who.role) {
        result.identity = current;
    }
    const bool blind = m_server.blind();
    if (const auto* push = std::get_if<Push>(&message)) {
        if (!m_rate.take(current.user, static_cast<std::int64_t>(push->ops.size()), m_server.now())) {
            return errorResult(ErrorCode::RateLimited,
                               current.user + " sent more than the " + std::to_string(m_options.maxOpsPerMinute) +
                                   " operations a minute this server allows; nothing of this push was applied, "
                                   "send it again in a moment",
                               false, id);
        }
        Ack ack;
        ack.id = push->id;
        m_server.readAhead(current.user, push->ops);
        for (const auto& operation : push->ops) {
            ack.results.push_back(m_applier.apply(current, operation, blind));
            result.changed = result.changed || ack.results.back().status == OpStatus::Applied;
        }
        ack.head = m_server.log().head();
        result.replies.push_back(std::move(ack));
    } else if (const auto* pull = std::get_if<Pull>(&message)) {
        result.replies.push_back(pullChanges(m_server, current, *pull, blind));
        m_applier.noteDelivered(m_server.log().head());
    } else if (const auto* samples = std::get_if<SamplesRequest>(&message)) {
        result.replies.push_back(pageSamples(m_server, *samples));
    } else if (const auto* next = std::get_if<NextRequest>(&message)) {
        result.replies.push_back(assignNext(m_server, current, *next, m_options.reservationTime));
    } else if (const auto* ping = std::get_if<Ping>(&message)) {
        result.replies.push_back(Pong{ping->id});
    }
    return result;
}

} // namespace concord::net
