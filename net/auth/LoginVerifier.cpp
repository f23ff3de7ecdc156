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
    m_thread = std::thread([this] { run(); });
}

void LoginVerifier::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_jobs.clear();
    }
    m_wake.notify_one();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void LoginVerifier::verify(std::string user, std::string token, Done done)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping) {
            return;
        }
        if (m_jobs.size() < kMaxWaiting) {
            m_jobs.push_back(Job{std::move(user), std::move(token), std::move(done)});
            m_wake.notify_one();
            return;
        }
    }
    LoginVerdict busy;
    busy.busy = true;
    boost::asio::post(m_replies, [done = std::move(done), busy = std::move(busy)]() mutable { done(std::move(busy)); });
}

void LoginVerifier::run()
{
    LoginCheck check;
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_stopping) {
                return;
            }
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
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
    }
}

} // namespace concord::net
