#include "core/model/SyncRecords.hpp"

#include "core/util/Error.hpp"

#include <utility>

namespace concord {

namespace {

constexpr std::pair<OperationKind, std::string_view> kOperationNames[] = {{OperationKind::Annotate, "annotate"},
                                                                          {OperationKind::Resolve, "resolve"},
                                                                          {OperationKind::Respond, "respond"},
                                                                          {OperationKind::Suggest, "suggest"},
                                                                          {OperationKind::Schema, "schema"}};

} // namespace

std::string_view toString(OperationKind kind)
{
    for (const auto& [known, name] : kOperationNames) {
        if (known == kind) {
            return name;
        }
    }
    return "annotate";
}

OperationKind operationKindFromString(std::string_view name)
{
    for (const auto& [kind, known] : kOperationNames) {
        if (known == name) {
            return kind;
        }
    }
    throw InputError("unknown operation kind '" + std::string(name).substr(0, 64) +
                     "'; use annotate, resolve, respond, suggest or schema");
}

} // namespace concord
