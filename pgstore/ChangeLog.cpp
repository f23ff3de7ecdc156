#include "pgstore/ChangeLog.hpp"

#include "pgstore/Listener.hpp"

namespace concord::pg {

std::int64_t appendChanges(Connection& connection, std::int64_t project, const std::vector<Change>& changes)
{
    const std::string id = std::to_string(project);
    connection.prepare("concord_take_seqs",
                       "UPDATE project_sequences SET last_seq = last_seq + $2 WHERE project = $1 RETURNING last_seq");
    const Result taken = connection.execPrepared("concord_take_seqs", {id, std::to_string(changes.size())});
    if (taken.rows() != 1) {
        throw InputError("no project with id " + id + " in " + connection.describe());
    }
    const std::int64_t last = taken.integer(0, 0);
    std::int64_t seq = last - static_cast<std::int64_t>(changes.size());
    for (const Change& change : changes) {
        insertChange(connection, project, ++seq, change);
    }
    // Sent at commit, in commit order, and not at all on a rollback (Listener.hpp).
    connection.prepare("concord_notify", "SELECT pg_notify($1, $2)");
    connection.execPrepared("concord_notify", {projectChannel(project), std::to_string(last)});
    return last;
}

void insertChange(Connection& connection, std::int64_t project, std::int64_t seq, const Change& change)
{
    connection.write("concord_add_change",
                     "INSERT INTO changes (project, seq, kind, body, op_id, author, sample_id, applied_at, superseded) "
                     "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                     {std::to_string(project), std::to_string(seq), change.kind, change.body, change.opId,
                      change.opId ? std::optional<std::string>(change.author) : std::nullopt, change.sampleId,
                      std::to_string(change.appliedAt), change.superseded ? "t" : "f"});
}

std::int64_t lockSequence(Connection& connection, std::int64_t project)
{
    connection.prepare("concord_lock_seqs",
                       "UPDATE project_sequences SET last_seq = last_seq WHERE project = $1 RETURNING last_seq");
    const Result locked = connection.execPrepared("concord_lock_seqs", {std::to_string(project)});
    if (locked.rows() != 1) {
        throw InputError("no project with id " + std::to_string(project) + " in " + connection.describe());
    }
    return locked.integer(0, 0);
}

void publishSequence(Connection& connection, std::int64_t project, std::int64_t last)
{
    connection.prepare("concord_publish_seqs",
                       "WITH moved AS (UPDATE project_sequences SET last_seq = $2 WHERE project = $1) "
                       "SELECT pg_notify($3, $2::text)");
    connection.execPrepared("concord_publish_seqs",
                            {std::to_string(project), std::to_string(last), projectChannel(project)});
}

std::vector<LoggedChange> changesAfter(Connection& connection, std::int64_t project, std::int64_t seq,
                                       std::size_t limit)
{
    connection.prepare("concord_changes_after",
                       "SELECT seq, kind, body, op_id, author, sample_id, applied_at, superseded FROM changes "
                       "WHERE project = $1 AND seq > $2 "
                       "ORDER BY seq LIMIT $3");
    const Result rows = connection.execPrepared("concord_changes_after",
                                                {std::to_string(project), std::to_string(seq), std::to_string(limit)});
    std::vector<LoggedChange> changes;
    changes.reserve(static_cast<std::size_t>(rows.rows()));
    for (int row = 0; row < rows.rows(); ++row) {
        LoggedChange logged;
        logged.seq = rows.integer(row, 0);
        logged.change.kind = rows.text(row, 1);
        logged.change.body = rows.text(row, 2);
        logged.change.opId = rows.value(row, 3);
        logged.change.author = rows.value(row, 4).value_or("");
        logged.change.sampleId = rows.text(row, 5);
        logged.change.appliedAt = rows.integer(row, 6);
        logged.change.superseded = rows.text(row, 7) == "t";
        changes.push_back(std::move(logged));
    }
    return changes;
}

std::int64_t lastSeq(Connection& connection, std::int64_t project)
{
    const Result last =
        connection.exec("SELECT last_seq FROM project_sequences WHERE project = $1", {std::to_string(project)});
    return last.rows() == 0 ? 0 : last.integer(0, 0);
}

} // namespace concord::pg
