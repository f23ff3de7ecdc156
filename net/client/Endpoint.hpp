// A server address as users write it: HOST:PORT, with [v6]:PORT for IPv6 literals. A replica
// may know several servers of its project (HOST:PORT,HOST:PORT: fail-over, tried in order).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace concord::net {

struct Endpoint
{
    std::string host;
    std::uint16_t port = 0;

    std::string toString() const;
};

// Throws InputError naming what is wrong.
Endpoint parseEndpoint(std::string_view text);
// HOST:PORT[,HOST:PORT...]: one or more, none twice. Throws InputError naming what is wrong.
std::vector<Endpoint> parseEndpoints(std::string_view text);
// The list as parseEndpoints reads it.
std::string joinEndpoints(const std::vector<Endpoint>& endpoints);

} // namespace concord::net
