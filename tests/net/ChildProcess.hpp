// A child process for tests that kill programs for real: started with posix_spawn, its standard
// output and error sent to a file (never a pipe, which a chatty child could fill and block on),
// stopped with a signal of the test's choosing and always reaped.
#pragma once

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <spawn.h>
#include <stdexcept>
#include <string>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace concord::test {

class ChildProcess
{
public:
    ChildProcess(std::vector<std::string> arguments, std::string logPath) : m_logPath(std::move(logPath))
    {
        std::vector<char*> argv;
        for (auto& argument : arguments) {
            argv.push_back(argument.data());
        }
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, m_logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_adddup2(&actions, 1, 2);
        const int failed = posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        if (failed != 0) {
            m_pid = 0;
            throw std::runtime_error("cannot start " + arguments.front());
        }
    }
    ~ChildProcess() { kill(); }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // Whether it is still running (reaps it when it has exited).
    bool running()
    {
        if (m_pid <= 0) {
            return false;
        }
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
            record(status);
            return false;
        }
        return true;
    }

    // SIGKILL and reap; returns whether it was still running when killed. Idempotent.
    bool kill()
    {
        if (!running()) {
            return false;
        }
        ::kill(m_pid, SIGKILL);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        record(status);
        return true;
    }

    // Sends `signal` (0: none, just wait) and waits up to `limit` for the exit. Returns the
    // exit code, or -1 when it did not exit normally in time (it is killed then).
    int wait(int signal = 0, std::chrono::milliseconds limit = std::chrono::seconds(20))
    {
        if (m_pid > 0 && signal != 0) {
            ::kill(m_pid, signal);
        }
        const auto deadline = std::chrono::steady_clock::now() + limit;
        while (running()) {
            if (std::chrono::steady_clock::now() > deadline) {
                kill();
                return -1;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return m_exitCode;
    }

    // Waits until the output holds `text`, woken by each write to the log (inotify); false when
    // the child exits without printing it, or `limit` passes first.
    bool waitForOutput(const std::string& text, std::chrono::milliseconds limit = std::chrono::seconds(60))
    {
        return waitForOutputWhere([&text](const std::string& out) { return out.find(text) != std::string::npos; },
                                  limit);
    }
    // The same, until `done(output)` holds.
    template <typename Done> bool waitForOutputWhere(Done done, std::chrono::milliseconds limit)
    {
        const int watch = ::inotify_init1(IN_CLOEXEC);
        if (watch < 0 || ::inotify_add_watch(watch, m_logPath.c_str(), IN_MODIFY | IN_CLOSE_WRITE) < 0) {
            throw std::runtime_error("cannot watch " + m_logPath);
        }
        const auto deadline = std::chrono::steady_clock::now() + limit;
        bool found = false;
        for (;;) {
            found = done(output());
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (found || !running() || left.count() <= 0) {
                break;
            }
            // An exit writes nothing, so the wait is bounded to notice it.
            pollfd ready{watch, POLLIN, 0};
            if (::poll(&ready, 1, static_cast<int>(std::min<std::int64_t>(left.count(), 200))) > 0) {
                char events[4096];
                [[maybe_unused]] const auto drained = ::read(watch, events, sizeof events);
            }
        }
        ::close(watch);
        return found;
    }

    std::string output() const
    {
        std::ifstream in(m_logPath, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }

private:
    void record(int status)
    {
        m_pid = 0;
        m_exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

    std::string m_logPath;
    pid_t m_pid = 0;
    int m_exitCode = -1;
};

} // namespace concord::test
