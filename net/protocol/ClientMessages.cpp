// Client messages to and from JSON: hello, push, pull, samples, next, ping.
#include "net/protocol/JsonFields.hpp"
#include "net/protocol/Messages.hpp"
#include "net/protocol/ProtocolError.hpp"

#include "core/util/Error.hpp"

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
    hello.projectName = fields.optionalString("project_name", kMaxNameBytes);
    return hello;
}

Operation parseOperation(const json& value, const std::string& path, std::int64_t requestId)
{
    const JsonFields fields(value, path, requestId);
    Operation operation;
    operation.opId = fields.string("op", kMaxNameBytes);
    const std::string kind = fields.string("kind", 16);
    try {
        operation.kind = operationKindFromString(kind);
    } catch (const InputError& error) {
        fields.fail("kind", error.what());
    }
    switch (operation.kind) {
    case OperationKind::Annotate:
        operation.annotator = fields.string("annotator", kMaxNameBytes);
        operation.question = fields.optionalString("question", kMaxNameBytes);
        if (const auto* context = fields.find("context"); context && !context->is_null()) {
            operation.context = fields.object("context");
        }
        break;
    case OperationKind::Resolve:
        operation.note = fields.optionalString("note", kMaxNoteBytes);
        operation.question = fields.optionalString("question", kMaxNameBytes);
        break;
    case OperationKind::Respond:
        operation.annotator = fields.string("annotator", kMaxNameBytes);
        break;
    case OperationKind::Suggest:
        operation.annotator = fields.string("annotator", kMaxNameBytes);
        operation.question = fields.string("question", kMaxNameBytes);
        break;
    case OperationKind::Schema:
        break;
    }
    // A schema change is about no sample.
    operation.sampleId = operation.kind == OperationKind::Schema ? fields.optionalString("sample", kMaxIdBytes)
                                                                 : fields.string("sample", kMaxIdBytes);
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

struct ClientEncoder
{
    json operator()(const Hello& m) const
    {
        json hello = {{"type", "hello"},  {"protocol", m.protocol}, {"user", m.user},
                      {"token", m.token}, {"project", m.project},   {"client", m.client}};
        if (!m.projectName.empty()) {
            hello["project_name"] = m.projectName; // versions 1 and 2 never see it
        }
        return hello;
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

json operationToJson(const Operation& operation)
{
    json out = {{"op", operation.opId},     {"kind", toString(operation.kind)}, {"sample", operation.sampleId},
                {"value", operation.value}, {"hlc", operation.stamp.hlc},       {"client", operation.stamp.client}};
    switch (operation.kind) {
    case OperationKind::Annotate:
        out["annotator"] = operation.annotator;
        if (!operation.question.empty()) {
            out["question"] = operation.question;
        }
        if (operation.context.is_object()) {
            out["context"] = operation.context;
        }
        break;
    case OperationKind::Resolve:
        out["note"] = operation.note;
        if (!operation.question.empty()) {
            out["question"] = operation.question;
        }
        break;
    case OperationKind::Respond:
        out["annotator"] = operation.annotator;
        break;
    case OperationKind::Suggest:
        out["annotator"] = operation.annotator;
        out["question"] = operation.question;
        break;
    case OperationKind::Schema:
        break;
    }
    return out;
}

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
