// What the sync server keeps of one project, whichever database holds it: the project file
// (ServerProject, SQLite) or a project of a PostgreSQL store (pgstore/PgServerStore). The
// handler, the change feed, the assigner and the operation applier talk to this only, so that
// no SQL dialect leaks out of a store. Every call runs inside the batch the handler opened with
// beginBatch(); each job of a batch runs inside a savepoint (beginJob, endJob).
#pragma once

#include "core/feedback/RecordSchema.hpp"
#include "core/model/Records.hpp"
#include "core/model/SyncRecords.hpp"
#include "core/store/OperationLog.hpp"
#include "core/store/Reservations.hpp"
#include "core/store/UserDirectory.hpp"
#include "net/protocol/Messages.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace concord::net {

class ServerStore
{
public:
    virtual ~ServerStore() = default;

    // The project's stable id, told to replicas in the welcome.
    virtual const std::string& id() const = 0;
    virtual std::int64_t now() const = 0;
    virtual ProjectInfo info() = 0;
    virtual const RecordSchema& recordSchema() = 0;
    virtual bool blind() = 0;
    virtual int overlap() = 0;
    // The sequence number of the last schema change (0: none since the server first served).
    virtual std::int64_t schemaSeq() = 0;
    // Throws InputError when the change is refused (checkSchemaChange: a question answered
    // already cannot be removed, say).
    virtual void changeRecordSchema(const RecordSchema& schema) = 0;
    virtual void setSchemaSeq(std::int64_t seq) = 0;

    virtual store::UserDirectory& users() = 0;
    virtual store::OperationLog& log() = 0;
    virtual store::Reservations& reservations() = 0;

    // A batch is one transaction. beginBatch returns whether it gave sequence numbers to rows
    // written outside sync (only a project file has those), which moves the head.
    virtual bool beginBatch() = 0;
    virtual void commitBatch() = 0;
    virtual void rollbackBatch() = 0;
    virtual void beginJob() = 0;
    // A push's operations, before they are applied one by one: a store whose every read is a
    // round trip may read what they will ask for (their entries in the log, the current
    // answers) in one go. Every later read must still give what it would have without it.
    virtual void readAhead(std::string_view user, const std::vector<Operation>& operations)
    {
        (void)user;
        (void)operations;
    }
    // Keeps the job's writes, or undoes them and leaves the batch as it was before the job.
    // Keeping may throw: a store that sends a job's writes together learns of their errors here.
    virtual void endJob(bool keep) = 0;
    // Whether `error`, thrown by a batch, means the database cannot be reached for now (answered
    // `unavailable`, which clients retry) rather than that the server failed.
    virtual bool unreachable(const std::exception& /*error*/) const { return false; }
    // The most jobs one batch takes. 512 already amortises the fsync, and the bound keeps one
    // batch's replies (held in memory until the commit) small.
    virtual std::size_t maxJobsPerBatch() const { return 512; }

    // Records.
    virtual std::optional<std::int64_t> sampleKey(std::string_view id) = 0;
    virtual std::optional<Sample> sample(std::int64_t key) = 0;
    virtual std::vector<Sample> samplesAfter(std::int64_t key, int limit) = 0;

    // Answers, one row per record, annotator and question; a version that lost to a later clock
    // goes to the history.
    virtual std::optional<AnnotationChange> findAnnotation(std::string_view question, std::int64_t sample,
                                                           std::string_view annotator) = 0;
    virtual void storeAnnotation(const AnnotationChange& row) = 0;
    virtual void keepAnnotationHistory(std::string_view question, std::int64_t sample, std::string_view annotator,
                                       std::string_view value, std::int64_t at) = 0;
    virtual void setAnnotationSeq(std::string_view question, std::int64_t sample, std::string_view annotator,
                                  std::int64_t seq) = 0;
    // One annotator's answers to every question of a record, by question.
    virtual std::vector<AnnotationChange> answersOf(std::int64_t sample, std::string_view annotator) = 0;
    // Rows changed after `seq` in sequence order; with `onlyViewers`, the viewer's own only.
    // Another annotator's answers are held back while their response is a draft.
    virtual std::vector<AnnotationChange> annotationsAfter(std::int64_t seq, int limit, std::string_view viewer,
                                                           bool onlyViewers) = 0;

    // Resolutions, one per record and question.
    virtual std::optional<ResolutionChange> findResolution(std::string_view question, std::int64_t sample) = 0;
    virtual void storeResolution(const ResolutionChange& row) = 0;
    virtual void keepResolutionHistory(std::string_view question, std::int64_t sample, std::string_view value,
                                       std::string_view note, std::string_view author, std::int64_t at) = 0;
    virtual std::vector<ResolutionChange> resolutionsAfter(std::int64_t seq, int limit) = 0;

    // Response statuses, one per record and annotator.
    virtual std::optional<ResponseChange> findResponse(std::int64_t sample, std::string_view annotator) = 0;
    virtual void storeResponse(const ResponseChange& row) = 0;
    virtual std::vector<ResponseChange> responsesAfter(std::int64_t seq, int limit, std::string_view viewer,
                                                       bool onlyViewers) = 0;

    // Suggestions, one per record, question and agent.
    virtual void storeSuggestion(const SuggestionChange& row) = 0;
    virtual std::vector<SuggestionChange> suggestionsAfter(std::int64_t seq, int limit) = 0;

    // Every current answer and response status changed after `seq`, drafts included, in sequence
    // order: what migrate-store copies (ProjectCopy.hpp). Resolutions and suggestions have no
    // drafts: their *After above read every row.
    virtual std::vector<AnnotationChange> everyAnnotationAfter(std::int64_t seq, int limit) = 0;
    virtual std::vector<ResponseChange> everyResponseAfter(std::int64_t seq, int limit) = 0;
};

} // namespace concord::net
