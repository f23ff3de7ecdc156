// The SQLite ServerStore: the project a server serves is opened for durability (synchronous=FULL, so
// that an acknowledged operation survives a power cut, not only a crash), its stable project
// id, and the server-side tables. On opening, rows edited outside sync (an import on the server,
// `concord-cli label`) get sequence numbers, so that replicas receive them.
#pragma once

#include "core/store/OpLogTable.hpp"
#include "core/store/Project.hpp"
#include "core/store/ReservationTable.hpp"
#include "core/store/UserTable.hpp"
#include "net/server/ServerStore.hpp"

#include <memory>
#include <optional>
#include <string>

namespace concord::net {

class ServerProject : public ServerStore
{
public:
    // Throws InputError when the file is a replica (serve the original) or missing.
    explicit ServerProject(const std::string& path, Clock clock = systemNowMs);
    // Makes the project file `path` from a server project of any store (migrate-store's first
    // step, net/server/ProjectCopy.hpp): its id, settings, questions, order seed, records and
    // users. Written beside it and renamed when complete, so that `path` is never half made.
    // Throws InputError when `path` exists.
    static void createCopy(const std::string& path, ServerStore& source);

    Project& project() { return *m_project; }
    sqlite::Database& database() { return m_project->database(); }
    const std::string& id() const override { return m_id; }
    std::int64_t now() const override { return m_project->now(); }
    ProjectInfo info() override;
    const RecordSchema& recordSchema() override { return m_project->recordSchema(); }
    bool blind() override { return m_project->settings().blind; }
    int overlap() override { return m_project->settings().overlap; }
    std::int64_t schemaSeq() override;
    void changeRecordSchema(const RecordSchema& schema) override { m_project->changeRecordSchema(schema); }
    void setSchemaSeq(std::int64_t seq) override;

    store::UserTable& users() override { return m_users; }
    store::OpLogTable& log() override { return m_log; }
    store::ReservationTable& reservations() override { return m_reservations; }

    // Also gives sequence numbers to rows changed outside sync (adoptLocalChanges).
    bool beginBatch() override;
    void commitBatch() override;
    void rollbackBatch() override;
    void beginJob() override;
    void endJob(bool keep) override;

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

    // Gives sequence numbers to rows changed outside sync (seq 0: a CLI command, or the labels
    // of the app that hosts this server, written through its own connection), so that clients
    // receive them; returns how many. Runs on opening, in a transaction of its own.
    std::int64_t adoptLocalChanges();
    // The same inside the caller's transaction: beginBatch runs it at the start of every batch.
    std::int64_t adoptLocalChangesInTransaction();

private:
    std::unique_ptr<Project> m_project;
    store::UserTable m_users;
    store::OpLogTable m_log;
    store::ReservationTable m_reservations;
    std::string m_id;
    std::optional<sqlite::Transaction> m_batch;
};

// Opens a project for the user-management commands, which may run while a server has it open.
std::unique_ptr<Project> openForServerAdmin(const std::string& path);

} // namespace concord::net
