// Suggestions per (record, question, agent): a model's or a rule's value with its score. Kept
// apart from responses; re-importing one agent's suggestions replaces that agent's only.
#pragma once

#include "core/model/SyncRecords.hpp"
#include "core/store/Sqlite.hpp"

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace concord::store {

class SuggestionTable
{
public:
    explicit SuggestionTable(sqlite::Database& db) : m_db(db) {}

    // Writes the row (seq as given: 0 for a local edit). Returns whether a row of this
    // (sample, question, agent) was there before, i.e. whether this replaced it.
    bool store(const SuggestionChange& row);
    std::optional<SuggestionChange> find(std::int64_t sample, std::string_view question, std::string_view agent);
    // A record's suggestions, by question then score (best first) then agent.
    std::vector<SuggestionChange> forSample(std::int64_t sample);
    void setSeq(std::int64_t sample, std::string_view question, std::string_view agent, std::int64_t seq);
    // Rows changed after `seq`, in sequence order.
    std::vector<SuggestionChange> changesAfter(std::int64_t seq, int limit);
    std::vector<SuggestionChange> unsequenced(int limit);
    std::int64_t count();
    bool anyFor(std::string_view question);
    // The agents with suggestions for `question`, by name.
    std::vector<std::string> agentsFor(std::string_view question);
    // Every suggestion for `question`, by sample then agent.
    void forEachOf(std::string_view question, const std::function<void(const SuggestionChange&)>& visit);

private:
    sqlite::Database& m_db;
};

} // namespace concord::store
