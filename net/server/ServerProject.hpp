// The project a server serves: the project file opened for durability (synchronous=FULL, so
// that an acknowledged operation survives a power cut, not only a crash), its stable project
// id, and the server-side tables. On opening, rows edited outside sync (an import on the server,
// `concord-cli label`) get sequence numbers, so that replicas receive them.
#pragma once

#include "core/store/OpLogTable.hpp"
#include "core/store/Project.hpp"
#include "core/store/ReservationTable.hpp"
#include "core/store/UserTable.hpp"
#include "net/protocol/Messages.hpp"

#include <memory>
#include <string>

namespace concord::net {

class ServerProject
{
public:
    // Throws InputError when the file is a replica (serve the original) or missing.
    explicit ServerProject(const std::string& path, Clock clock = systemNowMs);

    Project& project() { return *m_project; }
    sqlite::Database& database() { return m_project->database(); }
    store::UserTable& users() { return m_users; }
    store::OpLogTable& log() { return m_log; }
    store::ReservationTable& reservations() { return m_reservations; }
    const std::string& id() const { return m_id; }
    std::int64_t now() const { return m_project->now(); }

    ProjectInfo info();
    // Gives sequence numbers to rows changed outside sync (seq 0: a CLI command, or the labels
    // of the app that hosts this server, written through its own connection), so that clients
    // receive them; returns how many. Runs on opening, in a transaction of its own.
    std::int64_t adoptLocalChanges();
    // The same inside the caller's transaction: the handler runs it at the start of every batch.
    std::int64_t adoptLocalChangesInTransaction();

private:
    std::unique_ptr<Project> m_project;
    store::UserTable m_users;
    store::OpLogTable m_log;
    store::ReservationTable m_reservations;
    std::string m_id;
};

// Opens a project for the user-management commands, which may run while a server has it open.
std::unique_ptr<Project> openForServerAdmin(const std::string& path);

} // namespace concord::net
