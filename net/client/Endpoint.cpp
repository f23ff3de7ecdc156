#include "net/client/Endpoint.hpp"

#include "core/util/Error.hpp"

#include <charconv>

namespace concord::net {

std::string Endpoint::toString() const
{
    const bool v6 = host.find(':') != std::string::npos;
    return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

Endpoint parseEndpoint(std::string_view text)
{
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) {
        throw InputError("'" + std::string(text) + "' is not HOST:PORT (for example 192.168.1.20:7443)");
    }
    std::string_view host = text.substr(0, colon);
    if (host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    const std::string_view portText = text.substr(colon + 1);
    unsigned port = 0;
    const auto [end, error] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
    if (error != std::errc() || end != portText.data() + portText.size() || port == 0 || port > 65535) {
        throw InputError("'" + std::string(portText) + "' is not a port number (1 to 65535)");
    }
    return Endpoint{std::string(host), static_cast<std::uint16_t>(port)};
}

std::vector<Endpoint> parseEndpoints(std::string_view text)
{
    std::vector<Endpoint> endpoints;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = text.find(',', start);
        const std::string_view one = text.substr(start, comma == std::string_view::npos ? text.npos : comma - start);
        const Endpoint endpoint = parseEndpoint(one);
        for (const Endpoint& seen : endpoints) {
            if (seen.toString() == endpoint.toString()) {
                throw InputError("the server " + endpoint.toString() + " is named twice");
            }
        }
        endpoints.push_back(endpoint);
        if (comma == std::string_view::npos) {
            return endpoints;
        }
        start = comma + 1;
    }
}

std::string joinEndpoints(const std::vector<Endpoint>& endpoints)
{
    std::string text;
    for (const Endpoint& endpoint : endpoints) {
        text += (text.empty() ? "" : ",") + endpoint.toString();
    }
    return text;
}

} // namespace concord::net
