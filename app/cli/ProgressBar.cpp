#include "app/cli/ProgressBar.hpp"

#include <cstdio>
#include <unistd.h>

namespace concord::cli {

ProgressBar::ProgressBar(std::string label, std::uint64_t total)
    : m_label(std::move(label)), m_total(total), m_enabled(isatty(STDERR_FILENO) != 0 && total > 0)
{}

ProgressBar::~ProgressBar()
{
    finish();
}

void ProgressBar::update(std::uint64_t done)
{
    if (!m_enabled) {
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (now - m_lastDraw < std::chrono::milliseconds(100) && done < m_total) {
        return;
    }
    m_lastDraw = now;
    constexpr int kWidth = 30;
    const double fraction = done >= m_total ? 1.0 : static_cast<double>(done) / static_cast<double>(m_total);
    const int filled = static_cast<int>(fraction * kWidth);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.append(static_cast<std::size_t>(kWidth - filled), '.');
    std::fprintf(stderr, "\r%s [%s] %3d%%", m_label.c_str(), bar.c_str(), static_cast<int>(fraction * 100));
    std::fflush(stderr);
}

void ProgressBar::finish()
{
    if (m_enabled && !m_finished) {
        update(m_total);
        std::fprintf(stderr, "\n");
        m_finished = true;
    }
}

} // namespace concord::cli
