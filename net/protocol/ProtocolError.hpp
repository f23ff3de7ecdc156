// A violation of the sync protocol found while decoding or handling a message: its wire error
// code, whether the connection must close, and the request it answers (when known).
#pragma once

#include "net/protocol/ErrorCode.hpp"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace concord::net {

class ProtocolError : public std::runtime_error
{
public:
    ProtocolError(ErrorCode code, const std::string& message, bool fatal = false,
                  std::optional<std::int64_t> requestId = std::nullopt)
        : std::runtime_error(message), m_code(code), m_fatal(fatal), m_requestId(requestId)
    {}

    ErrorCode code() const { return m_code; }
    bool fatal() const { return m_fatal; }
    const std::optional<std::int64_t>& requestId() const { return m_requestId; }

private:
    ErrorCode m_code;
    bool m_fatal;
    std::optional<std::int64_t> m_requestId;
};

} // namespace concord::net
