#include "pgstore/Listener.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <charconv>

namespace concord::pg {

namespace {

constexpr const char* kChannelPrefix = "concord_project_";

std::int64_t numberIn(const std::string& text)
{
    std::int64_t number = 0;
    std::from_chars(text.data(), text.data() + text.size(), number); // not a number: 0
    return number;
}

} // namespace

std::string projectChannel(std::int64_t project)
{
    return kChannelPrefix + std::to_string(project);
}

Listener::Listener(const std::string& conninfo) : m_connection(conninfo, "concord notices") {}

void Listener::listen(std::int64_t project)
{
    m_connection.exec("LISTEN " + projectChannel(project)); // a number: nothing to quote
}

void Listener::unlisten(std::int64_t project)
{
    m_connection.exec("UNLISTEN " + projectChannel(project));
}

int Listener::socket() const
{
    return PQsocket(m_connection.raw());
}

std::vector<Notice> Listener::drain()
{
    pg_conn* conn = m_connection.raw();
    if (PQconsumeInput(conn) == 0) {
        throw PgError("the listening connection to " + m_connection.describe() +
                          " was lost: " + std::string(PQerrorMessage(conn)),
                      "08006");
    }
    std::vector<Notice> notices;
    while (PGnotify* notify = PQnotifies(conn)) {
        const std::string channel = notify->relname;
        const std::string payload = notify->extra ? notify->extra : "";
        PQfreemem(notify);
        if (channel.rfind(kChannelPrefix, 0) == 0) {
            notices.push_back({numberIn(channel.substr(std::string(kChannelPrefix).size())), numberIn(payload)});
        }
    }
    return notices;
}

std::vector<Notice> Listener::wait(std::chrono::milliseconds timeout)
{
    std::vector<Notice> notices = drain();
    if (!notices.empty()) {
        return notices;
    }
    pollfd watched{socket(), POLLIN, 0};
    const int ready = ::poll(&watched, 1, static_cast<int>(timeout.count()));
    if (ready < 0) {
        throw PgError("waiting for notices from " + m_connection.describe() + " failed", "");
    }
    return ready == 0 ? notices : drain();
}

} // namespace concord::pg
