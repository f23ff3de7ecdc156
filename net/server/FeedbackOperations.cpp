// OperationApplier: response statuses, suggestions and schema changes (docs/protocol.md).
#include "net/server/OperationApplier.hpp"

#include "core/feedback/Answers.hpp"
#include "core/util/Error.hpp"
#include "core/util/HybridClock.hpp"
#include "net/protocol/RowJson.hpp"

namespace concord::net {

namespace {

// Reads {"status", "reason", "duration_ms"}; throws InputError naming the key at fault.
ResponseChange parseResponseValue(const nlohmann::json& value)
{
    ResponseChange row;
    for (const auto& [key, item] : value.items()) {
        if (key != "status" && key != "reason" && key != "duration_ms") {
            throw InputError("a response has status, reason and duration_ms, found key '" + key.substr(0, 64) + "'");
        }
    }
    if (!value.contains("status") || !value["status"].is_string()) {
        throw InputError("a response needs 'status': draft, submitted or discarded");
    }
    row.status = std::string(toString(responseStatusFromString(value["status"].get<std::string>())));
    if (value.contains("reason")) {
        if (!value["reason"].is_string() || value["reason"].get_ref<const std::string&>().size() > kMaxNoteBytes) {
            throw InputError("a response's 'reason' must be a string of at most " + std::to_string(kMaxNoteBytes) +
                             " bytes");
        }
        row.reason = value["reason"].get<std::string>();
    }
    if (value.contains("duration_ms")) {
        if (!value["duration_ms"].is_number_integer() || value["duration_ms"].get<std::int64_t>() < 0) {
            throw InputError("a response's 'duration_ms' must be a non-negative integer");
        }
        row.durationMs = value["duration_ms"].get<std::int64_t>();
    }
    return row;
}

} // namespace

OpResult OperationApplier::applyResponse(const Identity& who, const Operation& operation, const Sample& sample,
                                         bool blind)
{
    const auto current = m_server.findResponse(sample.key, operation.annotator);
    const auto refuse = [&](ErrorCode code, std::string reason) {
        OpResult result = rejected(operation, code, std::move(reason));
        if (who.user == operation.annotator || (seesOthers(who, blind) && current && current->status != "draft")) {
            result.current = current ? responseToJson(*current) : nlohmann::json(nullptr);
        }
        return result;
    };
    if (!canWriteAnnotation(who.role, who.user, operation.annotator)) {
        return refuse(ErrorCode::Forbidden, who.user + " (" + std::string(toString(who.role)) + ") may not change " +
                                                operation.annotator + "'s responses");
    }
    if (auto problem = stampProblem(operation)) {
        return refuse(problem->first, std::move(problem->second));
    }
    ResponseChange row;
    try {
        row = parseResponseValue(operation.value);
    } catch (const InputError& error) {
        return refuse(ErrorCode::InvalidValue, "sample '" + sample.id + "': " + error.what());
    }
    const auto given = m_server.answersOf(sample.key, operation.annotator);
    if (row.status == "submitted") {
        if (const auto missing = missingRequired(m_server.recordSchema(), given); !missing.empty()) {
            std::string list;
            for (const auto& name : missing) {
                list += (list.empty() ? "" : ", ") + name;
            }
            return refuse(ErrorCode::InvalidValue,
                          "sample '" + sample.id + "': cannot be submitted, required questions not answered: " + list);
        }
    }
    // Later clock wins, except that a draft never replaces a decision made on another device.
    const bool later = !current || hlc::isLater(operation.stamp.hlc, operation.stamp.client, current->stamp.hlc,
                                                current->stamp.client);
    // Answers without a status row were given before statuses existed: a submitted response.
    const bool decided = current ? current->status != "draft" : !given.empty();
    const bool wins = later && !(row.status == "draft" && decided);
    const std::int64_t seq = m_server.log().append(operation.opId, who.user, "respond", sample.id,
                                                   toJson(operation).dump(), m_server.now(), !wins);
    if (wins) {
        row.sampleKey = sample.key;
        row.sampleId = sample.id;
        row.annotator = operation.annotator;
        row.updatedAt = hlc::toMs(operation.stamp.hlc);
        row.stamp = operation.stamp;
        row.seq = seq;
        m_server.storeResponse(row);
        if (current && current->status == "draft" && row.status != "draft") {
            // The answers of a draft were held back from everyone else; they flow now, each with
            // a sequence number after the cursors of those who did not receive them. An answer
            // above every cursor handed out (given in this same batch, before any pull) flows
            // with the sequence number it has.
            // The log entry names the release (made unique by this operation's sequence number)
            // rather than repeating the answer, which the row holds.
            for (const auto& answer : given) {
                if (answer.seq > m_deliveredHead) {
                    continue;
                }
                const std::int64_t released = m_server.log().append(
                    "release-" + std::to_string(seq) + "-" + answer.question, who.user, "release", sample.id,
                    nlohmann::json{{"released_by", seq}, {"question", answer.question}}.dump(), m_server.now(), false);
                m_server.setAnnotationSeq(answer.question, sample.key, answer.annotator, released);
            }
        }
    }
    m_server.reservations().release(sample.key, operation.annotator);
    return accepted(operation, seq, !wins);
}

OpResult OperationApplier::applySuggestion(const Identity& who, const Operation& operation, const Sample& sample)
{
    if (who.role != Role::Admin) {
        return rejected(operation, ErrorCode::Forbidden,
                        who.user + " is an " + std::string(toString(who.role)) + "; only admins import suggestions");
    }
    if (auto problem = stampProblem(operation)) {
        return rejected(operation, problem->first, std::move(problem->second));
    }
    SuggestionChange row;
    try {
        const auto& value = operation.value;
        if (!value.contains("value") || !value["value"].is_object() ||
            (value.contains("score") && !value["score"].is_null() && !value["score"].is_number()) ||
            value.value("agent", std::string()) != operation.annotator || value.size() > 3) {
            throw InputError("a suggestion is {\"agent\": its agent, \"value\": an answer, \"score\": a number or "
                             "null}");
        }
        const Question& question = m_server.recordSchema().question(operation.question);
        checkAnswer(question, value["value"], recordFor(sample, question));
        row.value = value["value"].dump();
        if (value.contains("score") && value["score"].is_number()) {
            row.score = value["score"].get<double>();
        }
    } catch (const InputError& error) {
        return rejected(operation, ErrorCode::InvalidValue, "sample '" + sample.id + "': " + error.what());
    }
    const std::int64_t seq = m_server.log().append(operation.opId, who.user, "suggest", sample.id,
                                                   toJson(operation).dump(), m_server.now(), false);
    row.sampleKey = sample.key;
    row.sampleId = sample.id;
    row.question = operation.question;
    row.agent = operation.annotator;
    row.updatedAt = hlc::toMs(operation.stamp.hlc);
    row.seq = seq;
    m_server.storeSuggestion(row);
    return accepted(operation, seq, false);
}

OpResult OperationApplier::applySchema(const Identity& who, const Operation& operation)
{
    if (who.role != Role::Admin) {
        return rejected(operation, ErrorCode::Forbidden,
                        who.user + " is an " + std::string(toString(who.role)) + "; only admins change the questions");
    }
    if (auto problem = stampProblem(operation)) {
        return rejected(operation, problem->first, std::move(problem->second));
    }
    try {
        m_server.changeRecordSchema(RecordSchema::fromJson(operation.value));
    } catch (const InputError& error) {
        return rejected(operation, ErrorCode::InvalidValue, error.what());
    }
    const std::int64_t seq =
        m_server.log().append(operation.opId, who.user, "schema", "", toJson(operation).dump(), m_server.now(), false);
    m_server.setSchemaSeq(seq);
    return accepted(operation, seq, false);
}

} // namespace concord::net
