#include "core/store/Migrations.hpp"

#include "core/util/Error.hpp"

#include <array>
#include <string>

namespace concord::store {

namespace {

// Version 1: the tables of the design's data model. Columns named `seq` hold the server's
// sequence number of a row's last change (0 before it was ever synced).
constexpr const char* kVersion1 = R"sql(
CREATE TABLE settings(
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE label_schema(
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    kind          TEXT NOT NULL CHECK (kind IN ('single', 'multi', 'spans', 'rating')),
    rating_min    INTEGER NOT NULL DEFAULT 1,
    rating_max    INTEGER NOT NULL DEFAULT 5,
    allow_overlap INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE labels(
    position INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    color    TEXT NOT NULL,
    key      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE samples(
    pk   INTEGER PRIMARY KEY,
    id   TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    meta TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE annotations(
    sample     INTEGER NOT NULL REFERENCES samples(pk) ON DELETE CASCADE,
    annotator  TEXT NOT NULL,
    value      TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    seq        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (sample, annotator)
) WITHOUT ROWID;
CREATE INDEX annotations_by_annotator ON annotations(annotator, sample);

-- Every change to an annotation, newest last; value NULL records a removal.
CREATE TABLE annotation_history(
    id         INTEGER PRIMARY KEY,
    sample     INTEGER NOT NULL REFERENCES samples(pk) ON DELETE CASCADE,
    annotator  TEXT NOT NULL,
    value      TEXT,
    changed_at INTEGER NOT NULL
);
CREATE INDEX annotation_history_by_sample ON annotation_history(sample, annotator);

CREATE TABLE resolutions(
    sample     INTEGER PRIMARY KEY REFERENCES samples(pk) ON DELETE CASCADE,
    value      TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    author     TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    seq        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE resolution_history(
    id         INTEGER PRIMARY KEY,
    sample     INTEGER NOT NULL REFERENCES samples(pk) ON DELETE CASCADE,
    value      TEXT,
    note       TEXT NOT NULL,
    author     TEXT NOT NULL,
    changed_at INTEGER NOT NULL
);
CREATE INDEX resolution_history_by_sample ON resolution_history(sample);

CREATE TABLE predictions(
    sample        INTEGER NOT NULL REFERENCES samples(pk) ON DELETE CASCADE,
    model         TEXT NOT NULL,
    probabilities TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (model, sample)
) WITHOUT ROWID;

CREATE TABLE signals(
    name       TEXT PRIMARY KEY,
    expression TEXT NOT NULL,
    created_at INTEGER NOT NULL
) WITHOUT ROWID;
)sql";

constexpr std::array<const char*, 1> kMigrations = {kVersion1};

int pragmaInt(sqlite::Database& db, const char* pragma)
{
    auto statement = db.prepare(std::string("PRAGMA ") + pragma);
    statement.step();
    return static_cast<int>(statement.columnInt(0));
}

} // namespace

int latestSchemaVersion()
{
    return static_cast<int>(kMigrations.size());
}

void migrate(sqlite::Database& db)
{
    const int applicationId = pragmaInt(db, "application_id");
    const int version = pragmaInt(db, "user_version");
    if (applicationId != 0 && applicationId != kApplicationId) {
        throw StoreError(db.path() + " is not a Concord project (it belongs to another application)");
    }
    if (applicationId == 0 && version == 0) {
        auto tables = db.prepare("SELECT count(*) FROM sqlite_schema");
        tables.step();
        if (tables.columnInt(0) != 0) {
            throw StoreError(db.path() + " is an SQLite database but not a Concord project");
        }
    }
    if (version > latestSchemaVersion()) {
        throw StoreError(db.path() + " was written by a newer Concord (file version " + std::to_string(version) +
                         ", this build knows up to " + std::to_string(latestSchemaVersion()) +
                         "); update Concord to open it");
    }
    if (version == latestSchemaVersion()) {
        return;
    }
    sqlite::Transaction transaction(db);
    for (int next = version; next < latestSchemaVersion(); ++next) {
        db.exec(kMigrations[static_cast<std::size_t>(next)]);
    }
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    db.exec("PRAGMA user_version = " + std::to_string(latestSchemaVersion()));
    transaction.commit();
}

} // namespace concord::store
