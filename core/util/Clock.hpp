// Time as the store sees it: milliseconds since the Unix epoch. A function object so that
// tests can replace it with a fixed or stepping clock.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>

namespace concord {

using Clock = std::function<std::int64_t()>;

inline std::int64_t systemNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace concord
