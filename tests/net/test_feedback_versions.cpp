// Protocol versions (issue 15): a server of protocol 2 serves clients of protocol 1 only on
// projects of one text field and one label-like question, where both versions mean the same;
// elsewhere, and for a version it does not know, the hello is refused with unsupported_version
// and the connection closed. Raw hellos over TLS on loopback.
#include "tests/net/FeedbackFixture.hpp"

using namespace concord;
using test::checkApplied;
using test::checkRefused;
using test::FeedbackServer;
using test::RawFeedbackClient;

namespace {

// Says hello with `protocol` and expects a fatal unsupported_version error, then the close.
void feedbackCheckVersionRefused(FeedbackServer& server, int protocol, const std::vector<std::string>& message)
{
    RawFeedbackClient client(server.thread());
    const auto reply = client.hello("alice", server.token("alice"), "old-device", protocol);
    INFO("reply: " << reply.dump());
    CHECK(reply.value("type", "") == "error");
    CHECK(reply.value("code", "") == "unsupported_version");
    CHECK(reply.value("fatal", false));
    for (const auto& fragment : message) {
        CHECK_THAT(reply.value("message", std::string()), Catch::Contains(fragment));
    }
    CHECK(client.waitUntilClosed());
}

} // namespace

TEST_CASE("feedback: a protocol 1 hello is refused on a project with several fields or questions",
          "[integration][feedback][stores]")
{
    const std::string name = GENERATE(as<std::string>{}, "preference", "ranking", "sft", "evaluate");
    INFO("template " << name);
    FeedbackServer server(templateSchema(name));
    feedbackCheckVersionRefused(server, 1, {"protocol 1", "update Concord", "protocol 2"});
    // The same user with protocol 2 is welcomed: the refusal was for the version.
    RawFeedbackClient current(server.thread());
    const auto reply = current.hello("alice", server.token("alice"), "new-device", 2);
    INFO("reply: " << reply.dump());
    CHECK(reply.value("type", "") == "welcome");
    CHECK(reply.value("protocol", 0) == 2);
}

TEST_CASE("feedback: a protocol 1 client is served on a one-question project, its answers to the first question",
          "[integration][feedback][stores]")
{
    const bool fromTemplate = GENERATE(true, false);
    INFO((fromTemplate ? "the classify template" : "a label schema"));
    const auto server = fromTemplate
                            ? std::make_unique<FeedbackServer>(templateSchema("classify"))
                            : std::make_unique<FeedbackServer>(
                                  LabelSchema::fromNames(TaskKind::Single, {"positive", "negative", "neutral"}),
                                  FeedbackServer::Options{});
    RawFeedbackClient old(server->thread());
    const auto welcome = old.hello("alice", server->token("alice"), "old-device", 1);
    INFO("welcome: " << welcome.dump());
    REQUIRE(welcome.value("type", "") == "welcome");
    CHECK(welcome.value("protocol", 0) == 1);
    CHECK(welcome["project"]["schema"].value("kind", "") == "single");

    // A version 1 push: no question, no context.
    const nlohmann::json v1 = {{"type", "push"},
                               {"id", 7},
                               {"ops",
                                {{{"op", "old-1"},
                                  {"kind", "annotate"},
                                  {"sample", "r1"},
                                  {"annotator", "alice"},
                                  {"value", {{"labels", {"negative"}}}},
                                  {"hlc", hlc::fromMs(systemNowMs())},
                                  {"client", "old-device"}},
                                 {{"op", "old-2"},
                                  {"kind", "annotate"},
                                  {"sample", "r2"},
                                  {"annotator", "alice"},
                                  {"value", {{"labels", {"sideways"}}}},
                                  {"hlc", hlc::fromMs(systemNowMs()) + 1},
                                  {"client", "old-device"}}}}};
    old.send(v1);
    const auto ack = old.receive();
    INFO("ack: " << ack.dump());
    REQUIRE(ack.value("type", "") == "ack");
    CHECK(ack.value("id", 0) == 7);
    REQUIRE(ack["results"].size() == 2);
    checkApplied(ack["results"][0]);
    // Checked as a one-question project always was: the reason does not name a question.
    checkRefused(ack["results"][1], "invalid_value", {"unknown label 'sideways'"});
    CHECK_THAT(ack["results"][1].value("reason", std::string()), !Catch::Contains("question '"));

    // The answer is the first question's, for the old client and for a current one.
    RawFeedbackClient admin(server->thread());
    admin.login(*server, "adam");
    for (auto* client : {&old, &admin}) {
        const auto feed = client->pullAll();
        INFO("received: " << feed.summary());
        REQUIRE(feed.annotations.size() == 1);
        CHECK(feed.annotations[0]["question"] == "label");
        CHECK(feed.annotations[0]["sample"] == "r1");
        CHECK(feed.annotations[0]["value"] == nlohmann::json{{"labels", {"negative"}}});
    }
}

TEST_CASE("feedback: a hello with a protocol newer than the server's is refused", "[integration][feedback][stores]")
{
    const std::string name = GENERATE(as<std::string>{}, "classify", "evaluate");
    INFO("template " << name);
    FeedbackServer server(templateSchema(name));
    feedbackCheckVersionRefused(server, net::kProtocolVersion + 1, {"versions 1 to 3", "the client 4", "update"});
}
