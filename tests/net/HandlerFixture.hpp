// A server project in a temporary directory with ten samples and four users (two annotators, a
// reviewer, an admin), a stepping clock, and a Handler to send messages to, so that the
// protocol's rules can be tested without sockets.
#pragma once

#include "core/util/HybridClock.hpp"
#include "net/auth/Accounts.hpp"
#include "net/server/Handler.hpp"
#include "net/server/ServerProject.hpp"
#include "tests/net/StoreUnderTest.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <string>

namespace concord::test {

class HandlerFixture
{
public:
    explicit HandlerFixture(bool blind = false, int overlap = 1, int samples = 10)
        : project(dir.file("server.concord"), contents(blind, overlap, samples)), tokens(project.tokens())
    {
        open();
    }

    static ProjectUnderTest::Contents contents(bool blind, int overlap, int samples)
    {
        ProjectUnderTest::Contents made;
        made.settings.name = "fixture";
        made.settings.blind = blind;
        made.settings.overlap = overlap;
        made.schema = RecordSchema::fromLegacy(LabelSchema::fromNames(TaskKind::Single, {"pos", "neg"}));
        for (int i = 1; i <= samples; ++i) {
            made.records.push_back(Sample{0, "s" + std::to_string(i), "text number " + std::to_string(i), "{}", ""});
        }
        made.users = {
            {"alice", Role::Annotator}, {"bob", Role::Annotator}, {"rita", Role::Reviewer}, {"adam", Role::Admin}};
        made.now = 1'700'000'000'000;
        return made;
    }

    std::string path() const { return project.address(); }

    void open()
    {
        handler.reset();
        server.reset();
        server = project.open([this] { return clockMs; });
        handler = std::make_unique<net::Handler>(*server, net::HandlerOptions{std::chrono::minutes(30), "test"});
    }

    // The project file, for the tests that look at what only SQLite keeps apart (the history
    // tables) or write to it as another program would; they are not tagged [stores].
    net::ServerProject& file()
    {
        auto* sqlite = dynamic_cast<net::ServerProject*>(server.get());
        REQUIRE(sqlite != nullptr);
        return *sqlite;
    }

    net::HandlerResult send(const net::Identity& who, const net::ClientMessage& message)
    {
        return handler->handle(who, message);
    }

    net::Identity login(const std::string& user, const std::string& client = "device-1")
    {
        net::Identity anonymous;
        anonymous.peer = "127.0.0.1";
        auto result = send(anonymous, net::Hello{net::kProtocolVersion, user, tokens.at(user), "", client, ""});
        REQUIRE(result.identity.has_value());
        return *result.identity;
    }

    template <typename T> static const T& only(const net::HandlerResult& result)
    {
        REQUIRE(result.replies.size() == 1);
        const auto* reply = std::get_if<T>(&result.replies.front());
        if (reply == nullptr) {
            if (const auto* error = std::get_if<net::ErrorReply>(&result.replies.front())) {
                FAIL("error " << net::toString(error->code) << ": " << error->message);
            }
            FAIL("unexpected reply type");
        }
        return *reply;
    }

    static net::Operation annotation(const std::string& opId, const std::string& sample, const std::string& annotator,
                                     const std::string& label, std::int64_t hlc, const std::string& client = "device-1")
    {
        net::Operation operation;
        operation.opId = opId;
        operation.kind = OperationKind::Annotate;
        operation.sampleId = sample;
        operation.annotator = annotator;
        operation.value = {{"labels", {label}}};
        operation.stamp = Stamp{hlc, client};
        return operation;
    }

    static net::Operation resolution(const std::string& opId, const std::string& sample, const std::string& label,
                                     std::int64_t hlc, const std::string& client = "device-1")
    {
        net::Operation operation;
        operation.opId = opId;
        operation.kind = OperationKind::Resolve;
        operation.sampleId = sample;
        operation.value = {{"labels", {label}}};
        operation.note = "checked";
        operation.stamp = Stamp{hlc, client};
        return operation;
    }

    net::Ack push(const net::Identity& who, std::vector<net::Operation> ops, std::int64_t id = 1)
    {
        return only<net::Ack>(send(who, net::Push{id, std::move(ops)}));
    }

    std::optional<AnnotationChange> row(const std::string& sample, const std::string& annotator)
    {
        auto key = server->sampleKey(sample);
        REQUIRE(key.has_value());
        return server->findAnnotation(server->recordSchema().primary().name, *key, annotator);
    }

    std::optional<ResolutionChange> resolution(const std::string& sample)
    {
        auto key = server->sampleKey(sample);
        REQUIRE(key.has_value());
        return server->findResolution(server->recordSchema().primary().name, *key);
    }

    // A stamp at the fixture's clock plus `offsetMs`.
    std::int64_t stamp(std::int64_t offsetMs = 0) const { return hlc::fromMs(clockMs + offsetMs); }

    TempDir dir;
    std::int64_t clockMs = 1'700'000'000'000;
    ProjectUnderTest project;
    std::map<std::string, std::string> tokens;
    std::unique_ptr<net::ServerStore> server;
    std::unique_ptr<net::Handler> handler;
};

} // namespace concord::test
