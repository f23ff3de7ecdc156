#include "net/client/Connection.hpp"

#include "net/NetError.hpp"
#include "net/protocol/ProtocolError.hpp"
#include "net/tls/Certificate.hpp"
#include "net/tls/TlsContexts.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>

#include <openssl/ssl.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace concord::net {

namespace asio = boost::asio;
using asio::ip::tcp;

Connection::Connection() : m_tls(makeClientTlsContext()) {}

Connection::~Connection()
{
    close();
}

bool Connection::runFor(std::chrono::milliseconds timeout, const bool& done, bool keepOpen, bool wakeable)
{
    m_io.restart();
    // One handler at a time, so that a wake-up posted by another thread ends the wait as soon
    // as it runs. A step with a stop flag also runs in slices, so that a flag set without a
    // wake-up is seen within 100 ms; a wakeable wait does not (an idle session would wake ten
    // times a second): whoever stops it wakes it too.
    constexpr auto slice = std::chrono::milliseconds(100);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done && !stopRequested() && !(wakeable && m_woken)) {
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline) {
            break;
        }
        auto wait = deadline - now;
        if (m_stop != nullptr && !wakeable) {
            wait = std::min<std::chrono::steady_clock::duration>(wait, slice);
        }
        m_io.run_one_for(wait);
        if (m_io.stopped()) {
            break; // out of work: the operation completed
        }
    }
    if (!done) {
        // Cancel (by closing, unless the connection should survive), then let the cancelled
        // handler run so that nothing refers to this frame's locals later.
        boost::system::error_code ignored;
        if (m_stream) {
            if (keepOpen) {
                m_stream->lowest_layer().cancel(ignored);
            } else {
                m_stream->lowest_layer().close(ignored);
            }
        }
        m_io.restart();
        m_io.run();
        return false;
    }
    return true;
}

void Connection::wake()
{
    asio::post(m_io, [this] {
        m_woken = true;
        // Ends the run_one_for under way, if any, by being a handler that ran.
    });
}

std::string Connection::connect(const Endpoint& endpoint, std::chrono::milliseconds timeout)
{
    close();
    m_decoder = FrameDecoder();
    m_stream = std::make_unique<Stream>(m_io, *m_tls);
    const std::string where = endpoint.toString();

    boost::system::error_code error;
    bool done = false;
    // An IP address needs no resolver: Asio's asynchronous resolver runs a thread of its own
    // per io_context, which a process holding many connections (the load generator) would
    // multiply.
    std::vector<tcp::endpoint> addresses;
    if (const auto literal = asio::ip::make_address(endpoint.host, error); !error) {
        addresses.emplace_back(literal, endpoint.port);
    } else {
        tcp::resolver resolver(m_io);
        tcp::resolver::results_type results;
        resolver.async_resolve(endpoint.host, std::to_string(endpoint.port),
                               [&](const boost::system::error_code& e, tcp::resolver::results_type found) {
                                   error = e;
                                   results = std::move(found);
                                   done = true;
                               });
        if (!runFor(timeout, done)) {
            resolver.cancel();
            throw NetError("cannot resolve " + endpoint.host + ": timed out");
        }
        if (error) {
            throw NetError("cannot resolve " + endpoint.host + ": " + error.message());
        }
        for (const auto& entry : results) {
            addresses.push_back(entry.endpoint());
        }
    }

    done = false;
    asio::async_connect(m_stream->lowest_layer(), addresses,
                        [&](const boost::system::error_code& e, const tcp::endpoint&) {
                            error = e;
                            done = true;
                        });
    if (!runFor(timeout, done)) {
        throw NetError("cannot connect to " + where + ": timed out");
    }
    if (error) {
        close();
        throw NetError("cannot connect to " + where + ": " + error.message());
    }
    m_stream->lowest_layer().set_option(tcp::no_delay(true), error);

    done = false;
    m_stream->async_handshake(asio::ssl::stream_base::client, [&](const boost::system::error_code& e) {
        error = e;
        done = true;
    });
    if (!runFor(timeout, done)) {
        close();
        throw NetError("no TLS handshake with " + where + ": timed out (is it a Concord server?)");
    }
    if (error) {
        close();
        throw NetError("no TLS handshake with " + where + ": " + error.message() + " (is it a Concord server?)");
    }
    X509* certificate = SSL_get1_peer_certificate(m_stream->native_handle());
    if (certificate == nullptr) {
        close();
        throw NetError(where + " presented no certificate");
    }
    std::string fingerprint = fingerprintOf(certificate);
    X509_free(certificate);
    return fingerprint;
}

void Connection::writeRaw(std::string_view bytes, std::chrono::milliseconds timeout)
{
    if (!isOpen()) {
        throw NetError("not connected");
    }
    boost::system::error_code error;
    bool done = false;
    asio::async_write(*m_stream, asio::buffer(bytes.data(), bytes.size()),
                      [&](const boost::system::error_code& e, std::size_t) {
                          error = e;
                          done = true;
                      });
    if (!runFor(timeout, done)) {
        close();
        throw NetError("sending to the server timed out");
    }
    if (error) {
        close();
        throw NetError("the connection to the server broke: " + error.message());
    }
}

void Connection::writeFrame(std::string_view payload, std::chrono::milliseconds timeout)
{
    writeRaw(encodeFrame(payload), timeout);
}

std::optional<std::string> Connection::readFrame(std::chrono::milliseconds timeout, bool wakeable)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        try {
            if (auto payload = m_decoder.next()) {
                return payload;
            }
        } catch (const ProtocolError& error) {
            close();
            throw NetError(std::string("the server sent a malformed frame: ") + error.what());
        }
        if (!isOpen()) {
            throw NetError("not connected");
        }
        if (wakeable && std::exchange(m_woken, false)) {
            return std::nullopt;
        }
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return std::nullopt;
        }
        boost::system::error_code error;
        std::size_t got = 0;
        bool done = false;
        m_stream->async_read_some(asio::buffer(m_buffer), [&](const boost::system::error_code& e, std::size_t n) {
            error = e;
            got = n;
            done = true;
        });
        if (!runFor(left, done, true, wakeable) && error == asio::error::operation_aborted) {
            // Nothing arrived in time (or before the wake-up); bytes of a partial frame stay
            // buffered.
            if (wakeable) {
                m_woken = false;
            }
            return std::nullopt;
        }
        if (error) {
            close();
            throw NetError(error == asio::error::eof || error == asio::ssl::error::stream_truncated
                               ? std::string("the server closed the connection")
                               : "the connection to the server broke: " + error.message());
        }
        m_decoder.feed(std::string_view(m_buffer.data(), got));
    }
}

bool Connection::isOpen() const
{
    return m_stream && m_stream->lowest_layer().is_open();
}

void Connection::close()
{
    if (m_stream) {
        boost::system::error_code ignored;
        m_stream->lowest_layer().close(ignored);
    }
}

} // namespace concord::net
