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

// What a sync server keeps of each project besides its log (PgServerStore): the project's
// settings and questions, its records, the current version of every answer, resolution,
// response status and suggestion (one table; `kind` tells them apart, `body` is the row as the
// protocol carries it), the versions that lost to a later clock, and assignment reservations.
const char* const kVersion2 = R"(
ALTER TABLE projects ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
ALTER TABLE projects ADD COLUMN record_schema TEXT NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN schema_seq BIGINT NOT NULL DEFAULT 0;
CREATE TABLE records (
    project BIGINT NOT NULL REFERENCES projects (id),
    key BIGINT NOT NULL,
    id TEXT NOT NULL,
    text TEXT NOT NULL,
    meta TEXT NOT NULL DEFAULT '{}',
    record TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (project, key),
    UNIQUE (project, id)
);
CREATE TABLE answers (
    project BIGINT NOT NULL REFERENCES projects (id),
    kind TEXT NOT NULL CHECK (kind IN ('annotation', 'resolution', 'response', 'suggestion')),
    sample_key BIGINT NOT NULL,
    owner TEXT NOT NULL,
    question TEXT NOT NULL,
    status TEXT,
    seq BIGINT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (project, kind, sample_key, owner, question),
    FOREIGN KEY (project, sample_key) REFERENCES records (project, key)
);
CREATE INDEX answers_by_seq ON answers (project, kind, seq);
CREATE TABLE answer_history (
    project BIGINT NOT NULL,
    kind TEXT NOT NULL,
    sample_key BIGINT NOT NULL,
    owner TEXT NOT NULL,
    question TEXT NOT NULL,
    body TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX answer_history_by_row ON answer_history (project, kind, sample_key, owner, question);
CREATE TABLE reservations (
    project BIGINT NOT NULL REFERENCES projects (id),
    sample_key BIGINT NOT NULL,
    annotator TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (project, sample_key, annotator)
);
UPDATE concord_schema SET version = 2;
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
    if (found.value_or(1) < 2) {
        connection.exec(kVersion2);
    }
    transaction.commit();
}

} // namespace concord::pg
