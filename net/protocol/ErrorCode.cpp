#include "net/protocol/ErrorCode.hpp"

#include <array>
#include <utility>

namespace concord::net {

namespace {

constexpr std::array<std::pair<ErrorCode, std::string_view>, 20> kNames = {{
    {ErrorCode::BadFrame, "bad_frame"},
    {ErrorCode::FrameTooLarge, "frame_too_large"},
    {ErrorCode::BadJson, "bad_json"},
    {ErrorCode::BadMessage, "bad_message"},
    {ErrorCode::UnknownType, "unknown_type"},
    {ErrorCode::UnsupportedVersion, "unsupported_version"},
    {ErrorCode::NotAuthenticated, "not_authenticated"},
    {ErrorCode::AuthFailed, "auth_failed"},
    {ErrorCode::Revoked, "revoked"},
    {ErrorCode::ProjectMismatch, "project_mismatch"},
    {ErrorCode::Forbidden, "forbidden"},
    {ErrorCode::UnknownSample, "unknown_sample"},
    {ErrorCode::InvalidValue, "invalid_value"},
    {ErrorCode::ClockSkew, "clock_skew"},
    {ErrorCode::Busy, "busy"},
    {ErrorCode::Timeout, "timeout"},
    {ErrorCode::RateLimited, "rate_limited"},
    {ErrorCode::Internal, "internal"},
    {ErrorCode::Unavailable, "unavailable"},
    {ErrorCode::UnknownProject, "unknown_project"},
}};

} // namespace

std::string_view toString(ErrorCode code)
{
    for (const auto& [value, name] : kNames) {
        if (value == code) {
            return name;
        }
    }
    return "internal";
}

std::optional<ErrorCode> errorCodeFromString(std::string_view name)
{
    for (const auto& [value, text] : kNames) {
        if (text == name) {
            return value;
        }
    }
    return std::nullopt;
}

} // namespace concord::net
