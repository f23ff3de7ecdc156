// The feedback rules of protocol 2 over a real TLS server on loopback: a project with fields and
// questions (a template's or any schema), four users (annotators alice and bob, reviewer rita,
// admin adam), and a raw client that writes each message as the JSON a client would put in a
// frame and waits for the reply with its id (notices in between are passed over). Every wait is
// for a frame or for the server to close, bounded by a generous limit after which the test fails.
#pragma once

#include "core/feedback/RecordContent.hpp"
#include "core/feedback/RecordSchema.hpp"
#include "core/feedback/Templates.hpp"
#include "core/store/Project.hpp"
#include "core/util/HybridClock.hpp"
#include "net/NetError.hpp"
#include "net/auth/Accounts.hpp"
#include "net/client/Connection.hpp"
#include "net/protocol/Messages.hpp"
#include "tests/net/ServerThread.hpp"
#include "tests/net/StoreUnderTest.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace concord::test {

// A record's fields as {"name": "text"}: one sentence per field of `schema`, naming the field and
// the record, so that every required field has a value.
inline nlohmann::json feedbackFields(const RecordSchema& schema, const std::string& id)
{
    nlohmann::json fields = nlohmann::json::object();
    for (const auto& field : schema.fields) {
        fields[field.name] = "The " + field.name + " of record " + id + ".";
    }
    return fields;
}

struct FeedbackServerOptions
{
    bool blind = false;
    int records = 3; // r1, r2, ...
};

// A server project on disk made from a schema in the new form (a template's, or any other) or
// from a label schema (a project as made before questions existed), served on 127.0.0.1.
class FeedbackServer
{
public:
    using Options = FeedbackServerOptions;

    // Made in the store under test (StoreUnderTest.hpp).
    explicit FeedbackServer(const nlohmann::json& schema, Options options = {})
        : m_project(m_dir.file("server.concord"), withFields(RecordSchema::fromJson(schema), options))
    {
        start();
    }

    FeedbackServer(const LabelSchema& labels, Options options)
        : m_project(m_dir.file("server.concord"), withText(labels, options))
    {
        start();
    }

    // The project file (SQLite only).
    std::string path() const { return m_project.address(); }
    const ServerThread& thread() const { return *m_thread; }
    ProjectUnderTest& project() { return m_project; }
    const std::string& token(const std::string& user) const { return m_project.token(user); }

private:
    static ProjectSettings settingsFor(const Options& options)
    {
        ProjectSettings settings;
        settings.name = "feedback";
        settings.blind = options.blind;
        settings.overlap = 2;
        return settings;
    }

    static ProjectUnderTest::Contents contents(const RecordSchema& schema, const Options& options)
    {
        ProjectUnderTest::Contents made;
        made.settings = settingsFor(options);
        made.schema = schema;
        made.users = {
            {"alice", Role::Annotator}, {"bob", Role::Annotator}, {"rita", Role::Reviewer}, {"adam", Role::Admin}};
        return made;
    }

    static ProjectUnderTest::Contents withFields(const RecordSchema& schema, const Options& options)
    {
        ProjectUnderTest::Contents made = contents(schema, options);
        for (int i = 1; i <= options.records; ++i) {
            const std::string id = "r" + std::to_string(i);
            RecordContent record;
            record.fields = feedbackFields(schema, id);
            made.records.push_back(Sample{0, id, primaryText(schema, record), "{}", encodeRecord(record)});
        }
        return made;
    }

    static ProjectUnderTest::Contents withText(const LabelSchema& labels, const Options& options)
    {
        ProjectUnderTest::Contents made = contents(RecordSchema::fromLegacy(labels), options);
        for (int i = 1; i <= options.records; ++i) {
            made.records.push_back(Sample{0, "r" + std::to_string(i), "text of record " + std::to_string(i), "{}", ""});
        }
        return made;
    }

    void start() { m_thread = std::make_unique<ServerThread>(m_project); }

    TempDir m_dir;
    ProjectUnderTest m_project;
    std::unique_ptr<ServerThread> m_thread; // declared last: stopped before the directory goes
};

// What a series of pulls received, every page of it.
struct FeedbackFeed
{
    std::vector<nlohmann::json> annotations;
    std::vector<nlohmann::json> resolutions;
    std::vector<nlohmann::json> responses;
    std::vector<nlohmann::json> suggestions;
    std::int64_t next = 0; // the cursor to pull from next time

    // Rows of `rows` whose `key` is `value` (and, when given, whose `key2` is `value2`).
    static std::size_t count(const std::vector<nlohmann::json>& rows, const std::string& key, const std::string& value,
                             const std::string& key2 = {}, const std::string& value2 = {})
    {
        std::size_t n = 0;
        for (const auto& row : rows) {
            if (row.value(key, std::string()) == value && (key2.empty() || row.value(key2, std::string()) == value2)) {
                ++n;
            }
        }
        return n;
    }
    // The answer of `annotator` to `question` on `sample`, or null.
    nlohmann::json answer(const std::string& sample, const std::string& annotator, const std::string& question) const
    {
        for (const auto& row : annotations) {
            if (row.value("sample", "") == sample && row.value("annotator", "") == annotator &&
                row.value("question", "") == question) {
                return row;
            }
        }
        return nullptr;
    }
    std::string summary() const
    {
        nlohmann::json all = {{"annotations", annotations},
                              {"resolutions", resolutions},
                              {"responses", responses},
                              {"suggestions", suggestions}};
        return all.dump();
    }
};

// A TLS connection that sends hand-made JSON frames and reads the server's replies as JSON.
class RawFeedbackClient
{
public:
    static constexpr std::chrono::seconds kWait{30};

    explicit RawFeedbackClient(const ServerThread& server) { m_connection.connect(server.endpoint(), kWait); }

    void send(const nlohmann::json& message) { m_connection.writeFrame(message.dump(), kWait); }

    // The next frame that is not a notice; fails the test when none comes within the limit.
    // Throws net::NetError when the server closed the connection.
    nlohmann::json receive()
    {
        for (;;) {
            const auto payload = m_connection.readFrame(kWait);
            if (!payload) {
                FAIL("no reply from the server within " << kWait.count() << " s");
            }
            auto message = nlohmann::json::parse(*payload);
            if (message.value("type", "") != "notice") {
                return message;
            }
        }
    }

    // True when the server closes the connection (after what it still sent) within the limit.
    bool waitUntilClosed()
    {
        const auto deadline = std::chrono::steady_clock::now() + kWait;
        while (std::chrono::steady_clock::now() < deadline) {
            try {
                (void)m_connection.readFrame(kWait);
            } catch (const net::NetError&) {
                return true;
            }
        }
        return false;
    }

    // Sends the hello and returns the server's first reply (a welcome or an error).
    nlohmann::json hello(const std::string& user, const std::string& token, const std::string& client,
                         int protocol = net::kProtocolVersion)
    {
        send({{"type", "hello"},
              {"protocol", protocol},
              {"user", user},
              {"token", token},
              {"project", ""},
              {"client", client}});
        return receive();
    }

    // A hello that must be welcomed.
    void login(const FeedbackServer& server, const std::string& user, const std::string& client = {})
    {
        const auto reply = hello(user, server.token(user), client.empty() ? user + "-device" : client);
        INFO(reply.dump());
        REQUIRE(reply.value("type", "") == "welcome");
        m_client = client.empty() ? user + "-device" : client;
    }

    // Sends `message` under a fresh id and returns the reply of that id (failing on another).
    nlohmann::json request(nlohmann::json message)
    {
        const std::int64_t id = m_nextId++;
        message["id"] = id;
        send(message);
        auto reply = receive();
        INFO(reply.dump());
        REQUIRE(reply.value("id", std::int64_t{-1}) == id);
        return reply;
    }

    // Pushes `ops` (each completed with an op id, a stamp and this device's client id when it
    // lacks them) and returns the ack's results.
    nlohmann::json push(nlohmann::json ops)
    {
        for (auto& op : ops) {
            if (!op.contains("op")) {
                op["op"] = m_client + "-op-" + std::to_string(++s_ops);
            }
            if (!op.contains("hlc")) {
                op["hlc"] = hlc::fromMs(systemNowMs()) + (++s_ops);
            }
            if (!op.contains("client")) {
                op["client"] = m_client;
            }
        }
        const auto reply = request({{"type", "push"}, {"ops", ops}});
        INFO(reply.dump());
        REQUIRE(reply.value("type", "") == "ack");
        REQUIRE(reply["results"].size() == ops.size());
        return reply["results"];
    }

    // The one result of pushing one operation.
    nlohmann::json pushOne(nlohmann::json op) { return push(nlohmann::json::array({std::move(op)}))[0]; }

    // Every change after `after`, page by page until the server says there is no more.
    FeedbackFeed pullAll(std::int64_t after = 0)
    {
        FeedbackFeed feed;
        for (int page = 0; page < 1000; ++page) {
            const auto reply = request({{"type", "pull"}, {"after", after}, {"limit", 100}});
            INFO(reply.dump());
            REQUIRE(reply.value("type", "") == "changes");
            for (const auto& [key, rows] :
                 {std::pair{"annotations", &feed.annotations}, std::pair{"resolutions", &feed.resolutions},
                  std::pair{"responses", &feed.responses}, std::pair{"suggestions", &feed.suggestions}}) {
                for (const auto& row : reply.value(key, nlohmann::json::array())) {
                    rows->push_back(row);
                }
            }
            after = reply.at("next").get<std::int64_t>();
            if (!reply.value("more", false)) {
                feed.next = after;
                return feed;
            }
        }
        FAIL("the server never said the feed was complete");
        return feed;
    }

private:
    net::Connection m_connection;
    std::string m_client = "raw";
    std::int64_t m_nextId = 1;
    static inline std::atomic<std::int64_t> s_ops{0};
};

// Operations as a client writes them (op id, stamp and client are added by push()).
inline nlohmann::json answerOp(const std::string& sample, const std::string& annotator, const std::string& question,
                               nlohmann::json value)
{
    nlohmann::json op = {
        {"kind", "annotate"}, {"sample", sample}, {"annotator", annotator}, {"value", std::move(value)}};
    if (!question.empty()) {
        op["question"] = question;
    }
    return op;
}

inline nlohmann::json respondOp(const std::string& sample, const std::string& annotator, const std::string& status)
{
    return {{"kind", "respond"}, {"sample", sample}, {"annotator", annotator}, {"value", {{"status", status}}}};
}

inline nlohmann::json suggestOp(const std::string& sample, const std::string& agent, const std::string& question,
                                nlohmann::json answer, double score = 0.9)
{
    return {{"kind", "suggest"},
            {"sample", sample},
            {"annotator", agent},
            {"question", question},
            {"value", {{"agent", agent}, {"value", std::move(answer)}, {"score", score}}}};
}

inline nlohmann::json schemaOp(nlohmann::json schema)
{
    return {{"kind", "schema"}, {"value", std::move(schema)}};
}

// Checks that `result` was refused with `code` and a reason holding every one of `fragments`.
inline void checkRefused(const nlohmann::json& result, const std::string& code,
                         const std::vector<std::string>& fragments)
{
    INFO("result: " << result.dump());
    CHECK(result.value("status", "") == "rejected");
    CHECK(result.value("code", "") == code);
    for (const auto& fragment : fragments) {
        CHECK_THAT(result.value("reason", std::string()), Catch::Contains(fragment));
    }
}

inline void checkApplied(const nlohmann::json& result)
{
    INFO("result: " << result.dump());
    CHECK(result.value("status", "") == "applied");
    CHECK(result.value("seq", std::int64_t{0}) > 0);
}

} // namespace concord::test
