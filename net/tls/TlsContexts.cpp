#include "net/tls/TlsContexts.hpp"

#include "core/util/Error.hpp"

#include <openssl/ssl.h>

namespace concord::net {

namespace ssl = boost::asio::ssl;

std::shared_ptr<ssl::context> makeServerTlsContext(const CertificatePaths& paths)
{
    auto context = std::make_shared<ssl::context>(ssl::context::tls_server);
    SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_3_VERSION);
    // No session tickets: resumption buys nothing for long-lived sessions and costs memory.
    SSL_CTX_set_num_tickets(context->native_handle(), 0);
    boost::system::error_code error;
    context->use_certificate_chain_file(paths.certificate, error);
    if (!error) {
        context->use_private_key_file(paths.key, ssl::context::pem, error);
    }
    if (error) {
        throw StoreError("cannot load the server certificate " + paths.certificate + " or its key " + paths.key + ": " +
                         error.message());
    }
    return context;
}

std::shared_ptr<ssl::context> makeClientTlsContext()
{
    auto context = std::make_shared<ssl::context>(ssl::context::tls_client);
    SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_3_VERSION);
    context->set_verify_mode(ssl::verify_none);
    return context;
}

} // namespace concord::net
