// A server project on disk with samples and users, real TLS servers on loopback, replicas made
// by joining, and a digest of the synced tables to compare a replica with the server.
#pragma once

#include "core/store/Project.hpp"
#include "core/store/UserTable.hpp"
#include "core/util/HybridClock.hpp"
#include "net/auth/Accounts.hpp"
#include "net/client/ReplicaSync.hpp"
#include "tests/net/ServerThread.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <string>

namespace concord::test {

class SyncFixture
{
public:
    explicit SyncFixture(int samples = 20, bool blind = false, int overlap = 2)
    {
        ProjectSettings settings;
        settings.name = "synced";
        settings.overlap = overlap;
        settings.blind = blind;
        auto project = Project::create(serverPath(), settings,
                                       LabelSchema::fromNames(TaskKind::Single, {"pos", "neg", "neutral"}));
        sqlite::Transaction transaction(project->database());
        for (int i = 1; i <= samples; ++i) {
            project->samples().insert("s" + std::to_string(i), "sample text " + std::to_string(i),
                                      R"({"n":)" + std::to_string(i) + "}");
        }
        store::UserTable users(project->database());
        for (const auto& [name, role] : std::map<std::string, Role>{{"alice", Role::Annotator},
                                                                    {"bob", Role::Annotator},
                                                                    {"carol", Role::Annotator},
                                                                    {"rita", Role::Reviewer},
                                                                    {"adam", Role::Admin}}) {
            tokens[name] = net::addUser(users, name, role, 1);
        }
        transaction.commit();
    }

    std::string serverPath() const { return dir.file("server.concord"); }
    std::string replicaPath(const std::string& name) const { return dir.file(name + ".concord"); }

    static net::SyncOptions quickOptions()
    {
        net::SyncOptions options;
        options.timeout = std::chrono::seconds(20);
        options.retry.attempts = 3;
        options.retry.firstDelay = std::chrono::milliseconds(20);
        return options;
    }

    net::JoinReport join(const ServerThread& server, const std::string& user, const std::string& replicaName)
    {
        net::JoinOptions options;
        options.endpoint = server.endpoint();
        options.user = user;
        options.token = tokens.at(user);
        options.path = replicaPath(replicaName);
        options.sync = quickOptions();
        return net::joinServer(options);
    }

    net::SyncReport sync(const std::string& replicaName)
    {
        auto replica = Project::open(replicaPath(replicaName));
        return net::syncReplica(*replica, quickOptions());
    }

    // The synced tables as text: every annotation and resolution with its version and seq.
    static std::string digest(const std::string& path, const std::optional<std::string>& onlyAnnotator = {})
    {
        sqlite::Database db(path, sqlite::Database::Mode::ReadOnly);
        std::string text;
        auto annotations =
            db.prepare("SELECT s.id, a.annotator, a.value, a.created_at, a.updated_at, a.hlc, a.client, a.seq "
                       "FROM annotations a JOIN samples s ON s.pk = a.sample WHERE ?1 IS NULL OR a.annotator = ?1 "
                       "ORDER BY s.id, a.annotator");
        annotations.bind(1, onlyAnnotator);
        while (annotations.step()) {
            for (int c = 0; c < 8; ++c) {
                text += annotations.columnText(c) + "|";
            }
            text += "\n";
        }
        if (!onlyAnnotator) {
            auto resolutions = db.prepare("SELECT s.id, r.value, r.note, r.author, r.updated_at, r.hlc, r.client, "
                                          "r.seq FROM resolutions r JOIN samples s ON s.pk = r.sample ORDER BY s.id");
            while (resolutions.step()) {
                for (int c = 0; c < 8; ++c) {
                    text += resolutions.columnText(c) + "|";
                }
                text += "\n";
            }
        }
        return text;
    }

    static std::int64_t count(const std::string& path, const std::string& sql)
    {
        sqlite::Database db(path, sqlite::Database::Mode::ReadOnly);
        auto statement = db.prepare(sql);
        REQUIRE(statement.step());
        return statement.columnInt(0);
    }

    static nlohmann::json label(const std::string& name) { return {{"labels", {name}}}; }

    TempDir dir;
    std::map<std::string, std::string> tokens;
};

} // namespace concord::test
