// How long work says how far it got, and hears that it should stop: one type for import,
// export, evaluation, ranking and sync, so that the CLI's progress bar and the GUI's
// background helper each adapt one thing. Reports come on the working thread; the cancel flag
// may be set from any other.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string_view>

namespace concord {

struct ProgressStep
{
    std::uint64_t done = 0;
    std::uint64_t total = 0; // 0: not known (bytes of a stream, say)
    std::string_view what;   // the step under way ("Fold 2 of 5"), or empty
};

// Thrown by work that noticed its cancel flag; nothing it would have written remains.
class Cancelled : public std::runtime_error
{
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

class Progress
{
public:
    using Report = std::function<void(const ProgressStep&)>;

    Progress() = default;
    explicit Progress(Report report, const std::atomic<bool>* cancel = nullptr)
        : m_report(std::move(report)), m_cancel(cancel)
    {}

    void report(std::uint64_t done, std::uint64_t total, std::string_view what = {}) const
    {
        if (m_report) {
            m_report(ProgressStep{done, total, what});
        }
    }
    bool cancelled() const { return m_cancel != nullptr && m_cancel->load(std::memory_order_relaxed); }
    // Throws Cancelled once the flag is set.
    void throwIfCancelled() const
    {
        if (cancelled()) {
            throw Cancelled();
        }
    }
    const std::atomic<bool>* cancelFlag() const { return m_cancel; }

private:
    Report m_report;
    const std::atomic<bool>* m_cancel = nullptr;
};

} // namespace concord
