// Server messages to and from JSON: welcome, ack, changes, samples, assigned, notice, pong, error.
#include "net/protocol/Frame.hpp"
#include "net/protocol/JsonFields.hpp"
#include "net/protocol/Messages.hpp"
#include "net/protocol/ProtocolError.hpp"
#include "net/protocol/RowJson.hpp"

#include <limits>

namespace concord::net {

namespace {

using nlohmann::json;

json projectToJson(const ProjectInfo& project)
{
    json out = {{"id", project.id},           {"name", project.name},   {"schema", project.schema},
                {"overlap", project.overlap}, {"blind", project.blind}, {"guidelines", project.guidelines}};
    if (project.records.is_object()) {
        out["records"] = project.records;
        out["order_seed"] = std::to_string(project.orderSeed); // beyond a double's exact integers
    }
    return out;
}

ProjectInfo parseProject(const json& value)
{
    const JsonFields fields(value, "welcome.project");
    ProjectInfo project;
    project.id = fields.string("id", kMaxIdBytes);
    project.name = fields.string("name", kMaxIdBytes, true);
    project.schema = fields.object("schema");
    project.overlap = static_cast<int>(fields.integer("overlap", 1, 1'000'000));
    project.blind = fields.boolean("blind");
    project.guidelines = fields.optionalString("guidelines", kMaxFrameBytes);
    if (fields.find("records") != nullptr) {
        project.records = fields.object("records");
        const std::string seed = fields.optionalString("order_seed", 32, "0");
        try {
            project.orderSeed = std::stoull(seed);
        } catch (const std::exception&) {
            fields.fail("order_seed", "expected an unsigned integer in a string");
        }
    }
    return project;
}

json resultToJson(const OpResult& result)
{
    json out = {{"op", result.opId}, {"status", toString(result.status)}};
    if (result.status == OpStatus::Rejected) {
        out["code"] = toString(result.code.value_or(ErrorCode::Internal));
        out["reason"] = result.reason;
        if (result.current) {
            out["current"] = *result.current;
        }
    } else {
        out["seq"] = result.seq;
        if (result.superseded) {
            out["superseded"] = true;
        }
    }
    return out;
}

OpResult parseResult(const json& value, const std::string& path, std::int64_t id)
{
    const JsonFields fields(value, path, id);
    OpResult result;
    result.opId = fields.string("op", kMaxNameBytes);
    const std::string status = fields.string("status", 16);
    if (status == "applied" || status == "duplicate") {
        result.status = status == "applied" ? OpStatus::Applied : OpStatus::Duplicate;
        result.seq = fields.integer("seq", 1, kMaxInt);
        result.superseded = fields.optionalBoolean("superseded", false);
    } else if (status == "rejected") {
        result.status = OpStatus::Rejected;
        result.code = errorCodeFromString(fields.string("code", 64)).value_or(ErrorCode::Internal);
        result.reason = fields.optionalString("reason", kMaxNoteBytes);
        if (const auto* current = fields.find("current")) {
            if (!current->is_null() && !current->is_object()) {
                fields.fail("current", "expected an object or null");
            }
            result.current = *current;
        }
    } else {
        fields.fail("status", "expected applied, duplicate or rejected, found \"" + status + "\"");
    }
    return result;
}

json skippedToJson(const std::vector<SkippedRow>& rows)
{
    json out = json::array();
    for (const auto& row : rows) {
        json item = {{"kind", row.kind}, {"sample", row.sampleId}, {"seq", row.seq}, {"reason", row.reason}};
        if (!row.annotator.empty()) {
            item["annotator"] = row.annotator;
        }
        out.push_back(std::move(item));
    }
    return out;
}

// Optional: servers before the size limits never skip.
std::vector<SkippedRow> parseSkipped(const JsonFields& reply, const std::string& path)
{
    std::vector<SkippedRow> rows;
    if (reply.find("skipped") == nullptr) {
        return rows;
    }
    const auto& items = reply.array("skipped", kMaxPageSize);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const JsonFields fields(items[i], path + ".skipped[" + std::to_string(i) + "]");
        SkippedRow row;
        row.kind = fields.string("kind", 16);
        row.sampleId = fields.string("sample", kMaxIdBytes);
        row.annotator = fields.optionalString("annotator", kMaxIdBytes);
        row.seq = fields.integer("seq", 0, kMaxInt);
        row.reason = fields.optionalString("reason", kMaxNoteBytes);
        rows.push_back(std::move(row));
    }
    return rows;
}

json sampleToJson(const Sample& sample)
{
    json out = {{"key", sample.key}, {"id", sample.id}, {"text", sample.text}, {"meta", json::parse(sample.meta)}};
    if (!sample.record.empty()) {
        out["record"] = json::parse(sample.record);
    }
    return out;
}

Sample parseSample(const json& value, const std::string& path, std::int64_t id)
{
    const JsonFields fields(value, path, id);
    Sample sample;
    sample.key = fields.integer("key", 1, kMaxInt);
    sample.id = fields.string("id", kMaxIdBytes);
    sample.text = fields.string("text", kMaxFrameBytes, true);
    sample.meta = fields.object("meta").dump();
    if (fields.find("record") != nullptr) {
        sample.record = fields.object("record").dump();
    }
    return sample;
}

struct ServerEncoder
{
    json operator()(const Welcome& m) const
    {
        json welcome = {{"type", "welcome"},
                        {"protocol", m.protocol},
                        {"server", m.server},
                        {"user", m.user},
                        {"role", toString(m.role)},
                        {"head", m.head},
                        {"project", projectToJson(m.project)}};
        if (m.idleTimeoutSeconds > 0) {
            welcome["idle_timeout"] = m.idleTimeoutSeconds;
        }
        return welcome;
    }
    json operator()(const Ack& m) const
    {
        json results = json::array();
        for (const auto& result : m.results) {
            results.push_back(resultToJson(result));
        }
        return {{"type", "ack"}, {"id", m.id}, {"results", std::move(results)}, {"head", m.head}};
    }
    json operator()(const Changes& m) const
    {
        json annotations = json::array();
        for (const auto& row : m.annotations) {
            annotations.push_back(annotationToJson(row));
        }
        json resolutions = json::array();
        for (const auto& row : m.resolutions) {
            resolutions.push_back(resolutionToJson(row));
        }
        json out = {{"type", "changes"},
                    {"id", m.id},
                    {"annotations", std::move(annotations)},
                    {"resolutions", std::move(resolutions)},
                    {"skipped", skippedToJson(m.skipped)},
                    {"next", m.next},
                    {"more", m.more},
                    {"head", m.head}};
        // Version 2 keys, left out when empty so that a page of a one-question project reads
        // as it did in version 1.
        if (!m.responses.empty()) {
            json responses = json::array();
            for (const auto& row : m.responses) {
                responses.push_back(responseToJson(row));
            }
            out["responses"] = std::move(responses);
        }
        if (!m.suggestions.empty()) {
            json suggestions = json::array();
            for (const auto& row : m.suggestions) {
                suggestions.push_back(suggestionToJson(row));
            }
            out["suggestions"] = std::move(suggestions);
        }
        if (m.records) {
            out["records"] = *m.records;
        }
        return out;
    }
    json operator()(const SamplePage& m) const
    {
        json samples = json::array();
        for (const auto& sample : m.samples) {
            samples.push_back(sampleToJson(sample));
        }
        return {{"type", "sample_page"},
                {"id", m.id},
                {"samples", std::move(samples)},
                {"skipped", skippedToJson(m.skipped)},
                {"next", m.next},
                {"more", m.more}};
    }
    json operator()(const Assignment& m) const
    {
        return {{"type", "assigned"},
                {"id", m.id},
                {"samples", m.samples},
                {"expires_at", m.expiresAt},
                {"waiting", m.waiting}};
    }
    json operator()(const Notice& m) const { return {{"type", "notice"}, {"head", m.head}}; }
    json operator()(const Pong& m) const { return {{"type", "pong"}, {"id", m.id}}; }
    json operator()(const ErrorReply& m) const
    {
        json out = {{"type", "error"}, {"code", toString(m.code)}, {"message", m.message}, {"fatal", m.fatal}};
        if (m.id) {
            out["id"] = *m.id;
        }
        return out;
    }
};

} // namespace

std::string_view toString(OpStatus status)
{
    switch (status) {
    case OpStatus::Applied:
        return "applied";
    case OpStatus::Duplicate:
        return "duplicate";
    case OpStatus::Rejected:
        return "rejected";
    }
    return "rejected";
}

std::string serialize(const ServerMessage& message)
{
    // Replace rather than throw on invalid UTF-8: the store should never hold any, and a
    // damaged row must not take the connection down with it.
    return std::visit(ServerEncoder{}, message).dump(-1, ' ', false, json::error_handler_t::replace);
}

ServerMessage parseServerMessage(std::string_view payload)
{
    const json message = parseJsonObject(payload);
    const JsonFields fields(message, "message");
    const std::string type = fields.string("type", 32);
    if (type == "notice") {
        return Notice{JsonFields(message, "notice").integer("head", 0, kMaxInt)};
    }
    if (type == "welcome") {
        const JsonFields welcome(message, "welcome");
        Welcome m;
        m.protocol = static_cast<int>(welcome.integer("protocol", 1, 1'000'000));
        m.server = welcome.optionalString("server", kMaxIdBytes);
        m.user = welcome.string("user", kMaxNameBytes);
        try {
            m.role = roleFromString(welcome.string("role", 16));
        } catch (const std::exception& error) {
            welcome.fail("role", error.what());
        }
        m.head = welcome.integer("head", 0, kMaxInt);
        m.project = parseProject(welcome.object("project"));
        m.idleTimeoutSeconds = welcome.optionalInteger("idle_timeout", 0, kMaxInt, 0);
        return m;
    }
    if (type == "error") {
        const JsonFields error(message, "error");
        ErrorReply m;
        if (error.find("id") != nullptr) {
            m.id = error.integer("id", 0, kMaxInt);
        }
        m.code = errorCodeFromString(error.string("code", 64)).value_or(ErrorCode::Internal);
        m.message = error.optionalString("message", kMaxNoteBytes);
        m.fatal = error.optionalBoolean("fatal", false);
        return m;
    }
    const std::int64_t id = JsonFields(message, type).integer("id", 0, kMaxInt);
    const JsonFields reply(message, type, id);
    if (type == "pong") {
        return Pong{id};
    }
    if (type == "ack") {
        Ack m;
        m.id = id;
        const auto& results = reply.array("results", kMaxOpsPerPush);
        for (std::size_t i = 0; i < results.size(); ++i) {
            m.results.push_back(parseResult(results[i], "ack.results[" + std::to_string(i) + "]", id));
        }
        m.head = reply.integer("head", 0, kMaxInt);
        return m;
    }
    if (type == "changes") {
        Changes m;
        m.id = id;
        const auto& annotations = reply.array("annotations", kMaxPageSize);
        for (std::size_t i = 0; i < annotations.size(); ++i) {
            m.annotations.push_back(
                annotationFromJson(annotations[i], "changes.annotations[" + std::to_string(i) + "]"));
        }
        const auto& resolutions = reply.array("resolutions", kMaxPageSize);
        for (std::size_t i = 0; i < resolutions.size(); ++i) {
            m.resolutions.push_back(
                resolutionFromJson(resolutions[i], "changes.resolutions[" + std::to_string(i) + "]"));
        }
        if (reply.find("responses") != nullptr) {
            const auto& responses = reply.array("responses", kMaxPageSize);
            for (std::size_t i = 0; i < responses.size(); ++i) {
                m.responses.push_back(responseFromJson(responses[i], "changes.responses[" + std::to_string(i) + "]"));
            }
        }
        if (reply.find("suggestions") != nullptr) {
            const auto& suggestions = reply.array("suggestions", kMaxPageSize);
            for (std::size_t i = 0; i < suggestions.size(); ++i) {
                m.suggestions.push_back(
                    suggestionFromJson(suggestions[i], "changes.suggestions[" + std::to_string(i) + "]"));
            }
        }
        if (reply.find("records") != nullptr) {
            m.records = reply.object("records");
        }
        m.skipped = parseSkipped(reply, "changes");
        m.next = reply.integer("next", 0, kMaxInt);
        m.more = reply.boolean("more");
        m.head = reply.integer("head", 0, kMaxInt);
        return m;
    }
    if (type == "sample_page") {
        SamplePage m;
        m.id = id;
        const auto& samples = reply.array("samples", kMaxPageSize);
        for (std::size_t i = 0; i < samples.size(); ++i) {
            m.samples.push_back(parseSample(samples[i], "sample_page.samples[" + std::to_string(i) + "]", id));
        }
        m.skipped = parseSkipped(reply, "sample_page");
        m.next = reply.integer("next", 0, kMaxInt);
        m.more = reply.boolean("more");
        return m;
    }
    if (type == "assigned") {
        Assignment m;
        m.id = id;
        const auto& samples = reply.array("samples", kMaxNextCount);
        for (std::size_t i = 0; i < samples.size(); ++i) {
            if (!samples[i].is_string()) {
                reply.fail("samples", "expected sample ids (strings)");
            }
            m.samples.push_back(samples[i].get<std::string>());
        }
        m.expiresAt = reply.integer("expires_at", 0, kMaxInt);
        m.waiting = reply.optionalInteger("waiting", 0, kMaxInt, 0);
        return m;
    }
    throw ProtocolError(ErrorCode::UnknownType, "unknown message type \"" + type + "\" from the server", false, id);
}

} // namespace concord::net
