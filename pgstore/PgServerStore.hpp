// One project of a PostgreSQL store, as the sync server sees it (net::ServerStore). Several of
// these, one per project, share the connection of the server's database thread; a batch is one
// transaction on it. The project's settings and questions are read again at the start of every
// batch, since another server on the same database may have changed them.
#pragma once

#include "core/model/Records.hpp"
#include "core/store/Project.hpp"
#include "core/util/Clock.hpp"
#include "net/server/ServerStore.hpp"
#include "pgstore/Connection.hpp"
#include "pgstore/ProjectOperations.hpp"
#include "pgstore/ProjectUsers.hpp"
#include "pgstore/Projects.hpp"

#include <chrono>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

namespace concord::pg {

class PgReservations : public store::Reservations
{
public:
    PgReservations(Connection& connection, std::int64_t project, const RecordSchema& schema)
        : m_connection(connection), m_project(project), m_schema(schema)
    {}

    void expire(std::int64_t now) override;
    std::vector<std::int64_t> heldBy(std::string_view annotator, std::int64_t now) override;
    std::vector<std::int64_t> candidates(std::string_view annotator, int overlap, std::int64_t now, int limit) override;
    std::int64_t heldByOthers(std::string_view annotator, int overlap, std::int64_t now) override;
    void reserve(std::int64_t sample, std::string_view annotator, std::int64_t expiresAt) override;
    // Every answer releases its record's reservation; most annotators hold none.
    void release(std::int64_t sample, std::string_view annotator) override;
    // Reads who holds reservations, so that release() skips the others without a query. One
    // reserved through another server in the meantime may stay until it expires, as it may when
    // it commits just after the release's DELETE.
    void beginBatch();

private:
    Connection& m_connection;
    std::int64_t m_project;
    const RecordSchema& m_schema; // the primary question counts towards the overlap
    std::set<std::string, std::less<>> m_holders;
};

// The current row of a kind (answer, resolution, ...) as the answers table keeps it: the
// protocol's form of the row, with the record's key and sequence number kept apart.
struct StoredAnswer
{
    std::int64_t sampleKey = 0;
    std::int64_t seq = 0;
    std::string body;
};

class PgServerStore : public net::ServerStore
{
public:
    // Throws InputError when the project is archived or was never given its questions.
    PgServerStore(Connection& connection, const ProjectRow& project, Clock clock = systemNowMs);
    // The same on a connection of its own (a server's database thread).
    PgServerStore(std::unique_ptr<Connection> connection, const ProjectRow& project, Clock clock = systemNowMs);

    const std::string& id() const override { return m_id; }
    std::int64_t now() const override { return m_clock(); }
    net::ProjectInfo info() override;
    const RecordSchema& recordSchema() override { return m_schema; }
    bool blind() override { return m_settings.blind; }
    int overlap() override { return m_settings.overlap; }
    std::int64_t schemaSeq() override { return m_schemaSeq; }
    void changeRecordSchema(const RecordSchema& schema) override;
    void setSchemaSeq(std::int64_t seq) override;

    ProjectUsers& users() override { return m_users; }
    ProjectOperations& log() override { return m_log; }
    PgReservations& reservations() override { return m_reservations; }

    // Takes the project's counter row first, so that what it reads already holds every commit
    // of another server that an operation of the push could meet.
    void readAhead(std::string_view user, const std::vector<net::Operation>& operations) override;
    bool beginBatch() override;
    void commitBatch() override;
    void rollbackBatch() override;
    void beginJob() override;
    void endJob(bool keep) override;
    bool unreachable(const std::exception& error) const override;
    // Each job is a savepoint, a subtransaction to PostgreSQL; past 64 in one transaction a
    // backend's cache of them overflows and every snapshot in the database looks them up in
    // pg_subtrans, which made a batch of 64 clients' pushes ten times slower than two of 32.
    std::size_t maxJobsPerBatch() const override { return 60; }

    std::optional<std::int64_t> sampleKey(std::string_view id) override;
    std::optional<Sample> sample(std::int64_t key) override;
    std::vector<Sample> samplesAfter(std::int64_t key, int limit) override;

    std::optional<AnnotationChange> findAnnotation(std::string_view question, std::int64_t sample,
                                                   std::string_view annotator) override;
    void storeAnnotation(const AnnotationChange& row) override;
    void keepAnnotationHistory(std::string_view question, std::int64_t sample, std::string_view annotator,
                               std::string_view value, std::int64_t at) override;
    void setAnnotationSeq(std::string_view question, std::int64_t sample, std::string_view annotator,
                          std::int64_t seq) override;
    std::vector<AnnotationChange> answersOf(std::int64_t sample, std::string_view annotator) override;
    std::vector<AnnotationChange> annotationsAfter(std::int64_t seq, int limit, std::string_view viewer,
                                                   bool onlyViewers) override;

    std::optional<ResolutionChange> findResolution(std::string_view question, std::int64_t sample) override;
    void storeResolution(const ResolutionChange& row) override;
    void keepResolutionHistory(std::string_view question, std::int64_t sample, std::string_view value,
                               std::string_view note, std::string_view author, std::int64_t at) override;
    std::vector<ResolutionChange> resolutionsAfter(std::int64_t seq, int limit) override;

    std::optional<ResponseChange> findResponse(std::int64_t sample, std::string_view annotator) override;
    void storeResponse(const ResponseChange& row) override;
    std::vector<ResponseChange> responsesAfter(std::int64_t seq, int limit, std::string_view viewer,
                                               bool onlyViewers) override;

    void storeSuggestion(const SuggestionChange& row) override;
    std::vector<SuggestionChange> suggestionsAfter(std::int64_t seq, int limit) override;
    std::vector<AnnotationChange> everyAnnotationAfter(std::int64_t seq, int limit) override;
    std::vector<ResponseChange> everyResponseAfter(std::int64_t seq, int limit) override;

private:
    PgServerStore(std::unique_ptr<Connection> owned, Connection* borrowed, const ProjectRow& project, Clock clock);
    // Reads the project's row: settings, questions, the last schema change.
    void load();
    // The current rows readAhead() read, by rowKey(), absent ones as nullopt; kept up to date by
    // storeRow until the job ends.
    static std::string rowKey(std::string_view kind, std::int64_t sample, std::string_view owner,
                              std::string_view question);
    std::unordered_map<std::string, std::optional<StoredAnswer>> m_rowsRead;
    // What a job read ahead is its own: forgotten when the next begins and when it ends.
    void forgetReadAhead();
    std::optional<StoredAnswer> findRow(const char* kind, std::int64_t sample, std::string_view owner,
                                        std::string_view question);
    void storeRow(const char* kind, std::int64_t sample, std::string_view owner, std::string_view question,
                  const std::optional<std::string>& status, std::int64_t seq, const std::string& body);
    void keepHistory(const char* kind, std::int64_t sample, std::string_view owner, std::string_view question,
                     const std::string& body, std::int64_t at);
    std::string sampleIdOf(std::int64_t key);
    // The current rows of a kind changed after `seq`, drafts included (every reader sees all
    // resolutions and suggestions; migrate-store reads every answer and status).
    Result rowsAfter(const char* kind, std::int64_t seq, int limit);

    std::unique_ptr<Connection> m_owned;
    Connection& m_connection;
    std::int64_t m_project;
    std::string m_name;
    std::string m_id;
    Clock m_clock;
    ProjectSettings m_settings;
    std::uint64_t m_orderSeed = 0;
    RecordSchema m_schema;
    std::int64_t m_schemaSeq = 0;
    ProjectUsers m_users;
    ProjectOperations m_log;
    PgReservations m_reservations;
    std::optional<Transaction> m_batch;
    ProjectOperations::Mark m_jobMark;
    // While the database is away: no new attempt to connect before m_retryAt, each failure
    // doubling the wait (kFirstRetry up to kLastRetry), so that a batch in the meantime is
    // answered `unavailable` at once instead of waiting on a connect that will fail.
    // A young project's tables are analysed as they grow (at 1,000 operations, then each time
    // the log has doubled): with the statistics of empty tables, the planner took an index that
    // matched half a key and read every answer of the project for each lookup (docs/benchmarks.md).
    void analyzeWhenGrown(std::int64_t last);
    std::int64_t m_analyzeAt = 1000;
    // The keys of records by id, as read: a record keeps its key and is never deleted, so each
    // is read once rather than once per operation (a query of the six an operation took).
    std::unordered_map<std::string, std::int64_t> m_keys;
    static constexpr std::size_t kMaxKnownKeys = 200'000;
    static constexpr std::chrono::milliseconds kFirstRetry{250};
    static constexpr std::chrono::milliseconds kLastRetry{8000};
    std::chrono::milliseconds m_retryWait{0};
    std::chrono::steady_clock::time_point m_retryAt{};
};

// Gives a project of the store its settings and questions (a new project has none); records
// with fields need the questions first. Throws InputError when the questions are not valid.
// `projectId`: the id replicas know it by; a new one when empty (a copy keeps its source's).
void configureProject(Connection& connection, std::int64_t project, const ProjectSettings& settings,
                      const RecordSchema& schema, std::uint64_t orderSeed, const std::string& projectId = {});
// Appends records to the project, keyed after its last; ids already there are refused with an
// InputError naming the first. Returns how many were added. Runs in the caller's transaction.
std::int64_t addRecords(Connection& connection, std::int64_t project, const std::vector<Sample>& records);
// Makes project `name` with the settings, questions and records (not the answers) of a project
// file, in one transaction: all of it or nothing.
ProjectRow createProjectFromFile(Connection& connection, const std::string& name, Project& file);
// Gives the planner statistics of the server's tables. Until autovacuum first analyses them (a
// minute or more after they fill), the plans of a young store served a third of the operations
// a second that they serve once analysed (docs/benchmarks.md); a project made, and a server
// started, analyse them at once, and a server again as its project grows.
void analyzeStore(Connection& connection);

} // namespace concord::pg
