// Typed messages decoded and validated from JSON, and encoded back.
#include "net/protocol/Messages.hpp"
#include "net/protocol/ProtocolError.hpp"

#include <catch2/catch.hpp>

using namespace concord;
using namespace concord::net;

namespace {

ProtocolError refusal(const std::string& payload)
{
    try {
        parseClientMessage(payload);
    } catch (const ProtocolError& error) {
        return error;
    }
    FAIL("accepted: " << payload);
    throw std::logic_error("unreachable");
}

} // namespace

TEST_CASE("client messages survive encoding and decoding", "[messages]")
{
    Operation annotate;
    annotate.opId = "op-1";
    annotate.sampleId = "s1";
    annotate.annotator = "alice";
    annotate.value = {{"labels", {"pos"}}};
    annotate.stamp = Stamp{123456, "dev"};
    Operation resolve = annotate;
    resolve.opId = "op-2";
    resolve.kind = OperationKind::Resolve;
    resolve.note = "agreed";

    const auto push = std::get<Push>(parseClientMessage(serialize(ClientMessage{Push{7, {annotate, resolve}}})));
    CHECK(push.id == 7);
    REQUIRE(push.ops.size() == 2);
    CHECK(push.ops[0].annotator == "alice");
    CHECK(push.ops[0].value == annotate.value);
    CHECK(push.ops[0].stamp.hlc == 123456);
    CHECK(push.ops[1].kind == OperationKind::Resolve);
    CHECK(push.ops[1].note == "agreed");

    const auto hello =
        std::get<Hello>(parseClientMessage(serialize(ClientMessage{Hello{1, "alice", "t", "p", "c", ""}})));
    CHECK(hello.user == "alice");
    CHECK(hello.project == "p");
    CHECK(hello.projectName.empty());
    // Version 3 names the project to join; versions 1 and 2 never see the field.
    CHECK(serialize(ClientMessage{Hello{2, "alice", "t", "", "c", ""}}).find("project_name") == std::string::npos);
    const auto named =
        std::get<Hello>(parseClientMessage(serialize(ClientMessage{Hello{3, "alice", "t", "", "c", "reviews"}})));
    CHECK(named.projectName == "reviews");
    CHECK(std::get<Pull>(parseClientMessage(serialize(ClientMessage{Pull{3, 40, 100}}))).after == 40);
    CHECK(std::get<SamplesRequest>(parseClientMessage(serialize(ClientMessage{SamplesRequest{4, 5, 6}}))).limit == 6);
    CHECK(std::get<NextRequest>(parseClientMessage(serialize(ClientMessage{NextRequest{5, 3}}))).count == 3);
    CHECK(std::get<Ping>(parseClientMessage(R"({"type":"ping","id":9,"extra":"ignored"})")).id == 9);
}

TEST_CASE("server messages survive encoding and decoding", "[messages]")
{
    Welcome welcome;
    welcome.user = "alice";
    welcome.role = Role::Reviewer;
    welcome.head = 12;
    welcome.project.id = "pid";
    welcome.project.name = "name";
    welcome.project.schema = {{"kind", "single"}};
    welcome.project.overlap = 3;
    welcome.project.blind = true;
    welcome.project.guidelines = "be kind";
    const auto decodedWelcome = std::get<Welcome>(parseServerMessage(serialize(ServerMessage{welcome})));
    CHECK(decodedWelcome.role == Role::Reviewer);
    CHECK(decodedWelcome.project.overlap == 3);
    CHECK(decodedWelcome.project.blind);
    CHECK(decodedWelcome.idleTimeoutSeconds == 0); // not said: an older server
    welcome.idleTimeoutSeconds = 120;
    const std::string withIdle = serialize(ServerMessage{welcome});
    CHECK_THAT(withIdle, Catch::Contains(R"("idle_timeout":120)"));
    CHECK(std::get<Welcome>(parseServerMessage(withIdle)).idleTimeoutSeconds == 120);

    Ack ack;
    ack.id = 2;
    ack.head = 9;
    ack.results.push_back(OpResult{"a", OpStatus::Applied, 8, true, std::nullopt, "", std::nullopt});
    ack.results.push_back(OpResult{"b", OpStatus::Duplicate, 3, false, std::nullopt, "", std::nullopt});
    ack.results.push_back(
        OpResult{"c", OpStatus::Rejected, 0, false, ErrorCode::Forbidden, "no", nlohmann::json(nullptr)});
    const auto decodedAck = std::get<Ack>(parseServerMessage(serialize(ServerMessage{ack})));
    REQUIRE(decodedAck.results.size() == 3);
    CHECK(decodedAck.results[0].superseded);
    CHECK(decodedAck.results[1].status == OpStatus::Duplicate);
    CHECK(decodedAck.results[2].code == ErrorCode::Forbidden);
    CHECK(decodedAck.results[2].current == nlohmann::json(nullptr));

    Changes changes;
    changes.id = 4;
    changes.annotations.push_back(
        AnnotationChange{0, "s1", "alice", "label", R"({"labels":["pos"]})", "", 1, 2, {3, "d"}, 4});
    changes.resolutions.push_back(
        ResolutionChange{0, "s1", "label", R"({"labels":["neg"]})", "n", "rita", 5, {6, "e"}, 7});
    changes.next = 7;
    const auto decodedChanges = std::get<Changes>(parseServerMessage(serialize(ServerMessage{changes})));
    CHECK(decodedChanges.annotations.at(0).value == R"({"labels":["pos"]})");
    CHECK(decodedChanges.resolutions.at(0).author == "rita");
    CHECK(decodedChanges.next == 7);

    const auto error = std::get<ErrorReply>(
        parseServerMessage(serialize(ServerMessage{ErrorReply{5, ErrorCode::Busy, "full", true}})));
    CHECK(error.code == ErrorCode::Busy);
    CHECK(error.fatal);
    CHECK(std::get<Notice>(parseServerMessage(serialize(ServerMessage{Notice{42}}))).head == 42);
}

TEST_CASE("malformed client messages are refused with a code and the field at fault", "[messages]")
{
    CHECK(refusal("not json").code() == ErrorCode::BadJson);
    CHECK(refusal("[1,2]").code() == ErrorCode::BadJson);
    CHECK(refusal("\"text\"").code() == ErrorCode::BadJson);
    CHECK(refusal("{\"type\":\"ping\",\"id\":1,\"x\":\"\xff\"}").code() == ErrorCode::BadJson);
    CHECK(refusal(std::string(100, '[') + std::string(100, ']')).code() == ErrorCode::BadJson);
    CHECK(refusal("{}").code() == ErrorCode::BadMessage);
    CHECK(refusal(R"({"type":7})").code() == ErrorCode::BadMessage);

    const auto unknown = refusal(R"({"type":"teleport","id":3})");
    CHECK(unknown.code() == ErrorCode::UnknownType);
    CHECK(unknown.requestId() == 3);

    const auto missingId = refusal(R"({"type":"pull","after":0})");
    CHECK(missingId.code() == ErrorCode::BadMessage);
    CHECK_THAT(missingId.what(), Catch::Contains("pull.id"));

    const auto wrongType = refusal(R"({"type":"pull","id":4,"after":"zero"})");
    CHECK_THAT(wrongType.what(), Catch::Contains("pull.after: expected an integer"));
    CHECK(wrongType.requestId() == 4);

    CHECK_THAT(refusal(R"({"type":"pull","id":4,"after":1.5})").what(), Catch::Contains("expected an integer"));
    CHECK_THAT(refusal(R"({"type":"pull","id":4,"after":-1})").what(), Catch::Contains("must be from 0"));
    CHECK_THAT(refusal(R"({"type":"pull","id":4,"after":18446744073709551615})").what(),
               Catch::Contains("out of range"));
    CHECK_THAT(refusal(R"({"type":"pull","id":4,"after":0,"limit":100000})").what(), Catch::Contains("pull.limit"));

    const std::string op =
        R"({"op":"x","kind":"annotate","sample":"s1","annotator":"a","value":{},"hlc":1,"client":"c"})";
    CHECK_NOTHROW(parseClientMessage(R"({"type":"push","id":1,"ops":[)" + op + "]}"));
    CHECK_THAT(refusal(R"({"type":"push","id":1,"ops":{}})").what(), Catch::Contains("push.ops: expected an array"));
    CHECK_THAT(refusal(R"({"type":"push","id":1,"ops":[1]})").what(),
               Catch::Contains("push.ops[0]: expected an object"));
    CHECK_THAT(
        refusal(
            R"({"type":"push","id":1,"ops":[{"op":"x","kind":"delete","sample":"s1","value":{},"hlc":1,"client":"c"}]})")
            .what(),
        Catch::Contains("push.ops[0].kind"));
    CHECK_THAT(
        refusal(
            R"({"type":"push","id":1,"ops":[{"op":"x","kind":"annotate","sample":"s1","annotator":"a","value":"pos","hlc":1,"client":"c"}]})")
            .what(),
        Catch::Contains("push.ops[0].value: expected an object"));
    CHECK_THAT(
        refusal(
            R"({"type":"push","id":1,"ops":[{"op":"","kind":"annotate","sample":"s1","annotator":"a","value":{},"hlc":1,"client":"c"}]})")
            .what(),
        Catch::Contains("push.ops[0].op: must not be empty"));
    CHECK_THAT(refusal(R"({"type":"hello","protocol":1,"user":"a","client":"c"})").what(),
               Catch::Contains("hello.token: missing"));
}

TEST_CASE("malformed server messages are refused too", "[messages]")
{
    CHECK_THROWS_AS(parseServerMessage(R"({"type":"ack","id":1,"results":[{"op":"a","status":"maybe"}],"head":0})"),
                    ProtocolError);
    CHECK_THROWS_AS(parseServerMessage(R"({"type":"welcome","protocol":1,"user":"a","role":"king","head":0,
        "project":{"id":"p","name":"n","schema":{},"overlap":1,"blind":false}})"),
                    ProtocolError);
    CHECK_THROWS_AS(parseServerMessage(R"({"type":"changes","id":1,"annotations":[{"sample":"s"}],"resolutions":[],
        "next":0,"more":false,"head":0})"),
                    ProtocolError);
}
