// One libpq connection to PostgreSQL. Values go as parameters, never into the SQL text;
// statements run often are prepared once by name. Errors are PgError with the server's message
// and SQLSTATE. Not thread-safe: one connection per thread (or per pooled session).
#pragma once

#include "pgstore/PgError.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct pg_conn;
struct pg_result;

namespace concord::pg {

// A statement's rows; cells as text (libpq's text format), NULL as nullopt.
class Result
{
public:
    explicit Result(pg_result* result);
    int rows() const;
    int columns() const;
    std::optional<std::string> value(int row, int column) const;
    // The cell as text; PgError when it is NULL (a caller that expects a value says so).
    std::string text(int row, int column) const;
    std::int64_t integer(int row, int column) const;
    // Rows changed by an INSERT, UPDATE or DELETE.
    std::int64_t affected() const;

private:
    std::shared_ptr<pg_result> m_result;
};

using Params = std::vector<std::optional<std::string>>;

class Connection
{
public:
    // `conninfo`: a libpq connection string or URI. The password comes from PGPASSWORD or the
    // password file (PGPASSFILE, ~/.pgpass) as libpq reads them. Throws PgError naming the host
    // and database (never the password) when the connection fails. `purpose` is its
    // application_name, what pg_stat_activity shows of it (the address's own setting wins).
    explicit Connection(const std::string& conninfo, const char* purpose = "concord");
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Without parameters the text may hold several statements (a schema); with them, or while
    // held writes wait (write), one.
    Result exec(const std::string& sql, const Params& params = {});
    // Prepares `sql` under `name` once per connection; later calls only check the name.
    void prepare(const std::string& name, const std::string& sql);
    Result execPrepared(const std::string& name, const Params& params = {});

    // A statement whose answer is only success or failure (an INSERT, a SAVEPOINT). While writes
    // are held, it waits in libpq's pipeline and goes with the next statement that is awaited
    // (exec, execPrepared, flush): several statements in one round trip. A held write's error is
    // thrown by that statement, and the statements sent after it in the same trip are not run.
    // Otherwise the statement runs at once. `name`: prepared (run prepares it); empty: `sql` as is.
    void write(const std::string& name, const std::string& sql, const Params& params = {});
    // Holding writes: a server's batch, which ends with a COMMIT or a ROLLBACK and so never leaves
    // one unsent. Stopping sends what is held.
    void holdWrites(bool hold);
    // Sends the held writes and waits for their answers; throws the first one's error.
    void flush();
    // A ROLLBACK or ROLLBACK TO SAVEPOINT: what is held is sent first and its errors are dropped,
    // since this undoes it; then `sql` runs on its own, whatever they were.
    void rollback(const char* sql);

    // Whether the connection is still open (libpq's status, no round trip).
    bool isOpen() const;
    // Connects again with the same parameters (PQreset), after the database went away; statements
    // are prepared again on their next use. Throws PgError when the database is still down.
    void reconnect();
    // "user@host:port/database", for messages.
    std::string describe() const;
    // The libpq connection, for what this class does not wrap (notices: Listener).
    pg_conn* raw() const { return m_conn; }

private:
    Result check(pg_result* result, const std::string& what);
    PgError errorOf(pg_result* result, const std::string& what) const;
    // Queues a statement in the pipeline (entering it first); `sql` when `name` is empty.
    void send(const std::string& name, const std::string& sql, const Params& params);
    // Ends the pipeline: a sync, then the answers of what was sent, in order. Returns the answer
    // of the last one when `keepLast`; throws the first error unless `dropErrors`.
    std::optional<Result> collect(bool keepLast, bool dropErrors);

    pg_conn* m_conn = nullptr;
    std::vector<std::string> m_prepared;
    bool m_holdWrites = false;
    std::vector<std::string> m_sent; // what the pipeline holds, named for errors
};

// BEGIN on construction, ROLLBACK on destruction unless commit() ran: nothing half-written when
// an exception leaves the scope.
class Transaction
{
public:
    explicit Transaction(Connection& connection, const char* begin = "BEGIN");
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Connection& m_connection;
    bool m_open = true;
};

} // namespace concord::pg
