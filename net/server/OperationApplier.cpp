#include "net/server/OperationApplier.hpp"

#include "core/util/Error.hpp"
#include "core/util/HybridClock.hpp"
#include "net/protocol/RowJson.hpp"

#include <optional>
#include <utility>

namespace concord::net {

nlohmann::json toJson(const Operation& operation)
{
    nlohmann::json out = {{"op", operation.opId},         {"kind", toString(operation.kind)},
                          {"sample", operation.sampleId}, {"value", operation.value},
                          {"hlc", operation.stamp.hlc},   {"client", operation.stamp.client}};
    if (operation.kind == OperationKind::Annotate) {
        out["annotator"] = operation.annotator;
    } else {
        out["note"] = operation.note;
    }
    return out;
}

OpResult OperationApplier::rejected(const Operation& operation, ErrorCode code, std::string reason)
{
    OpResult result;
    result.opId = operation.opId;
    result.status = OpStatus::Rejected;
    result.code = code;
    result.reason = std::move(reason);
    return result;
}

std::optional<std::pair<ErrorCode, std::string>> OperationApplier::stampOrValueProblem(const Operation& operation,
                                                                                       const Sample& sample) const
{
    if (hlc::toMs(operation.stamp.hlc) > m_server.now() + kMaxClockSkewMs) {
        return std::pair{ErrorCode::ClockSkew, std::string("the operation is stamped more than a day ahead of the "
                                                           "server's clock; check the device's date and time")};
    }
    try {
        m_server.project().schema().validate(operation.value, sample.text);
    } catch (const InputError& error) {
        return std::pair{ErrorCode::InvalidValue, "sample '" + sample.id + "': " + error.what()};
    }
    return std::nullopt;
}

OpResult OperationApplier::apply(const Identity& who, const Operation& operation, bool blind)
{
    if (const auto logged = m_server.log().find(who.user, operation.opId)) {
        OpResult result;
        result.opId = operation.opId;
        result.status = OpStatus::Duplicate;
        result.seq = logged->seq;
        result.superseded = logged->superseded;
        return result;
    }
    const auto sample = m_server.project().samples().findById(operation.sampleId);
    if (!sample) {
        return rejected(operation, ErrorCode::UnknownSample, "no sample with id '" + operation.sampleId + "'");
    }
    return operation.kind == OperationKind::Annotate ? applyAnnotation(who, operation, *sample, blind)
                                                     : applyResolution(who, operation, *sample, blind);
}

OpResult OperationApplier::applyAnnotation(const Identity& who, const Operation& operation, const Sample& sample,
                                           bool blind)
{
    auto& annotations = m_server.project().annotations();
    const auto current = annotations.find(sample.key, operation.annotator);
    // A refusal carries the server's row so that the replica can put it back, unless the
    // sender may not read it (another annotator's row in a blind project).
    const auto refuse = [&](ErrorCode code, std::string reason) {
        OpResult result = rejected(operation, code, std::move(reason));
        if (who.user == operation.annotator || seesOthers(who, blind)) {
            result.current = current ? annotationToJson(*current) : nlohmann::json(nullptr);
        }
        return result;
    };
    if (!canWriteAnnotation(who.role, who.user, operation.annotator)) {
        return refuse(ErrorCode::Forbidden, who.user + " (" + std::string(toString(who.role)) + ") may not write " +
                                                operation.annotator + "'s annotations");
    }
    if (auto problem = stampOrValueProblem(operation, sample)) {
        return refuse(problem->first, std::move(problem->second));
    }

    const std::string value = operation.value.dump();
    const std::int64_t at = hlc::toMs(operation.stamp.hlc);
    const bool wins = !current || hlc::isLater(operation.stamp.hlc, operation.stamp.client, current->stamp.hlc,
                                               current->stamp.client);
    const std::int64_t seq = m_server.log().append(operation.opId, who.user, "annotate", sample.id,
                                                   toJson(operation).dump(), m_server.now(), !wins);
    if (wins) {
        AnnotationChange row;
        row.sampleKey = sample.key;
        row.sampleId = sample.id;
        row.annotator = operation.annotator;
        row.value = value;
        row.createdAt = current ? current->createdAt : at;
        row.updatedAt = at;
        row.stamp = operation.stamp;
        row.seq = seq;
        annotations.store(row);
    } else {
        annotations.appendHistory(sample.key, operation.annotator, value, at);
    }
    m_server.reservations().release(sample.key, operation.annotator);
    OpResult result;
    result.opId = operation.opId;
    result.seq = seq;
    result.superseded = !wins;
    return result;
}

OpResult OperationApplier::applyResolution(const Identity& who, const Operation& operation, const Sample& sample,
                                           bool blind)
{
    auto& resolutions = m_server.project().resolutions();
    const auto current = resolutions.find(sample.key);
    const auto refuse = [&](ErrorCode code, std::string reason) {
        OpResult result = rejected(operation, code, std::move(reason));
        if (seesOthers(who, blind)) {
            result.current = current ? resolutionToJson(*current) : nlohmann::json(nullptr);
        }
        return result;
    };
    if (!canResolve(who.role)) {
        return refuse(ErrorCode::Forbidden, who.user + " is an " + std::string(toString(who.role)) +
                                                "; only reviewers and admins resolve samples");
    }
    if (auto problem = stampOrValueProblem(operation, sample)) {
        return refuse(problem->first, std::move(problem->second));
    }

    const std::string value = operation.value.dump();
    const std::int64_t at = hlc::toMs(operation.stamp.hlc);
    const bool wins = !current || hlc::isLater(operation.stamp.hlc, operation.stamp.client, current->stamp.hlc,
                                               current->stamp.client);
    const std::int64_t seq = m_server.log().append(operation.opId, who.user, "resolve", sample.id,
                                                   toJson(operation).dump(), m_server.now(), !wins);
    if (wins) {
        ResolutionChange row;
        row.sampleKey = sample.key;
        row.sampleId = sample.id;
        row.value = value;
        row.note = operation.note;
        row.author = who.user;
        row.updatedAt = at;
        row.stamp = operation.stamp;
        row.seq = seq;
        resolutions.store(row);
    } else {
        resolutions.appendHistory(sample.key, value, operation.note, who.user, at);
    }
    OpResult result;
    result.opId = operation.opId;
    result.seq = seq;
    result.superseded = !wins;
    return result;
}

} // namespace concord::net
