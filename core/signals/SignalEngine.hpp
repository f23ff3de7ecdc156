// Evaluates signals: SQL boolean expressions over a read-only view of the samples with their
// computed columns. The expression is compiled under an authorizer that permits reading that
// view and nothing else, so a signal can never write, attach a file or run a pragma.
#pragma once

#include "core/store/Project.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace concord::signals {

// The view's name and its columns, for documentation and the GUI's help.
constexpr const char* kViewName = "signal_samples";
struct ColumnInfo
{
    const char* name;
    const char* meaning;
};
const std::vector<ColumnInfo>& viewColumns();

class SignalEngine
{
public:
    // `model` names the predictions behind model_label and model_confidence.
    explicit SignalEngine(Project& project, std::string model = "builtin");

    // Throws InputError with SQLite's message when the expression does not compile, or
    // names what it tried to do when it reaches beyond the view.
    void validate(const std::string& expression);
    // Keys of the samples for which the expression is true, in key order.
    std::vector<std::int64_t> select(const std::string& expression);
    // Ids of those samples, in key order, at most `limit` (0: all).
    std::vector<std::string> selectIds(const std::string& expression, std::size_t limit = 0);

private:
    sqlite::Statement compile(const std::string& expression, const char* columns);
    void refresh(const std::string& expression);
    void fillStats();
    void fillModel();

    Project& m_project;
    std::string m_model;
};

// The expression that --where or --signal name; throws InputError for an unknown signal or
// when both are given. nullopt when neither is.
std::optional<std::string> expressionFrom(Project& project, const std::string& where, const std::string& signalName);

} // namespace concord::signals
