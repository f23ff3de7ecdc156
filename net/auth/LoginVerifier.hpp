// Checks tokens off the database thread and off the network thread. A token's hash costs
// PBKDF2's iterations (milliseconds); on the database thread every failed guess delayed every
// commit, on the network thread every session. This thread reads the users from a connection of
// its own and posts each verdict back to the network thread. Its queue is bounded: when full, a
// login is answered busy rather than queued without end.
#pragma once

#include "net/BoundedWorker.hpp"
#include "net/auth/Accounts.hpp"

#include <boost/asio/io_context.hpp>

#include <functional>
#include <optional>
#include <string>

namespace concord::net {

struct LoginVerdict
{
    Login login;
    std::optional<std::string> failure; // the check itself failed (the users table could not be read)
    bool busy = false;                  // too many logins waiting; try again later
};

// Checks a user's token against the store's users, on a connection of the check's own (opened on
// the verifier's thread, opened again after a failure).
using LoginCheck = std::function<Login(const std::string& user, const std::string& token)>;
using LoginCheckOpener = std::function<LoginCheck()>;

// The check for a project file: a read-only connection that sees users added or revoked since.
LoginCheckOpener projectFileLoginCheck(std::string path);

class LoginVerifier
{
public:
    using Done = std::function<void(LoginVerdict)>;

    // Verdicts are posted to `replies`.
    LoginVerifier(LoginCheckOpener open, boost::asio::io_context& replies);
    ~LoginVerifier();
    LoginVerifier(const LoginVerifier&) = delete;
    LoginVerifier& operator=(const LoginVerifier&) = delete;

    void start();
    void stop();
    // Any thread; `done` runs on the replies' thread (not at all once stopped).
    void verify(std::string user, std::string token, Done done);

    static constexpr std::size_t kMaxWaiting = 1024;

private:
    struct Job
    {
        std::string user;
        std::string token;
        Done done;
    };

    LoginCheckOpener m_open;
    boost::asio::io_context& m_replies;
    BoundedWorker<Job> m_worker{kMaxWaiting};
};

} // namespace concord::net
