#include "tests/net/StoreUnderTest.hpp"

#include "core/store/Project.hpp"
#include "core/store/UserTable.hpp"
#include "core/util/RandomId.hpp"
#include "net/auth/Accounts.hpp"
#include "net/server/ServerProject.hpp"
#include "pgstore/PgServerStore.hpp"
#include "pgstore/Projects.hpp"
#include "pgstore/ServeStore.hpp"
#include "tests/support/PgCluster.hpp"

namespace concord::test {

StoreKind& storeUnderTest()
{
    static StoreKind kind = StoreKind::Sqlite;
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
