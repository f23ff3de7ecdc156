#include "pgstore/Connection.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>

namespace concord::pg {

namespace {

// libpq's messages end with a newline; ours do not.
std::string trimmed(const char* text)
{
    std::string message = text ? text : "";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
        message.pop_back();
    }
    return message;
}

} // namespace

bool PgError::connectionLost() const
{
    // Class 08 (connection exception), 57P01-03 (admin or crash shutdown, cannot connect now),
    // or no state at all: libpq lost the connection before the server could say why.
    return m_sqlState.empty() || m_sqlState.rfind("08", 0) == 0 || m_sqlState == "57P01" || m_sqlState == "57P02" ||
           m_sqlState == "57P03";
}

Result::Result(pg_result* result) : m_result(result, PQclear) {}

int Result::rows() const
{
    return PQntuples(m_result.get());
}

int Result::columns() const
{
    return PQnfields(m_result.get());
}

std::optional<std::string> Result::value(int row, int column) const
{
    if (row < 0 || row >= rows() || column < 0 || column >= columns()) {
        throw PgError("no cell at row " + std::to_string(row) + ", column " + std::to_string(column) +
                          " of a result of " + std::to_string(rows()) + " rows",
                      "");
    }
    if (PQgetisnull(m_result.get(), row, column)) {
        return std::nullopt;
    }
    return std::string(PQgetvalue(m_result.get(), row, column),
                       static_cast<std::size_t>(PQgetlength(m_result.get(), row, column)));
}

std::string Result::text(int row, int column) const
{
    auto cell = value(row, column);
    if (!cell) {
        throw PgError(std::string("unexpected NULL in column ") + PQfname(m_result.get(), column), "");
    }
    return std::move(*cell);
}

std::int64_t Result::integer(int row, int column) const
{
    const std::string cell = text(row, column);
    std::int64_t number = 0;
    const auto [end, failure] = std::from_chars(cell.data(), cell.data() + cell.size(), number);
    if (failure == std::errc() && end == cell.data() + cell.size()) {
        return number;
    }
    throw PgError("column " + std::string(PQfname(m_result.get(), column)) + " holds '" + cell.substr(0, 40) +
                      "', not an integer",
                  "");
}

std::int64_t Result::affected() const
{
    const std::string count = PQcmdTuples(m_result.get());
    std::int64_t number = 0;
    std::from_chars(count.data(), count.data() + count.size(), number); // empty: not a row count, 0
    return number;
}

namespace {

// A connection string with a default connect_timeout: libpq waits forever for a host that does
// not answer, and a server's database thread would wait with it. And a default application_name,
// so that an operator tells Concord's connections apart in pg_stat_activity. The address's own
// settings win (with expand_dbname, the expanded string's keywords override the ones before it).
pg_conn* connectWithTimeout(const std::string& conninfo, const char* purpose)
{
    const char* keywords[] = {"connect_timeout", "application_name", "dbname", nullptr};
    const char* values[] = {"10", purpose, conninfo.c_str(), nullptr};
    return PQconnectdbParams(keywords, values, 1);
}

} // namespace

Connection::Connection(const std::string& conninfo, const char* purpose) : m_conn(connectWithTimeout(conninfo, purpose))
{
    if (m_conn == nullptr) {
        throw PgError("could not allocate a PostgreSQL connection", "");
    }
    if (PQstatus(m_conn) != CONNECTION_OK) {
        const std::string message = trimmed(PQerrorMessage(m_conn));
        PQfinish(m_conn);
        m_conn = nullptr;
        // libpq's message names the host or socket; the password is never in it.
        throw PgError("could not connect to PostgreSQL: " + message, "08001");
    }
    // Every text is UTF-8, whatever the server's default; errors in English for the logs.
    check(PQexec(m_conn, "SET client_encoding = 'UTF8'"), "setting the client encoding");
}

Connection::~Connection()
{
    if (m_conn != nullptr) {
        PQfinish(m_conn);
    }
}

bool Connection::isOpen() const
{
    return m_conn != nullptr && PQstatus(m_conn) == CONNECTION_OK;
}

void Connection::reconnect()
{
    m_prepared.clear();
    m_sent.clear(); // PQreset leaves the pipeline with the old connection
    PQreset(m_conn);
    if (PQstatus(m_conn) != CONNECTION_OK) {
        throw PgError("cannot reach " + describe() + " again: " + PQerrorMessage(m_conn), "08006");
    }
}

std::string Connection::describe() const
{
    if (m_conn == nullptr) {
        return "(no connection)";
    }
    const char* host = PQhost(m_conn);
    return std::string(PQuser(m_conn)) + "@" + (host ? host : "") + ":" + PQport(m_conn) + "/" + PQdb(m_conn);
}

Result Connection::check(pg_result* result, const std::string& what)
{
    Result owned(result); // cleared whatever happens
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        return owned;
    }
    throw errorOf(result, what);
}

PgError Connection::errorOf(pg_result* result, const std::string& what) const
{
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const std::string message = trimmed(result ? PQresultErrorMessage(result) : PQerrorMessage(m_conn));
    return PgError(what + " on " + describe() + ": " + (message.empty() ? trimmed(PQerrorMessage(m_conn)) : message),
                   state ? state : "");
}

namespace {

struct ParamArrays
{
    std::vector<const char*> values;
    explicit ParamArrays(const Params& params)
    {
        values.reserve(params.size());
        for (const auto& param : params) {
            values.push_back(param ? param->c_str() : nullptr);
        }
    }
};

} // namespace

Result Connection::exec(const std::string& sql, const Params& params)
{
    if (!m_sent.empty()) {
        send({}, sql, params); // one statement, as a pipeline takes them
        return *collect(true, false);
    }
    if (params.empty()) {
        return check(PQexec(m_conn, sql.c_str()), "a statement"); // may hold several statements
    }
    const ParamArrays arrays(params);
    return check(PQexecParams(m_conn, sql.c_str(), static_cast<int>(params.size()), nullptr, arrays.values.data(),
                              nullptr, nullptr, 0),
                 "a statement");
}

void Connection::prepare(const std::string& name, const std::string& sql)
{
    if (std::find(m_prepared.begin(), m_prepared.end(), name) != m_prepared.end()) {
        return;
    }
    flush();
    check(PQprepare(m_conn, name.c_str(), sql.c_str(), 0, nullptr), "preparing " + name);
    m_prepared.push_back(name);
}

Result Connection::execPrepared(const std::string& name, const Params& params)
{
    if (!m_sent.empty()) {
        send(name, {}, params);
        return *collect(true, false);
    }
    const ParamArrays arrays(params);
    return check(PQexecPrepared(m_conn, name.c_str(), static_cast<int>(params.size()), arrays.values.data(), nullptr,
                                nullptr, 0),
                 name);
}

void Connection::write(const std::string& name, const std::string& sql, const Params& params)
{
    if (!name.empty()) {
        prepare(name, sql);
    }
    if (!m_holdWrites) {
        if (name.empty()) {
            exec(sql, params);
        } else {
            execPrepared(name, params);
        }
        return;
    }
    send(name, sql, params);
}

void Connection::holdWrites(bool hold)
{
    m_holdWrites = hold;
    if (!hold) {
        flush();
    }
}

void Connection::flush()
{
    if (!m_sent.empty()) {
        collect(false, false);
    }
}

void Connection::rollback(const char* sql)
{
    if (!m_sent.empty()) {
        collect(false, true);
    }
    exec(sql);
}

void Connection::send(const std::string& name, const std::string& sql, const Params& params)
{
    if (PQpipelineStatus(m_conn) == PQ_PIPELINE_OFF && PQenterPipelineMode(m_conn) != 1) {
        throw PgError("cannot send statements together on " + describe() + ": " + trimmed(PQerrorMessage(m_conn)), "");
    }
    const ParamArrays arrays(params);
    const int count = static_cast<int>(params.size());
    const int sent =
        name.empty() ? PQsendQueryParams(m_conn, sql.c_str(), count, nullptr, arrays.values.data(), nullptr, nullptr, 0)
                     : PQsendQueryPrepared(m_conn, name.c_str(), count, arrays.values.data(), nullptr, nullptr, 0);
    if (sent != 1) {
        // Only a broken connection refuses to queue; what was queued is lost with it.
        m_sent.clear();
        throw PgError("sending " + (name.empty() ? sql : name) + " on " + describe() + ": " +
                          trimmed(PQerrorMessage(m_conn)),
                      "");
    }
    m_sent.push_back(name.empty() ? sql : name);
}

std::optional<Result> Connection::collect(bool keepLast, bool dropErrors)
{
    const std::vector<std::string> sent = std::move(m_sent);
    m_sent.clear();
    if (PQpipelineSync(m_conn) != 1) {
        throw PgError("sending " + sent.back() + " on " + describe() + ": " + trimmed(PQerrorMessage(m_conn)), "");
    }
    std::optional<PgError> failure;
    std::optional<Result> last;
    for (std::size_t i = 0; i < sent.size(); ++i) {
        // Each statement's answer, then a null; after an error, the rest answer "aborted".
        while (pg_result* result = PQgetResult(m_conn)) {
            Result owned(result);
            const ExecStatusType status = PQresultStatus(result);
            if (status == PGRES_FATAL_ERROR && !failure) {
                failure = errorOf(result, sent[i]);
            } else if ((status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) && keepLast && i + 1 == sent.size()) {
                last = owned;
            }
        }
    }
    // The sync's own answer; a connection that broke has none.
    while (pg_result* result = PQgetResult(m_conn)) {
        Result owned(result);
        if (PQresultStatus(result) == PGRES_PIPELINE_SYNC) {
            break;
        }
    }
    if (PQexitPipelineMode(m_conn) != 1 && !failure) {
        failure =
            PgError("ending statements sent together on " + describe() + ": " + trimmed(PQerrorMessage(m_conn)), "");
    }
    if (!failure && keepLast && !last) {
        failure = PgError(sent.back() + " on " + describe() + " got no answer: " + trimmed(PQerrorMessage(m_conn)), "");
    }
    if (failure && !(dropErrors && isOpen())) {
        throw *failure;
    }
    return last;
}

Transaction::Transaction(Connection& connection, const char* begin) : m_connection(connection)
{
    m_connection.exec(begin);
}

Transaction::~Transaction()
{
    if (m_open && m_connection.isOpen()) {
        try {
            m_connection.rollback("ROLLBACK");
        } catch (const PgError&) {
            // The connection broke mid-transaction: the server rolls it back itself.
        }
    }
}

void Transaction::commit()
{
    m_connection.exec("COMMIT");
    m_open = false;
}

} // namespace concord::pg
