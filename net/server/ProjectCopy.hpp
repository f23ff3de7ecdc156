// migrate-store's copy of a server project between two stores (a project file, a project of a
// PostgreSQL store), either way, numbers kept: a replica's cursor and every operation id mean
// the same on the copy, so replicas go on syncing with it once pointed at its server.
//
// The destination is first made from the source by its store (ServerProject::createCopy,
// pg::createProjectCopy): settings, questions, records and users, in one step. copyProject then
// copies the log in chunks, each one transaction on the destination holding a chunk's entries
// and the current rows whose numbers fall in the chunk's range. The destination's log head is
// therefore its place: a copy interrupted anywhere resumes after it, and nothing is copied twice.
// At the end both sides are tallied (counts and SHA-256 checksums) and must agree.
#pragma once

#include "net/server/ServerStore.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace concord::net {

// What a project holds, for comparing a copy with its source.
struct ProjectTally
{
    std::int64_t records = 0;
    std::int64_t users = 0;
    std::int64_t operations = 0; // entries of the log
    std::int64_t head = 0;       // the log's last number
    std::int64_t annotations = 0;
    std::int64_t resolutions = 0;
    std::int64_t responses = 0;
    std::int64_t suggestions = 0;
    std::int64_t schemaSeq = 0;
    std::string questions;    // the record schema, as JSON
    std::string logChecksum;  // SHA-256 over every entry of the log in order, every column, hex
    std::string rowChecksum;  // SHA-256 over every current row of each kind in sequence order, hex
    std::string userChecksum; // SHA-256 over the users: name, role, revocation

    bool operator==(const ProjectTally&) const = default;
};

// Runs `batch` inside one batch of `store`: committed when it returns, rolled back when it throws.
template <typename Batch> void inBatch(ServerStore& store, Batch batch)
{
    store.beginBatch();
    try {
        batch();
    } catch (...) {
        store.rollbackBatch();
        throw;
    }
    store.commitBatch();
}

// Calls `page` on the store's records after `after`, a page at a time, in key order.
void forEachRecordPage(ServerStore& store, std::int64_t after,
                       const std::function<void(const std::vector<Sample>&)>& page);

// Calls `entry` on every entry of the log after `after`, in order.
void forEachLogEntry(store::OperationLog& log, std::int64_t after,
                     const std::function<void(const store::LogEntry&)>& entry);

// Reads it all inside one batch of its own, and commits the batch (a project file's beginBatch
// numbers rows written beside the server).
ProjectTally tallyProject(ServerStore& store);

// How the two tallies differ, one "what: source against copy" per item; empty when they agree.
std::string describeDifferences(const ProjectTally& source, const ProjectTally& copy);

struct CopyProgress
{
    std::int64_t copied = 0; // the destination's log head after the chunk
    std::int64_t total = 0;  // the source's
};

struct CopyOptions
{
    int chunk = 1000; // log entries per destination transaction
    // After each committed chunk; an exception from it stops the copy there (as an interruption
    // would: what is committed stays).
    std::function<void(const CopyProgress&)> progress{};
};

struct CopyReport
{
    std::int64_t resumedAfter = 0; // the destination's log head when this run began
    std::int64_t operationsCopied = 0;
    std::int64_t rowsCopied = 0;
    ProjectTally source;
    ProjectTally copy;
};

// Copies what `destination` lacks of `source`, then verifies. Throws InputError when the
// destination is a copy of another project, when it lacks a record the source's rows need, or
// when the finished copy does not match its source (describeDifferences, e.g. the source was
// served while it was copied).
CopyReport copyProject(ServerStore& source, ServerStore& destination, const CopyOptions& options = {});

} // namespace concord::net
