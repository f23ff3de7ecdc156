// Client messages to and from JSON: hello, push, pull, samples, next, ping.
#include "net/protocol/JsonFields.hpp"
#include "net/protocol/Messages.hpp"
#include "net/protocol/ProtocolError.hpp"

#include <limits>

namespace concord::net {

namespace {

using nlohmann::json;

Hello parseHello(const JsonFields& fields)
{
    Hello hello;
    hello.protocol = static_cast<int>(fields.integer("protocol", 1, 1'000'000));
    hello.user = fields.string("user", kMaxNameBytes);
    hello.token = fields.string("token", kMaxNameBytes * 2);
    hello.project = fields.optionalString("project", kMaxNameBytes);
    hello.client = fields.string("client", kMaxNameBytes);
    return hello;
}

Operation parseOperation(const json& value, const std::string& path, std::int64_t requestId)
{
    const JsonFields fields(value, path, requestId);
    Operation operation;
    operation.opId = fields.string("op", kMaxNameBytes);
    const std::string kind = fields.string("kind", 16);
    if (kind == "annotate") {
        operation.kind = OperationKind::Annotate;
        operation.annotator = fields.string("annotator", kMaxNameBytes);
    } else if (kind == "resolve") {
        operation.kind = OperationKind::Resolve;
        operation.note = fields.optionalString("note", kMaxNoteBytes);
    } else {
        fields.fail("kind", "expected \"annotate\" or \"resolve\", found \"" + kind + "\"");
    }
    operation.sampleId = fields.string("sample", kMaxIdBytes);
    operation.value = fields.object("value");
    operation.stamp.hlc = fields.integer("hlc", 1, kMaxInt);
    operation.stamp.client = fields.string("client", kMaxNameBytes);
    return operation;
}

Push parsePush(const JsonFields& fields, std::int64_t id)
{
    Push push;
    push.id = id;
    const auto& ops = fields.array("ops", kMaxOpsPerPush);
    push.ops.reserve(ops.size());
    for (std::size_t i = 0; i < ops.size(); ++i) {
        push.ops.push_back(parseOperation(ops[i], "push.ops[" + std::to_string(i) + "]", id));
    }
    return push;
}

json operationToJson(const Operation& operation)
{
    json out = {{"op", operation.opId},     {"kind", toString(operation.kind)}, {"sample", operation.sampleId},
                {"value", operation.value}, {"hlc", operation.stamp.hlc},       {"client", operation.stamp.client}};
    if (operation.kind == OperationKind::Annotate) {
        out["annotator"] = operation.annotator;
    } else {
        out["note"] = operation.note;
    }
    return out;
}

struct ClientEncoder
{
    json operator()(const Hello& m) const
    {
        return {{"type", "hello"},  {"protocol", m.protocol}, {"user", m.user},
                {"token", m.token}, {"project", m.project},   {"client", m.client}};
    }
    json operator()(const Push& m) const
    {
        json ops = json::array();
        for (const auto& operation : m.ops) {
            ops.push_back(operationToJson(operation));
        }
        return {{"type", "push"}, {"id", m.id}, {"ops", std::move(ops)}};
    }
    json operator()(const Pull& m) const
    {
        return {{"type", "pull"}, {"id", m.id}, {"after", m.after}, {"limit", m.limit}};
    }
    json operator()(const SamplesRequest& m) const
    {
        return {{"type", "samples"}, {"id", m.id}, {"after", m.after}, {"limit", m.limit}};
    }
    json operator()(const NextRequest& m) const { return {{"type", "next"}, {"id", m.id}, {"count", m.count}}; }
    json operator()(const Ping& m) const { return {{"type", "ping"}, {"id", m.id}}; }
};

} // namespace

ClientMessage parseClientMessage(std::string_view payload)
{
    const json message = parseJsonObject(payload);
    JsonFields fields(message, "message");
    const std::string type = fields.string("type", 32);
    if (type == "hello") {
        JsonFields hello(message, "hello");
        return parseHello(hello);
    }
    // Every other request carries the id its reply repeats; read it first so that an error
    // about any other field can name the request.
    const JsonFields request(message, type);
    const std::int64_t id = request.integer("id", 0, kMaxInt);
    JsonFields withId(message, type, id);
    if (type == "push") {
        return parsePush(withId, id);
    }
    if (type == "pull") {
        return Pull{id, withId.integer("after", 0, kMaxInt),
                    static_cast<int>(withId.optionalInteger("limit", 1, kMaxPageSize, 500))};
    }
    if (type == "samples") {
        return SamplesRequest{id, withId.integer("after", 0, kMaxInt),
                              static_cast<int>(withId.optionalInteger("limit", 1, kMaxPageSize, 500))};
    }
    if (type == "next") {
        return NextRequest{id, static_cast<int>(withId.optionalInteger("count", 1, kMaxNextCount, 10))};
    }
    if (type == "ping") {
        return Ping{id};
    }
    throw ProtocolError(ErrorCode::UnknownType, "unknown message type \"" + type + "\"", false, id);
}

std::string serialize(const ClientMessage& message)
{
    return std::visit(ClientEncoder{}, message).dump();
}

} // namespace concord::net
