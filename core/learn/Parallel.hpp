// Splits [0, count) into contiguous chunks, one per hardware thread, and runs them at once.
// Prediction and feature extraction are independent per row, so rows split this way give the
// same result as one pass; small inputs stay on the calling thread, where a thread's start-up
// would cost more than it saves.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace concord::learn {

// How many chunks forEachChunk makes of `count` rows: one per hardware thread (at most 8), each
// of at least `minPerThread` rows, and never fewer than one.
inline std::size_t chunkCount(std::size_t count, std::size_t minPerThread)
{
    const std::size_t hardware = std::max<std::size_t>(1, std::thread::hardware_concurrency());
    return std::clamp<std::size_t>(count / std::max<std::size_t>(1, minPerThread), 1,
                                   std::min<std::size_t>(hardware, 8));
}

// fn(chunk, begin, end) for each of chunkCount(count, minPerThread) chunks; chunks are numbered
// from 0 in row order. The first exception thrown by any chunk is rethrown after every thread
// has finished.
template <typename Fn> std::size_t forEachChunk(std::size_t count, std::size_t minPerThread, Fn fn)
{
    const std::size_t chunks = chunkCount(count, minPerThread);
    if (chunks == 1) {
        fn(std::size_t{0}, std::size_t{0}, count);
        return 1;
    }
    std::vector<std::exception_ptr> errors(chunks);
    std::vector<std::thread> threads;
    threads.reserve(chunks - 1);
    const auto run = [&](std::size_t chunk) {
        try {
            fn(chunk, count * chunk / chunks, count * (chunk + 1) / chunks);
        } catch (...) {
            errors[chunk] = std::current_exception();
        }
    };
    for (std::size_t chunk = 1; chunk < chunks; ++chunk) {
        threads.emplace_back(run, chunk);
    }
    run(0);
    for (auto& thread : threads) {
        thread.join();
    }
    for (const auto& error : errors) {
        if (error) {
            std::rethrow_exception(error);
        }
    }
    return chunks;
}

} // namespace concord::learn
