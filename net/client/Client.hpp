// The client end of the protocol: requests with ids over a Connection, their replies matched
// by id, notices kept aside for whoever waits for them, and error replies turned into
// ServerError. One request at a time; the caller's thread blocks, each step bounded by the
// timeout.
#pragma once

#include "net/client/Connection.hpp"
#include "net/protocol/Messages.hpp"

#include <chrono>
#include <deque>
#include <string>

namespace concord::net {

class Client
{
public:
    explicit Client(Endpoint endpoint, std::chrono::milliseconds timeout = std::chrono::seconds(30));

    // Connects (TLS) and returns the server certificate's fingerprint; nothing is sent yet.
    std::string connect();
    // Throws ServerError for a refused login.
    // `projectName` names the project to join on a server of several (empty: the server's one,
    // or the replica's, found by `projectId`).
    Welcome hello(const std::string& user, const std::string& token, const std::string& projectId,
                  const std::string& clientId, const std::string& projectName = {});
    Ack push(std::vector<Operation> ops);
    Changes pull(std::int64_t after, int limit = 500);
    SamplePage samples(std::int64_t after, int limit = 500);
    Assignment next(int count);
    void ping();
    // The next notice, waiting at most `timeout` for one, or until wake(); a zero timeout
    // takes a notice that arrived during an earlier request, if any.
    std::optional<Notice> waitForNotice(std::chrono::milliseconds timeout);
    // From any thread: ends the waitForNotice under way (or the next one) at once, with nullopt.
    void wake() { m_connection.wake(); }

    Connection& connection() { return m_connection; }
    const Endpoint& endpoint() const { return m_endpoint; }
    void close() { m_connection.close(); }

private:
    // Sends the request under a fresh id and returns the reply of that id.
    ServerMessage request(ClientMessage message);
    template <typename Reply> Reply expect(ClientMessage message);
    ServerMessage receive(std::chrono::milliseconds timeout);

    Endpoint m_endpoint;
    std::chrono::milliseconds m_timeout;
    Connection m_connection;
    std::int64_t m_nextId = 1;
    std::deque<Notice> m_notices;
};

} // namespace concord::net
