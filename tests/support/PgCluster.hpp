// A PostgreSQL cluster of a test binary's own: initdb in a temporary folder, the server on a free
// port with its Unix socket in that folder (no TCP), stopped and removed at the end. initdb and
// postgres refuse to run as root, and CI runs as root: then they run as `nobody` (runuser),
// the folder theirs. Each test takes a fresh database copied from a template holding Concord's
// tables. Missing server binaries are an error that says how to install them, not a skip.
#pragma once

#include <string>
#include <vector>

namespace concord::test {

class PgCluster
{
public:
    // The binary's one cluster, started on first use.
    static PgCluster& shared();

    PgCluster();
    ~PgCluster();
    PgCluster(const PgCluster&) = delete;
    PgCluster& operator=(const PgCluster&) = delete;

    // A new database (a copy of the template, Concord's tables made) and its libpq connection
    // string. Dropped when the cluster stops.
    std::string freshDatabase();
    // The connection string of database `name` of this cluster.
    std::string conninfo(const std::string& name) const;

    // pg_ctl stop -m immediate (what a crash does) and start again, for tests of a database
    // that goes away under load.
    void stopImmediately();
    void start();

private:
    void run(const std::string& what, const std::vector<std::string>& argv) const;

    std::string m_bindir;
    std::string m_dir; // owned by the user the server runs as
    int m_port = 0;
    bool m_asNobody = false;
    bool m_running = false;
    int m_databases = 0;
};

} // namespace concord::test
