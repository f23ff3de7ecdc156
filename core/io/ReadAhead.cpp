#include "core/io/ReadAhead.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

namespace concord::io {

namespace {

std::size_t rawBytes(const ReadResult& result)
{
    return std::visit([](const auto& item) { return item.raw.size(); }, result);
}

} // namespace

ReadAhead::ReadAhead(std::unique_ptr<RecordReader> reader, std::size_t maxBytes)
    : m_reader(std::move(reader)), m_maxBytes(maxBytes), m_thread([this] { run(); })
{}

ReadAhead::~ReadAhead()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void ReadAhead::run()
{
    // Records go over in batches, so that the two threads meet once per batch, not per record.
    constexpr std::size_t kBatchRecords = 256;
    const std::size_t batchBytes = std::max<std::size_t>(1, m_maxBytes / 8);
    std::deque<ReadResult> batch;
    std::size_t bytes = 0;
    for (;;) {
        std::optional<ReadResult> result;
        std::exception_ptr error;
        try {
            result = m_reader->next();
        } catch (...) {
            error = std::current_exception();
        }
        if (result) {
            bytes += rawBytes(*result);
            batch.push_back(std::move(*result));
            if (batch.size() < kBatchRecords && bytes < batchBytes) {
                continue;
            }
        }
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_stopping || m_ready.empty() || m_readyBytes + bytes <= m_maxBytes; });
        if (m_stopping) {
            return;
        }
        m_bytesConsumed.store(m_reader->bytesConsumed(), std::memory_order_relaxed);
        m_readyBytes += bytes;
        std::move(batch.begin(), batch.end(), std::back_inserter(m_ready));
        batch.clear();
        bytes = 0;
        if (!result) {
            m_done = true;
            m_error = error;
        }
        m_changed.notify_all();
        if (m_done) {
            return;
        }
    }
}

std::optional<ReadResult> ReadAhead::next()
{
    if (m_taken.empty()) {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return !m_ready.empty() || m_done; });
        if (m_ready.empty()) {
            if (m_error) {
                std::rethrow_exception(std::exchange(m_error, nullptr));
            }
            return std::nullopt;
        }
        m_taken.swap(m_ready);
        m_readyBytes = 0;
        m_changed.notify_all();
    }
    ReadResult result = std::move(m_taken.front());
    m_taken.pop_front();
    return result;
}

} // namespace concord::io
