// A server address as users write it: HOST:PORT, with [v6]:PORT for IPv6 literals.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace concord::net {

struct Endpoint
{
    std::string host;
    std::uint16_t port = 0;

    std::string toString() const;
};

// Throws InputError naming what is wrong.
Endpoint parseEndpoint(std::string_view text);

} // namespace concord::net
