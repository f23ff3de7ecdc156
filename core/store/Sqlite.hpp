// A small RAII layer over the SQLite C API: a connection, prepared statements that are
// reused, and a transaction that rolls back in its destructor unless committed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace concord::sqlite {

class Statement
{
public:
    Statement(sqlite3* db, std::string_view sql);
    // Takes ownership of a statement prepared elsewhere (for example under an authorizer).
    static Statement adopt(sqlite3* db, sqlite3_stmt* statement);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;

    // Binding is 1-based, as in SQLite. Text is copied (SQLITE_TRANSIENT) so callers may
    // pass temporaries.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bindNull(int index);
    Statement& bind(int index, const std::optional<std::string>& value);

    // Returns true while a row is available; false when done.
    bool step();
    // For statements that return no rows.
    void run();
    void reset();

    bool isNull(int column) const;
    std::int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;
    std::string_view columnView(int column) const; // valid until the next step/reset
    std::optional<std::string> columnOptionalText(int column) const;
    int columnCount() const;
    std::string columnName(int column) const;

    sqlite3_stmt* handle() const { return m_stmt; }

private:
    Statement() = default;
    void check(int rc) const;
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

class Database
{
public:
    enum class Mode
    {
        ReadWrite,       // open an existing file
        ReadWriteCreate, // create it when missing
        ReadOnly
    };
    Database(const std::string& path, Mode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);
    // A statement kept for the life of the connection, prepared on first use.
    Statement& cached(std::string_view sql);
    Statement prepare(std::string_view sql);

    std::int64_t lastInsertRowid() const;
    int changes() const;
    const std::string& path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

private:
    sqlite3* m_db = nullptr;
    std::string m_path;
    std::unordered_map<std::string, Statement> m_cache;
};

// BEGIN IMMEDIATE on construction; ROLLBACK in the destructor unless commit() ran.
// BEGIN IMMEDIATE ... COMMIT; inside another transaction, a savepoint, so that an operation
// that makes its own transaction can run as part of a caller's (the server's batch).
class Transaction
{
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& m_db;
    bool m_done = false;
    bool m_nested = false;
};

} // namespace concord::sqlite
