#include "net/auth/LoginVerifier.hpp"

#include "core/store/ReadSnapshot.hpp"
#include "core/store/UserTable.hpp"

#include <boost/asio/post.hpp>

namespace concord::net {

LoginCheckOpener projectFileLoginCheck(std::string path)
{
    return [path = std::move(path)]() -> LoginCheck {
        auto db = std::make_shared<sqlite::Database>(path, sqlite::Database::Mode::ReadOnly);
        return [db](const std::string& user, const std::string& token) {
            store::releaseReadSnapshot(*db); // users added or revoked since are seen
            store::UserTable users(*db);
            return checkLogin(users, user, token);
        };
    };
}

LoginVerifier::LoginVerifier(LoginCheckOpener open, boost::asio::io_context& replies)
    : m_open(std::move(open)), m_replies(replies)
{}

LoginVerifier::~LoginVerifier()
{
    stop();
}

void LoginVerifier::start()
{
    // The check (and its connection) is opened at the first login, and again after a failure.
    m_worker.start([this, check = LoginCheck()](Job& job) mutable {
        LoginVerdict verdict;
        try {
            if (!check) {
                check = m_open();
            }
            verdict.login = check(job.user, job.token);
        } catch (const std::exception& error) {
            verdict.failure = error.what();
            check = nullptr; // opened again for the next login
        }
        boost::asio::post(m_replies, [done = std::move(job.done), verdict = std::move(verdict)]() mutable {
            done(std::move(verdict));
        });
    });
}

void LoginVerifier::stop()
{
    m_worker.stop();
}

void LoginVerifier::verify(std::string user, std::string token, Done done)
{
    Job job{std::move(user), std::move(token), std::move(done)};
    if (m_worker.push(std::move(job)) != BoundedWorker<Job>::Queued::Full) {
        return; // queued, or dropped once stopped
    }
    LoginVerdict busy;
    busy.busy = true;
    boost::asio::post(m_replies,
                      [done = std::move(job.done), busy = std::move(busy)]() mutable { done(std::move(busy)); });
}

} // namespace concord::net
