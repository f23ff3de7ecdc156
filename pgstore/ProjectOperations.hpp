// A project's operation log on a PostgreSQL store (store::OperationLog): the changes table,
// numbered from the project's counter row in commit order (ChangeLog.hpp). An operation a user
// sent before is found by (author, op id), which keeps pushes idempotent across servers too.
// head() is the last number committed, what a replica may be told it has caught up to.
#pragma once

#include "core/store/OperationLog.hpp"
#include "pgstore/Connection.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace concord::pg {

class ProjectOperations : public store::OperationLog
{
public:
    ProjectOperations(Connection& connection, std::int64_t project) : m_connection(connection), m_project(project) {}

    std::optional<store::LoggedOperation> find(std::string_view user, std::string_view opId) override;
    std::int64_t append(std::string_view opId, std::string_view user, std::string_view kind, std::string_view sampleId,
                        std::string_view body, std::int64_t appliedAt, bool superseded) override;
    std::int64_t head() override;
    std::int64_t count() override;
    std::vector<store::LogEntry> entriesAfter(std::int64_t seq, int limit) override;
    // In a batch, numbered on from the counter locked once and written at publishBatch, as
    // append's are.
    void copyEntry(const store::LogEntry& entry) override;

    // A server's batch (ChangeLog.hpp, lockSequence): between beginBatch and publishBatch the
    // numbers are taken from the counter locked once, at the batch's first append; publishBatch
    // writes the last one before the commit; abandonBatch forgets them after a rollback.
    // mark() and restore() follow a savepoint: a job undone gives its numbers back.
    void beginBatch();
    // The last number the batch gave so far; 0 when it gave none.
    std::int64_t batchLast() const { return m_locked ? m_next : 0; }
    void publishBatch();
    void abandonBatch();
    struct Mark
    {
        bool locked = false;
        std::int64_t next = 0;
    };
    Mark mark() const { return {m_locked, m_next}; }
    void restore(const Mark& mark);
    // Locks the counter row now, unless this batch holds it already (as its first append would).
    void lockNow();
    // Reads the entries of `user`'s operations `opIds` in one query; find() answers for them
    // from what it read (and append() added) until forgetReadAhead().
    void readAhead(std::string_view user, const std::vector<std::string>& opIds);
    void forgetReadAhead();

private:
    Connection& m_connection;
    std::int64_t m_project;
    bool m_batch = false;
    bool m_locked = false;    // the counter row is locked by this batch
    std::int64_t m_first = 0; // the last number before the batch
    std::int64_t m_next = 0;  // the last number the batch gave
    std::optional<std::string> m_readUser;
    std::unordered_map<std::string, std::optional<store::LoggedOperation>> m_read; // by op id
};

} // namespace concord::pg
