// `concord-cli serve` as a separate process, for tests that must kill the server for real
// (SIGKILL: no destructor, no final commit) or drive the CLI end to end. The port it bound and
// its fingerprint are read from the lines it prints on start.
#pragma once

#include "tests/net/ChildProcess.hpp"

#include <cstdint>
#include <fstream>
#include <memory>

namespace concord::test {

class ServeProcess
{
public:
    // Starts `concord-cli serve PROJECT --bind 127.0.0.1 --port PORT` with `extra` arguments and
    // waits (up to 20 s) until it says it is listening. With `fileLimit`, the server runs under
    // `ulimit -n fileLimit` (soft and hard). Throws std::runtime_error, with the server's
    // output, when it exits or stays silent.
    ServeProcess(const std::string& cli, const std::string& project, const std::string& logPath, std::uint16_t port = 0,
                 const std::vector<std::string>& extra = {}, int fileLimit = 0)
    {
        std::vector<std::string> arguments;
        if (fileLimit > 0) {
            // UBSan reads a vtable it has not met before through a pipe; with every descriptor
            // taken it cannot, and reports a valid object as having an invalid vptr. That one
            // check is suppressed in this process only; ASan and the rest of UBSan stay on.
            const std::string suppressions = logPath + ".ubsan-suppressions";
            std::ofstream(suppressions) << "vptr:*\n";
            arguments = {"/bin/sh", "-c",
                         "ulimit -n " + std::to_string(fileLimit) +
                             " && export UBSAN_OPTIONS=\"${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}suppressions=" +
                             suppressions + "\" && exec \"$0\" \"$@\""};
        }
        for (const std::string& argument : {cli, std::string("serve"), project, std::string("--bind"),
                                            std::string("127.0.0.1"), std::string("--port"), std::to_string(port)}) {
            arguments.push_back(argument);
        }
        arguments.insert(arguments.end(), extra.begin(), extra.end());
        m_process = std::make_unique<ChildProcess>(std::move(arguments), logPath);
        waitUntilListening();
    }

    std::uint16_t port() const { return m_port; }
    std::string address() const { return "127.0.0.1:" + std::to_string(m_port); }
    const std::string& fingerprint() const { return m_fingerprint; }
    std::string output() const { return m_process->output(); }

    // SIGKILL: the server gets no chance to finish anything.
    void kill() { m_process->kill(); }
    // Sends `signal` and returns the exit code (-1: killed after 10 s without exiting).
    int stop(int signal) { return m_process->wait(signal, std::chrono::seconds(10)); }

private:
    static std::string lineAfter(const std::string& text, const std::string& prefix)
    {
        const auto start = text.find(prefix);
        const auto end = start == std::string::npos ? start : text.find('\n', start);
        if (end == std::string::npos) {
            return {};
        }
        return text.substr(start + prefix.size(), end - start - prefix.size());
    }

    void waitUntilListening()
    {
        // The fingerprint's line is printed after the address's: once it is whole, both are.
        const auto printed = [](const std::string& text) {
            return !lineAfter(text, "Certificate fingerprint ").empty();
        };
        if (m_process->waitForOutputWhere(printed, std::chrono::seconds(20))) {
            const std::string text = output();
            const std::string listening = lineAfter(text, "Listening on 127.0.0.1:");
            const std::string fingerprint = lineAfter(text, "Certificate fingerprint ");
            if (!listening.empty() && !fingerprint.empty()) {
                m_port = static_cast<std::uint16_t>(std::stoi(listening));
                m_fingerprint = fingerprint;
                return;
            }
        }
        if (!m_process->running()) {
            throw std::runtime_error("concord-cli serve exited on start:\n" + output());
        }
        m_process->kill();
        throw std::runtime_error("concord-cli serve did not start listening within 20 s:\n" + output());
    }

    std::unique_ptr<ChildProcess> m_process;
    std::uint16_t m_port = 0;
    std::string m_fingerprint;
};

} // namespace concord::test
