// What went wrong talking to PostgreSQL. A StoreError (the environment failed), with the
// server's SQLSTATE when it sent one, so that a caller can tell a database that went away
// (class 08, 57P: answer `unavailable` and retry) from a statement it refused.
#pragma once

#include "core/util/Error.hpp"

#include <string>

namespace concord::pg {

class PgError : public StoreError
{
public:
    PgError(const std::string& message, std::string sqlState) : StoreError(message), m_sqlState(std::move(sqlState)) {}
    // Five characters ("40001", "23505"), empty when the error did not come from the server.
    const std::string& sqlState() const { return m_sqlState; }
    // The connection is gone or the server is shutting down: the work can be tried again later.
    bool connectionLost() const;
    // Another transaction got in the way (serialization failure, deadlock): try it again now.
    bool retryable() const { return m_sqlState == "40001" || m_sqlState == "40P01"; }

private:
    std::string m_sqlState;
};

} // namespace concord::pg
