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

// Version 2: what sync needs. Annotations and resolutions carry the hybrid logical clock and
// the device of their version (conflicts between two devices of one person are decided by
// them) and are indexed by `seq`, the server's change feed. A replica holds one `replica` row
// and its unsent local operations in `outbox`; a server holds the operation log, whose `seq`
// is the one monotonically increasing sequence number and whose (user, op_id) pairs make
// pushes idempotent, its users with salted token hashes, and the assignment reservations.
constexpr const char* kVersion2 = R"sql(
ALTER TABLE annotations ADD COLUMN hlc INTEGER NOT NULL DEFAULT 0;
ALTER TABLE annotations ADD COLUMN client TEXT NOT NULL DEFAULT '';
CREATE INDEX annotations_by_seq ON annotations(seq);

ALTER TABLE resolutions ADD COLUMN hlc INTEGER NOT NULL DEFAULT 0;
ALTER TABLE resolutions ADD COLUMN client TEXT NOT NULL DEFAULT '';
CREATE INDEX resolutions_by_seq ON resolutions(seq);

CREATE TABLE replica(
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    server        TEXT NOT NULL,
    user          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('annotator', 'reviewer', 'admin')),
    token         TEXT NOT NULL,
    project_id    TEXT NOT NULL,
    client_id     TEXT NOT NULL,
    fingerprint   TEXT NOT NULL,
    cursor        INTEGER NOT NULL DEFAULT 0,
    sample_cursor INTEGER NOT NULL DEFAULT 0,
    hlc           INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE outbox(
    id         INTEGER PRIMARY KEY,
    op_id      TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL CHECK (kind IN ('annotate', 'resolve')),
    sample_id  TEXT NOT NULL,
    annotator  TEXT NOT NULL,
    value      TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    hlc        INTEGER NOT NULL,
    client     TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    rejected   TEXT
);
CREATE INDEX outbox_by_row ON outbox(kind, sample_id, annotator);

CREATE TABLE oplog(
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id      TEXT NOT NULL,
    user       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    sample_id  TEXT NOT NULL,
    body       TEXT NOT NULL,
    applied_at INTEGER NOT NULL,
    superseded INTEGER NOT NULL DEFAULT 0,
    UNIQUE (user, op_id)
);

CREATE TABLE users(
    name       TEXT PRIMARY KEY,
    role       TEXT NOT NULL CHECK (role IN ('annotator', 'reviewer', 'admin')),
    salt       TEXT NOT NULL,
    hash       TEXT NOT NULL,
    iterations INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
) WITHOUT ROWID;

CREATE TABLE reservations(
    sample     INTEGER NOT NULL REFERENCES samples(pk) ON DELETE CASCADE,
    annotator  TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (sample, annotator)
) WITHOUT ROWID;
CREATE INDEX reservations_by_annotator ON reservations(annotator, expires_at);
)sql";

// Version 3: records with several fields, several questions per record (docs/formats.md).
// Answers are kept per (sample, annotator, question) and gold values per (sample, question);
// the views `annotations` and `resolutions` keep the names and columns of the version 2 tables
// and show the first question's submitted answers and gold values, which is what every
// single-question reader (agreement, exports, the app's screens) reads. A record's fields are
// in samples.record (NULL: the one field `text`); responses hold an annotator's status per
// record (no row: submitted, as every label before drafts existed); suggestions are a model's
// or a rule's values per question and agent. The outbox and the history gain the question.
// Its CHECKs on a status or a kind are chains of OR, not IN lists: SQLite 3.40 builds a temporary
// b-tree for an IN list on every insert, which showed in the server's profile of answer sync.
constexpr const char* kVersion3 = R"sql(
CREATE TEMP TABLE legacy_question AS
    SELECT CASE kind WHEN 'single' THEN 'label' WHEN 'multi' THEN 'labels' ELSE kind END AS name FROM label_schema;
INSERT OR IGNORE INTO settings(key, value) SELECT 'primary_question', name FROM legacy_question;

ALTER TABLE samples ADD COLUMN record TEXT;

CREATE TABLE answers(
    sample     INTEGER NOT NULL REFERENCES samples(pk) ON DELETE CASCADE,
    annotator  TEXT NOT NULL,
    question   TEXT NOT NULL,
    value      TEXT NOT NULL,
    context    TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    seq        INTEGER NOT NULL DEFAULT 0,
    hlc        INTEGER NOT NULL DEFAULT 0,
    client     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (sample, annotator, question)
) WITHOUT ROWID;
INSERT INTO answers(sample, annotator, question, value, created_at, updated_at, seq, hlc, client)
    SELECT sample, annotator, (SELECT name FROM legacy_question), value, created_at, updated_at, seq, hlc, client
    FROM annotations;
DROP TABLE annotations;
CREATE INDEX answers_by_annotator ON answers(annotator, sample);
CREATE INDEX answers_by_seq ON answers(seq);
CREATE INDEX answers_by_question ON answers(question);

ALTER TABLE annotation_history ADD COLUMN question TEXT NOT NULL DEFAULT '';
UPDATE annotation_history SET question = (SELECT name FROM legacy_question);

CREATE TABLE gold(
    sample     INTEGER NOT NULL REFERENCES samples(pk) ON DELETE CASCADE,
    question   TEXT NOT NULL,
    value      TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    author     TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    seq        INTEGER NOT NULL DEFAULT 0,
    hlc        INTEGER NOT NULL DEFAULT 0,
    client     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (sample, question)
) WITHOUT ROWID;
INSERT INTO gold(sample, question, value, note, author, updated_at, seq, hlc, client)
    SELECT sample, (SELECT name FROM legacy_question), value, note, author, updated_at, seq, hlc, client
    FROM resolutions;
DROP TABLE resolutions;
CREATE INDEX gold_by_seq ON gold(seq);

ALTER TABLE resolution_history ADD COLUMN question TEXT NOT NULL DEFAULT '';
UPDATE resolution_history SET question = (SELECT name FROM legacy_question);

CREATE TABLE responses(
    sample      INTEGER NOT NULL REFERENCES samples(pk) ON DELETE CASCADE,
    annotator   TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status = 'draft' OR status = 'submitted' OR status = 'discarded'),
    reason      TEXT NOT NULL DEFAULT '',
    duration_ms INTEGER NOT NULL DEFAULT 0,
    updated_at  INTEGER NOT NULL,
    seq         INTEGER NOT NULL DEFAULT 0,
    hlc         INTEGER NOT NULL DEFAULT 0,
    client      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (sample, annotator)
) WITHOUT ROWID;
CREATE INDEX responses_by_seq ON responses(seq);

CREATE TABLE suggestions(
    sample     INTEGER NOT NULL REFERENCES samples(pk) ON DELETE CASCADE,
    question   TEXT NOT NULL,
    agent      TEXT NOT NULL,
    value      TEXT NOT NULL,
    score      REAL,
    updated_at INTEGER NOT NULL,
    seq        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (sample, question, agent)
) WITHOUT ROWID;
CREATE INDEX suggestions_by_seq ON suggestions(seq);

CREATE VIEW annotations AS
    SELECT a.sample, a.annotator, a.value, a.created_at, a.updated_at, a.seq, a.hlc, a.client FROM answers a
    WHERE a.question = (SELECT value FROM settings WHERE key = 'primary_question')
      AND NOT EXISTS (SELECT 1 FROM responses r
                      WHERE r.sample = a.sample AND r.annotator = a.annotator AND r.status <> 'submitted');
CREATE VIEW resolutions AS
    SELECT sample, value, note, author, updated_at, seq, hlc, client FROM gold
    WHERE question = (SELECT value FROM settings WHERE key = 'primary_question');

CREATE TABLE outbox_v3(
    id         INTEGER PRIMARY KEY,
    op_id      TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL CHECK (kind = 'annotate' OR kind = 'resolve' OR kind = 'respond' OR kind = 'suggest' OR
                                    kind = 'schema'),
    sample_id  TEXT NOT NULL,
    annotator  TEXT NOT NULL,
    question   TEXT NOT NULL DEFAULT '',
    value      TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    context    TEXT NOT NULL DEFAULT '',
    hlc        INTEGER NOT NULL,
    client     TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    rejected   TEXT
);
INSERT INTO outbox_v3(id, op_id, kind, sample_id, annotator, question, value, note, hlc, client, created_at, rejected)
    SELECT id, op_id, kind, sample_id, annotator, coalesce((SELECT name FROM legacy_question), ''), value, note, hlc,
           client, created_at, rejected FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v3 RENAME TO outbox;
CREATE INDEX outbox_by_row ON outbox(kind, sample_id, annotator, question);
DROP TABLE legacy_question;
)sql";

// Version 4: an index of each annotator's drafts, so that the annotate queue finds her next
// draft (a record she has not finished) without scanning every response after the current one.
constexpr const char* kVersion4 = R"sql(
CREATE INDEX responses_drafts ON responses(annotator, sample) WHERE status = 'draft';
)sql";

constexpr std::array<const char*, 4> kMigrations = {kVersion1, kVersion2, kVersion3, kVersion4};

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
