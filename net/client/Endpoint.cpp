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

} // namespace concord::net
