// Each project's changes, numbered in commit order. A replica pulls "the changes after N": that
// cursor must never pass a number that a transaction still open will commit later, or the
// change is lost to every replica (the bug event stores on PostgreSQL meet with BIGSERIAL
// positions: a sequence hands out numbers at insert, not at commit). Here the numbers come from
// the project's counter row, updated in the committing transaction: the row lock it takes is
// held to commit, so a second writer of the project waits, and numbers become visible in the
// order they were given. docs/architecture.md, "Sequence numbers on PostgreSQL".
#pragma once

#include "pgstore/Connection.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace concord::pg {

struct Change
{
    std::string kind; // what changed ("annotate", "respond", ...), as the applier names it
    std::string body; // the change itself, as the protocol carries it (JSON)
    // The operation it came from, when a client sent it: (author, op id) is unique per project.
    std::optional<std::string> opId{};
    std::string author{};
    std::string sampleId{};
    std::int64_t appliedAt = 0;
    bool superseded = false; // into history only: a later version stayed current
};

struct LoggedChange
{
    std::int64_t seq = 0;
    Change change;
};

// Appends `changes` to `project`'s log inside the caller's open transaction and returns the
// number of the last; the first is that minus changes.size() - 1. Blocks while another open
// transaction has appended to the same project (its counter row is locked until it ends). The
// project's channel is notified of the last number when the transaction commits.
std::int64_t appendChanges(Connection& connection, std::int64_t project, const std::vector<Change>& changes);

// The same for a batch of many transactions' worth of changes (a server's group commit), where
// taking the counter row once per change would update one row hundreds of times in one
// transaction (each update walks the chain of the row's versions the transaction made before):
// lockSequence takes the row's lock and reads the last number; the caller numbers its changes on
// from there (insertChange) and, before committing, publishSequence writes the last one and
// notifies the channel. The lock is held to commit, as appendChanges's is.
std::int64_t lockSequence(Connection& connection, std::int64_t project);
void insertChange(Connection& connection, std::int64_t project, std::int64_t seq, const Change& change);
void publishSequence(Connection& connection, std::int64_t project, std::int64_t last);

// Up to `limit` changes of `project` numbered after `seq`, in order.
std::vector<LoggedChange> changesAfter(Connection& connection, std::int64_t project, std::int64_t seq,
                                       std::size_t limit);

// The number of the project's last committed change; 0 when it has none.
std::int64_t lastSeq(Connection& connection, std::int64_t project);

} // namespace concord::pg
