// A one-line progress bar on standard error, drawn only when it is a terminal so that logs
// and pipes stay clean.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace concord::cli {

class ProgressBar
{
public:
    ProgressBar(std::string label, std::uint64_t total);
    ~ProgressBar();
    void update(std::uint64_t done);
    void finish();

private:
    std::string m_label;
    std::uint64_t m_total;
    bool m_enabled;
    bool m_finished = false;
    std::chrono::steady_clock::time_point m_lastDraw;
};

} // namespace concord::cli
