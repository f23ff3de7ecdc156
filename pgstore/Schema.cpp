#include "pgstore/Schema.hpp"

namespace concord::pg {

namespace {

// Any number will do, as long as it is Concord's alone among the database's advisory locks.
constexpr const char* kMigrationLock = "4260917713";

const char* const kVersion1 = R"(
CREATE TABLE concord_schema (version INTEGER NOT NULL);
INSERT INTO concord_schema (version) VALUES (1);
CREATE TABLE projects (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    archived BOOLEAN NOT NULL DEFAULT false,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE project_sequences (
    project BIGINT PRIMARY KEY REFERENCES projects (id),
    last_seq BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE accounts (
    name TEXT PRIMARY KEY,
    salt TEXT NOT NULL,
    hash TEXT NOT NULL,
    iterations INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE TABLE project_roles (
    project BIGINT NOT NULL REFERENCES projects (id),
    account TEXT NOT NULL REFERENCES accounts (name),
    role TEXT NOT NULL CHECK (role IN ('annotator', 'reviewer', 'admin')),
    granted_at BIGINT NOT NULL,
    revoked_at BIGINT,
    PRIMARY KEY (project, account)
);
CREATE TABLE changes (
    project BIGINT NOT NULL REFERENCES projects (id),
    seq BIGINT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    op_id TEXT,
    author TEXT,
    sample_id TEXT NOT NULL DEFAULT '',
    applied_at BIGINT NOT NULL DEFAULT 0,
    superseded BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (project, seq),
    UNIQUE (project, author, op_id)
);
)";

} // namespace

std::optional<int> schemaVersion(Connection& connection)
{
    const Result exists = connection.exec("SELECT to_regclass('concord_schema') IS NOT NULL");
    if (exists.text(0, 0) != "t") {
        return std::nullopt;
    }
    const Result version = connection.exec("SELECT max(version) FROM concord_schema");
    return version.value(0, 0) ? std::optional<int>(static_cast<int>(version.integer(0, 0))) : std::nullopt;
}

bool schemaIsCurrent(Connection& connection)
{
    return schemaVersion(connection) == kSchemaVersion;
}

void migrate(Connection& connection)
{
    Transaction transaction(connection);
    connection.exec(std::string("SELECT pg_advisory_xact_lock(") + kMigrationLock + ")");
    const std::optional<int> found = schemaVersion(connection);
    if (found && *found > kSchemaVersion) {
        throw PgError("the database " + connection.describe() + " holds Concord tables of version " +
                          std::to_string(*found) + "; this Concord knows version " + std::to_string(kSchemaVersion) +
                          ": serve it with a newer Concord",
                      "");
    }
    if (!found) {
        connection.exec(kVersion1);
    }
    transaction.commit();
}

} // namespace concord::pg
