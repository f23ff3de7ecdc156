// Errors of the network layer, caught at the edge (the CLI prints them and exits with 6):
// NetError when the server cannot be reached or the connection fails, ServerError when the
// server refused a request with an error message, FingerprintMismatch when the server's
// certificate is not the pinned one.
#pragma once

#include "net/protocol/ErrorCode.hpp"

#include <stdexcept>
#include <string>

namespace concord::net {

class NetError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

class ServerError : public NetError
{
public:
    ServerError(ErrorCode code, const std::string& message, bool fatal)
        : NetError(message), m_code(code), m_fatal(fatal)
    {}
    ErrorCode code() const { return m_code; }
    bool fatal() const { return m_fatal; }

private:
    ErrorCode m_code;
    bool m_fatal;
};

class FingerprintMismatch : public NetError
{
public:
    using NetError::NetError;
};

} // namespace concord::net
