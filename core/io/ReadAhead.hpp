// A reader that parses ahead on a thread of its own: the wrapped reader's records (and problems)
// come out in the same order, while the caller checks and stores the ones before them. Parsing
// JSON is about half of an import's work, so on two cores the import takes little more than the
// other half. The wrapped reader and its stream belong to the thread until this is destroyed.
#pragma once

#include "core/io/RecordReader.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace concord::io {

class ReadAhead : public RecordReader
{
public:
    // `maxBytes`: about the most raw bytes of records held at once (at least one batch).
    explicit ReadAhead(std::unique_ptr<RecordReader> reader, std::size_t maxBytes = 4u << 20);
    ~ReadAhead() override;
    ReadAhead(const ReadAhead&) = delete;
    ReadAhead& operator=(const ReadAhead&) = delete;

    // Rethrows, in order, what the wrapped reader threw.
    std::optional<ReadResult> next() override;
    std::uint64_t bytesConsumed() const override { return m_bytesConsumed.load(std::memory_order_relaxed); }

private:
    void run();

    std::unique_ptr<RecordReader> m_reader;
    const std::size_t m_maxBytes;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<ReadResult> m_ready; // handed over, not yet taken
    std::size_t m_readyBytes = 0;
    std::deque<ReadResult> m_taken; // the consumer's own: taken from m_ready in one go
    bool m_done = false;            // the wrapped reader is at its end or threw
    bool m_stopping = false;        // the consumer is gone
    std::exception_ptr m_error;
    std::atomic<std::uint64_t> m_bytesConsumed{0};
    std::thread m_thread; // last: started once everything above exists
};

} // namespace concord::io
