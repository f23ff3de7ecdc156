#include "core/model/SyncRecords.hpp"

#include "core/util/Error.hpp"

namespace concord {

std::string_view toString(OperationKind kind)
{
    return kind == OperationKind::Resolve ? "resolve" : "annotate";
}

OperationKind operationKindFromString(std::string_view name)
{
    if (name == "annotate") {
        return OperationKind::Annotate;
    }
    if (name == "resolve") {
        return OperationKind::Resolve;
    }
    throw InputError("unknown operation kind '" + std::string(name) + "'; use annotate or resolve");
}

} // namespace concord
