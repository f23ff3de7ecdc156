// A server project on disk with samples and users, real TLS servers on loopback, replicas made
// by joining, and a digest of the synced tables to compare a replica with the server.
#pragma once

#include "core/store/Project.hpp"
#include "core/store/UserTable.hpp"
#include "core/util/HybridClock.hpp"
#include "net/auth/Accounts.hpp"
#include "net/client/ReplicaSync.hpp"
#include "tests/net/ServerThread.hpp"
#include "tests/net/StoreUnderTest.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <sstream>
#include <string>

namespace concord::test {

class SyncFixture
{
public:
    // The server's project in the store under test (StoreUnderTest.hpp).
    explicit SyncFixture(int samples = 20, bool blind = false, int overlap = 2)
        : project(dir.file("server.concord"), contents(samples, blind, overlap)), tokens(project.tokens())
    {}

    static ProjectUnderTest::Contents contents(int samples, bool blind, int overlap)
    {
        ProjectUnderTest::Contents made;
        made.settings.name = "synced";
        made.settings.overlap = overlap;
        made.settings.blind = blind;
        made.schema = RecordSchema::fromLegacy(LabelSchema::fromNames(TaskKind::Single, {"pos", "neg", "neutral"}));
        for (int i = 1; i <= samples; ++i) {
            made.records.push_back(Sample{0, "s" + std::to_string(i), "sample text " + std::to_string(i),
                                          R"({"n":)" + std::to_string(i) + "}", ""});
        }
        made.users = {{"alice", Role::Annotator},
                      {"bob", Role::Annotator},
                      {"carol", Role::Annotator},
                      {"rita", Role::Reviewer},
                      {"adam", Role::Admin}};
        return made;
    }

    // The project file; on PostgreSQL only where the certificate goes.
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

    // digest() of the server's project, whichever store holds it.
    std::string serverDigest(const std::optional<std::string>& onlyAnnotator = {}) const
    {
        if (project.kind() == StoreKind::Sqlite) {
            return digest(serverPath(), onlyAnnotator);
        }
        std::string text;
        for (const auto& row : project.currentRows("annotation")) {
            if (!onlyAnnotator || row["annotator"] == *onlyAnnotator) {
                text += row["sample"].get<std::string>() + "|" + row["annotator"].get<std::string>() + "|" +
                        row["value"].dump() + "|" + std::to_string(row["created_at"].get<std::int64_t>()) + "|" +
                        std::to_string(row["updated_at"].get<std::int64_t>()) + "|" +
                        std::to_string(row["hlc"].get<std::int64_t>()) + "|" + row["client"].get<std::string>() + "|" +
                        std::to_string(row["seq"].get<std::int64_t>()) + "|\n";
            }
        }
        if (!onlyAnnotator) {
            for (const auto& row : project.currentRows("resolution")) {
                text += row["sample"].get<std::string>() + "|" + row["value"].dump() + "|" +
                        row["note"].get<std::string>() + "|" + row["author"].get<std::string>() + "|" +
                        std::to_string(row["updated_at"].get<std::int64_t>()) + "|" +
                        std::to_string(row["hlc"].get<std::int64_t>()) + "|" + row["client"].get<std::string>() + "|" +
                        std::to_string(row["seq"].get<std::int64_t>()) + "|\n";
            }
        }
        return text;
    }

    // The server's current annotations (of `annotator`, or everyone's), whichever store holds them.
    std::int64_t serverAnnotations(const std::optional<std::string>& annotator = {}) const
    {
        if (project.kind() == StoreKind::Sqlite) {
            return annotator
                       ? count(serverPath(), "SELECT count(*) FROM annotations WHERE annotator = '" + *annotator + "'")
                       : count(serverPath(), "SELECT count(*) FROM annotations");
        }
        std::int64_t count = 0;
        for (const auto& row : project.currentRows("annotation")) {
            count += !annotator || row["annotator"] == *annotator ? 1 : 0;
        }
        return count;
    }

    // The most annotators any one record has on the server.
    std::int64_t serverMostAnnotatorsOnARecord() const
    {
        std::map<std::string, std::int64_t> perRecord;
        std::istringstream lines(serverDigest());
        std::int64_t most = 0;
        for (std::string line; std::getline(lines, line);) {
            if (line.find('|') != std::string::npos) {
                most = std::max(most, ++perRecord[line.substr(0, line.find('|'))]);
            }
        }
        return most;
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
    ProjectUnderTest project;
    std::map<std::string, std::string> tokens;
};

} // namespace concord::test
