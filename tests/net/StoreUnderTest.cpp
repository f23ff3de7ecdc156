#include "tests/net/StoreUnderTest.hpp"

#include "core/store/Project.hpp"
#include "core/store/UserTable.hpp"
#include "core/util/RandomId.hpp"
#include "net/auth/Accounts.hpp"
#include "net/server/OperationApplier.hpp"
#include "net/server/ProjectCopy.hpp"
#include "net/server/ServerProject.hpp"
#include "pgstore/PgServerStore.hpp"
#include "pgstore/Projects.hpp"
#include "pgstore/ServeStore.hpp"
#include "tests/support/CatchMain.hpp"
#include "tests/support/PgCluster.hpp"

namespace concord::test {

StoreKind& storeUnderTest()
{
    static StoreKind kind = storeOption() == "postgresql" ? StoreKind::Postgresql : StoreKind::Sqlite;
    return kind;
}

const char* toString(StoreKind kind)
{
    return kind == StoreKind::Sqlite ? "sqlite" : "postgresql";
}

ProjectUnderTest::ProjectUnderTest(const std::string& path, const Contents& contents)
    : m_kind(storeUnderTest()), m_path(path)
{
    if (m_kind == StoreKind::Sqlite) {
        m_address = path;
        auto project = Project::create(path, contents.settings, contents.schema);
        sqlite::Transaction transaction(project->database());
        for (const auto& record : contents.records) {
            project->samples().insert(record.id, record.text, record.meta, record.record);
        }
        store::UserTable users(project->database());
        for (const auto& [name, role] : contents.users) {
            m_tokens[name] = net::addUser(users, name, role, contents.now);
        }
        transaction.commit();
        return;
    }
    m_name = contents.settings.name;
    m_address = PgCluster::shared().freshDatabase();
    m_connection = std::make_unique<pg::Connection>(m_address);
    const pg::ProjectRow project = pg::createProject(*m_connection, m_name);
    pg::configureProject(*m_connection, project.id, contents.settings, contents.schema, randomSeed());
    pg::addRecords(*m_connection, project.id, contents.records);
    pg::ProjectUsers users(*m_connection, project.id);
    for (const auto& [name, role] : contents.users) {
        m_tokens[name] = net::addUser(users, name, role, contents.now);
    }
}

ProjectUnderTest::~ProjectUnderTest() = default;

std::vector<nlohmann::json> ProjectUnderTest::currentRows(const std::string& kind) const
{
    if (m_kind == StoreKind::Sqlite) {
        throw std::logic_error("currentRows reads a PostgreSQL project; a project file is read with SQL");
    }
    std::vector<nlohmann::json> rows;
    const pg::Result result = m_connection->exec(
        "SELECT a.body, a.seq FROM answers a JOIN projects p ON p.id = a.project JOIN records r ON r.project = "
        "a.project AND r.key = a.sample_key WHERE p.name = $1 AND a.kind = $2 AND a.question = "
        "(p.record_schema::json -> 'questions' -> 0 ->> 'name') ORDER BY r.id, a.owner",
        {m_name, kind});
    for (int i = 0; i < result.rows(); ++i) {
        auto row = nlohmann::json::parse(result.text(i, 0));
        row["seq"] = result.integer(i, 1);
        rows.push_back(std::move(row));
    }
    return rows;
}

std::int64_t ProjectUnderTest::operations(bool supersededOnly) const
{
    if (m_kind == StoreKind::Sqlite) {
        sqlite::Database db(m_path, sqlite::Database::Mode::ReadOnly);
        auto statement = db.prepare(supersededOnly ? "SELECT count(*) FROM oplog WHERE superseded = 1"
                                                   : "SELECT count(*) FROM oplog");
        statement.step();
        return statement.columnInt(0);
    }
    return m_connection
        ->exec("SELECT count(*) FROM changes c JOIN projects p ON p.id = c.project WHERE p.name = $1 AND (c.superseded "
               "OR NOT $2)",
               {m_name, supersededOnly ? "true" : "false"})
        .integer(0, 0);
}

std::string ProjectUnderTest::addUser(const std::string& name, Role role, std::int64_t now)
{
    std::string token;
    if (m_kind == StoreKind::Sqlite) {
        auto project = Project::open(m_path);
        store::UserTable users(project->database());
        token = net::addUser(users, name, role, now);
    } else {
        pg::ProjectUsers users(*m_connection, pg::findProject(*m_connection, m_name)->id);
        token = net::addUser(users, name, role, now);
    }
    m_tokens[name] = token;
    return token;
}

void ProjectUnderTest::setRole(const std::string& name, Role role)
{
    if (m_kind == StoreKind::Sqlite) {
        sqlite::Database db(m_path, sqlite::Database::Mode::ReadWrite);
        auto statement = db.prepare("UPDATE users SET role = ? WHERE name = ?");
        statement.bind(1, toString(role)).bind(2, name).run();
        return;
    }
    m_connection->exec("UPDATE project_roles SET role = $3 WHERE project = $1 AND account = $2",
                       {std::to_string(pg::findProject(*m_connection, m_name)->id), name, std::string(toString(role))});
}

void ProjectUnderTest::addRecords(const std::vector<Sample>& records)
{
    if (m_kind == StoreKind::Sqlite) {
        auto project = Project::open(m_path);
        for (const auto& record : records) {
            project->samples().insert(record.id, record.text, record.meta, record.record);
        }
        return;
    }
    pg::Transaction transaction(*m_connection);
    pg::addRecords(*m_connection, pg::findProject(*m_connection, m_name)->id, records);
    transaction.commit();
}

std::vector<store::LogEntry> ProjectUnderTest::logEntries()
{
    auto store = open();
    std::vector<store::LogEntry> all;
    net::forEachLogEntry(store->log(), 0, [&](const store::LogEntry& entry) { all.push_back(entry); });
    return all;
}

std::int64_t ProjectUnderTest::apply(const std::string& user, Role role, const net::Operation& operation)
{
    auto store = open();
    net::OperationApplier applier(*store);
    net::Identity who;
    who.authenticated = true;
    who.user = user;
    who.role = role;
    who.client = "test-host";
    std::int64_t seq = 0;
    net::inBatch(*store, [&] {
        const auto result = applier.apply(who, operation, store->blind());
        seq = result.status == net::OpStatus::Rejected ? 0 : result.seq;
    });
    return seq;
}

ProjectUnderTest::ServeArguments ProjectUnderTest::serveArguments() const
{
    if (m_kind == StoreKind::Sqlite) {
        return {m_path, {}};
    }
    const auto certificate = net::certificatePathsFor(m_path);
    return {"--store=" + m_address, {"--project", m_name, "--cert", certificate.certificate, "--key", certificate.key}};
}

void ProjectUnderTest::serveOn(net::ServerOptions& options) const
{
    options.projectPath = m_path;
    if (m_kind == StoreKind::Postgresql) {
        pg::serveFromStore(options, m_address, m_name);
        options.certificate = net::certificatePathsFor(m_path);
    }
}

std::unique_ptr<net::ServerStore> ProjectUnderTest::open(Clock clock)
{
    if (m_kind == StoreKind::Sqlite) {
        return std::make_unique<net::ServerProject>(m_address, std::move(clock));
    }
    const auto project = pg::findProject(*m_connection, m_name);
    return std::make_unique<pg::PgServerStore>(*m_connection, *project, std::move(clock));
}

} // namespace concord::test
