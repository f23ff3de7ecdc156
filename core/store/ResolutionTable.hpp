// The reviewers' gold values for one question per sample, with every earlier version kept in
// the history. Bound to a question as AnnotationTable is; changesAfter and unsequenced read
// every question.
#pragma once

#include "core/model/Records.hpp"
#include "core/model/SyncRecords.hpp"
#include "core/store/Sqlite.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace concord::store {

class ResolutionTable
{
public:
    explicit ResolutionTable(sqlite::Database& db, std::string question = {})
        : m_db(db), m_question(std::move(question))
    {}

    ResolutionTable forQuestion(std::string question) const { return ResolutionTable(m_db, std::move(question)); }
    const std::string& question() const { return m_question; }
    void bind(std::string question) { m_question = std::move(question); }
    bool anyResolution();

    // A local edit: its clock stamp is `now` (with no device) and it is not yet synced (seq 0).
    void set(std::int64_t sample, std::string_view value, std::string_view note, std::string_view author,
             std::int64_t now);
    // The same with an explicit clock stamp, for edits on a replica.
    void set(std::int64_t sample, std::string_view value, std::string_view note, std::string_view author,
             std::int64_t now, const Stamp& stamp);
    std::optional<Resolution> get(std::int64_t sample);
    // Every version for the sample, oldest first.
    std::vector<Resolution> history(std::int64_t sample);
    std::int64_t count();

    // Sync: the row with its version and sample id.
    std::optional<ResolutionChange> find(std::int64_t sample);
    // Writes the row exactly as given; the history gains it when the value, note or author differ.
    void store(const ResolutionChange& row);
    void setSeq(std::int64_t sample, std::int64_t seq);
    // Rows changed after `seq`, in sequence order.
    std::vector<ResolutionChange> changesAfter(std::int64_t seq, int limit);
    // Rows never given a sequence number (edited outside sync), up to `limit`.
    std::vector<ResolutionChange> unsequenced(int limit);
    // Records a version that did not become current (it lost to a later one) in the history.
    void appendHistory(std::int64_t sample, std::string_view value, std::string_view note, std::string_view author,
                       std::int64_t now);
    // Removes the sample's gold value (recorded in the history as a NULL value); returns false
    // when there was none. A replica does this when the server refused its resolution.
    bool remove(std::int64_t sample, std::int64_t now);

private:
    sqlite::Database& m_db;
    std::string m_question;
};

} // namespace concord::store
