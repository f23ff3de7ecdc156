// Random identifiers for operations and devices: 128 bits from the operating system's random
// source, as 32 lowercase hex digits. Not for secrets (tokens come from OpenSSL in net/).
#pragma once

#include <array>
#include <cstdint>
#include <random>
#include <string>

namespace concord {

// One per thread: constructing a std::random_device probes the CPU (cpuid), which traps to the
// hypervisor on a virtual machine; made per call, it was half the load generator's time and a
// share of the server's (docs/benchmarks.md).
inline std::random_device& threadRandomDevice()
{
    thread_local std::random_device device;
    return device;
}

inline std::string randomId()
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::random_device& device = threadRandomDevice();
    std::string id;
    id.reserve(32);
    for (int word = 0; word < 4; ++word) {
        std::uint32_t bits = device();
        for (int nibble = 0; nibble < 8; ++nibble) {
            id += kHex[bits & 0xF];
            bits >>= 4;
        }
    }
    return id;
}

// 64 random bits, for seeds that must differ between projects.
inline std::uint64_t randomSeed()
{
    std::random_device& device = threadRandomDevice();
    return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

} // namespace concord
