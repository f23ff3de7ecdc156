// Hybrid logical clock stamps, as one 64-bit integer: milliseconds since the Unix epoch in the
// high bits and a counter in the low 16. A stamp never goes backwards on one replica even when
// the wall clock does, and it moves past every stamp the replica has seen from others, so that
// "later" means what a person who edited on two devices expects.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>

namespace concord::hlc {

constexpr int kCounterBits = 16;

constexpr std::int64_t fromMs(std::int64_t ms)
{
    return ms << kCounterBits;
}

constexpr std::int64_t toMs(std::int64_t stamp)
{
    return stamp >> kCounterBits;
}

// The stamp of a new local event, given the replica's last stamp and the wall clock.
constexpr std::int64_t next(std::int64_t last, std::int64_t nowMs)
{
    return std::max(fromMs(nowMs), last + 1);
}

// Whether version a (stamp, client) is later than version b: the stamp decides, and the
// client id breaks a tie, so that every replica orders any two versions the same way.
constexpr bool isLater(std::int64_t aStamp, std::string_view aClient, std::int64_t bStamp, std::string_view bClient)
{
    return aStamp != bStamp ? aStamp > bStamp : aClient > bClient;
}

} // namespace concord::hlc
