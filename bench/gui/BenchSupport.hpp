// What the GUI bench drivers share: elapsed milliseconds, peak resident memory, running the
// event loop until a condition holds, and nearest-rank percentiles.
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <vector>

namespace bench {

using Clock = std::chrono::steady_clock;

inline double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

inline long peakRssKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// Runs the event loop until `done` holds; false after `timeoutMs`.
template <typename Done> bool spinUntil(Done done, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    }
    return true;
}

// Nearest rank; 0 for no values.
inline double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    if (values.empty()) {
        return 0.0;
    }
    const auto rank =
        static_cast<std::size_t>(std::max(1.0, std::ceil(p / 100.0 * static_cast<double>(values.size()))));
    return values[std::min(rank, values.size()) - 1];
}

} // namespace bench
