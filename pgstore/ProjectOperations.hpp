// A project's operation log on a PostgreSQL store (store::OperationLog): the changes table,
// numbered from the project's counter row in commit order (ChangeLog.hpp). An operation a user
// sent before is found by (author, op id), which keeps pushes idempotent across servers too.
// head() is the last number committed, what a replica may be told it has caught up to.
#pragma once

#include "core/store/OperationLog.hpp"
#include "pgstore/Connection.hpp"

#include <cstdint>

namespace concord::pg {

class ProjectOperations : public store::OperationLog
{
public:
    ProjectOperations(Connection& connection, std::int64_t project) : m_connection(connection), m_project(project) {}

    std::optional<store::LoggedOperation> find(std::string_view user, std::string_view opId) override;
    std::int64_t append(std::string_view opId, std::string_view user, std::string_view kind, std::string_view sampleId,
                        std::string_view body, std::int64_t appliedAt, bool superseded) override;
    std::int64_t head() override;
    std::int64_t count() override;

private:
    Connection& m_connection;
    std::int64_t m_project;
};

} // namespace concord::pg
