// The store the sync tests run the server on: a project file (SQLite, the default) or a project
// of a PostgreSQL store on the binary's own cluster (tests/support/PgCluster), chosen by the
// binary's --store option. ctest runs the tests tagged [stores] once with each (see
// tests/net/CMakeLists.txt), so one suite covers both stores.
#pragma once

#include "core/feedback/RecordSchema.hpp"
#include "core/model/Records.hpp"
#include "core/model/Role.hpp"
#include "core/util/Clock.hpp"
#include "net/protocol/Messages.hpp"
#include "net/server/Server.hpp"
#include "net/server/ServerStore.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace concord::pg {
class Connection;
}

namespace concord::test {

enum class StoreKind
{
    Sqlite,
    Postgresql
};

// Set once by main from --store.
StoreKind& storeUnderTest();
const char* toString(StoreKind kind);

// A server's project made in the store under test: settings, questions, records and users.
class ProjectUnderTest
{
public:
    struct Contents
    {
        ProjectSettings settings{};
        RecordSchema schema{};
        std::vector<Sample> records{};
        std::map<std::string, Role> users{};
        std::int64_t now = 1;
    };

    // `path`: where a project file goes (SQLite).
    ProjectUnderTest(const std::string& path, const Contents& contents);
    ~ProjectUnderTest();

    // Opens the project as a server does.
    std::unique_ptr<net::ServerStore> open(Clock clock = systemNowMs);
    // PostgreSQL: the current rows of a kind ("annotation", "resolution"; the primary question's
    // only) as the protocol carries them, ordered by record id then annotator.
    std::vector<nlohmann::json> currentRows(const std::string& kind) const;
    // The operations the server accepted (only those superseded by a later version).
    std::int64_t operations(bool supersededOnly = false) const;
    // Adds a user while the project may be served; returns the token.
    std::string addUser(const std::string& name, Role role, std::int64_t now = 1);
    // Changes a user's role while the project may be served (an admin's change on the server).
    void setRole(const std::string& name, Role role);
    // Adds records while the project may be served (an import on the server).
    void addRecords(const std::vector<Sample>& records);
    // The operation log, in order.
    std::vector<store::LogEntry> logEntries();
    // Applies `operation` as `user` (with `role`) in a batch of its own, as a server would, while
    // the project may be served or not; returns its sequence number (0: refused).
    std::int64_t apply(const std::string& user, Role role, const net::Operation& operation);
    // What `concord-cli serve` takes to serve it (tests/net/ServeProcess.hpp): the project file,
    // or --store=ADDRESS with the project's name and the certificate a ServerThread uses.
    struct ServeArguments
    {
        std::string project;
        std::vector<std::string> extra;
    };
    ServeArguments serveArguments() const;
    // Points a server's options at the project (a PostgreSQL project's certificate goes where
    // the file would be).
    void serveOn(net::ServerOptions& options) const;
    const std::string& token(const std::string& user) const { return m_tokens.at(user); }
    const std::map<std::string, std::string>& tokens() const { return m_tokens; }
    StoreKind kind() const { return m_kind; }
    // The project file, or the store's connection string.
    const std::string& address() const { return m_address; }
    // The project's name in a PostgreSQL store (its settings' name).
    const std::string& name() const { return m_name; }

private:
    StoreKind m_kind;
    std::string m_path;
    std::string m_address;
    std::string m_name;
    std::unique_ptr<pg::Connection> m_connection; // PostgreSQL: the connection stores opened here use
    std::map<std::string, std::string> m_tokens;
};

} // namespace concord::test
