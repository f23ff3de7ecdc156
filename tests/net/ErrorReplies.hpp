// For tests of a server that must close a misbehaving connection: the error replies it sent
// before closing. Fails the test when the server keeps the connection open.
#pragma once

#include "net/NetError.hpp"
#include "net/client/Connection.hpp"
#include "net/protocol/Messages.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <variant>
#include <vector>

namespace concord::test {

// Reads replies (each within 20 s, at most 100) until the server closes the connection.
inline std::vector<net::ErrorReply> errorsUntilClosed(net::Connection& connection)
{
    std::vector<net::ErrorReply> errors;
    for (int i = 0; i < 100; ++i) {
        try {
            auto payload = connection.readFrame(std::chrono::seconds(20));
            if (!payload) {
                break;
            }
            auto message = net::parseServerMessage(*payload);
            if (auto* error = std::get_if<net::ErrorReply>(&message)) {
                errors.push_back(*error);
            }
        } catch (const net::NetError&) {
            return errors; // closed
        }
    }
    FAIL("the server kept the connection open");
    return errors;
}

} // namespace concord::test
