#include "net/client/Client.hpp"

#include "net/NetError.hpp"
#include "net/protocol/ProtocolError.hpp"

namespace concord::net {

namespace {

[[noreturn]] void throwError(const ErrorReply& error)
{
    throw ServerError(error.code,
                      "the server refused: " + error.message + " (" + std::string(toString(error.code)) + ")",
                      error.fatal);
}

} // namespace

Client::Client(Endpoint endpoint, std::chrono::milliseconds timeout)
    : m_endpoint(std::move(endpoint)), m_timeout(timeout)
{}

std::string Client::connect()
{
    m_notices.clear();
    return m_connection.connect(m_endpoint, m_timeout);
}

ServerMessage Client::receive(std::chrono::milliseconds timeout)
{
    auto payload = m_connection.readFrame(timeout);
    if (!payload) {
        m_connection.close();
        throw NetError("the server at " + m_endpoint.toString() + " did not answer within " +
                       std::to_string(timeout.count() / 1000) + " s");
    }
    try {
        return parseServerMessage(*payload);
    } catch (const ProtocolError& error) {
        m_connection.close();
        throw NetError(std::string("the server sent a malformed message: ") + error.what());
    }
}

ServerMessage Client::request(ClientMessage message)
{
    std::optional<std::int64_t> id;
    std::visit(
        [&](auto& m) {
            if constexpr (requires { m.id; }) {
                m.id = m_nextId++;
                id = m.id;
            }
        },
        message);
    m_connection.writeFrame(serialize(message), m_timeout);
    for (;;) {
        ServerMessage reply = receive(m_timeout);
        if (const auto* notice = std::get_if<Notice>(&reply)) {
            m_notices.push_back(*notice);
            continue;
        }
        if (const auto* error = std::get_if<ErrorReply>(&reply)) {
            if (error->fatal || !error->id || error->id == id) {
                if (error->fatal) {
                    m_connection.close();
                }
                throwError(*error);
            }
            continue; // an error about an earlier request, already given up on
        }
        const auto replyId = std::visit(
            [](const auto& m) -> std::optional<std::int64_t> {
                if constexpr (requires { m.id; }) {
                    return m.id;
                } else {
                    return std::nullopt;
                }
            },
            reply);
        if (!id || replyId == id) {
            return reply;
        }
    }
}

template <typename Reply> Reply Client::expect(ClientMessage message)
{
    ServerMessage reply = request(std::move(message));
    if (auto* typed = std::get_if<Reply>(&reply)) {
        return std::move(*typed);
    }
    m_connection.close();
    throw NetError("the server answered with an unexpected message");
}

Welcome Client::hello(const std::string& user, const std::string& token, const std::string& projectId,
                      const std::string& clientId, const std::string& projectName)
{
    return expect<Welcome>(Hello{kProtocolVersion, user, token, projectId, clientId, projectName});
}

Ack Client::push(std::vector<Operation> ops)
{
    const std::size_t sent = ops.size();
    Ack ack = expect<Ack>(Push{0, std::move(ops)});
    if (ack.results.size() != sent) {
        m_connection.close();
        throw NetError("the server acknowledged " + std::to_string(ack.results.size()) + " of " + std::to_string(sent) +
                       " operations");
    }
    return ack;
}

Changes Client::pull(std::int64_t after, int limit)
{
    return expect<Changes>(Pull{0, after, limit});
}

SamplePage Client::samples(std::int64_t after, int limit)
{
    return expect<SamplePage>(SamplesRequest{0, after, limit});
}

Assignment Client::next(int count)
{
    return expect<Assignment>(NextRequest{0, count});
}

void Client::ping()
{
    expect<Pong>(Ping{0});
}

std::optional<Notice> Client::waitForNotice(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (m_notices.empty()) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return std::nullopt;
        }
        auto payload = m_connection.readFrame(left, true);
        if (!payload) {
            return std::nullopt; // the time ran out, or wake()
        }
        ServerMessage message;
        try {
            message = parseServerMessage(*payload);
        } catch (const ProtocolError& error) {
            m_connection.close();
            throw NetError(std::string("the server sent a malformed message: ") + error.what());
        }
        if (const auto* notice = std::get_if<Notice>(&message)) {
            m_notices.push_back(*notice);
        } else if (const auto* error = std::get_if<ErrorReply>(&message); error != nullptr && error->fatal) {
            m_connection.close();
            throwError(*error);
        }
    }
    Notice notice = m_notices.front();
    m_notices.pop_front();
    return notice;
}

} // namespace concord::net
