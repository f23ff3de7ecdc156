// The OpenSSL contexts of both ends: TLS 1.3 only (both ends are Concord). The client does not
// verify a chain, since the server's certificate is self-signed; it compares the certificate's
// fingerprint with the pinned one instead, before it sends anything.
#pragma once

#include "net/tls/Certificate.hpp"

#include <boost/asio/ssl/context.hpp>

#include <memory>

namespace concord::net {

std::shared_ptr<boost::asio::ssl::context> makeServerTlsContext(const CertificatePaths& paths);
std::shared_ptr<boost::asio::ssl::context> makeClientTlsContext();

} // namespace concord::net
