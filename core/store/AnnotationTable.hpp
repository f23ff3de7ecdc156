// The answers to one question: one row per (sample, annotator), plus the history of every
// change. A table is bound to its question (Project::annotations() to the first one, which is
// all a project made before questions had); forQuestion() gives another's. Counts and lists
// read submitted responses only; the sync methods (changesAfter, unsequenced, forResponse)
// read every question. Values must have been validated before they reach this class.
#pragma once

#include "core/model/Records.hpp"
#include "core/model/SyncRecords.hpp"
#include "core/store/Sqlite.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace concord::store {

class AnnotationTable
{
public:
    explicit AnnotationTable(sqlite::Database& db, std::string question = {})
        : m_db(db), m_question(std::move(question))
    {}

    AnnotationTable forQuestion(std::string question) const { return AnnotationTable(m_db, std::move(question)); }
    const std::string& question() const { return m_question; }
    void bind(std::string question) { m_question = std::move(question); }

    // Inserts or replaces the annotator's value for the sample and appends it to the history.
    // A local edit: its clock stamp is `now` (with no device) and it is not yet synced (seq 0).
    void put(std::int64_t sample, std::string_view annotator, std::string_view value, std::int64_t now);
    // The same with an explicit clock stamp, for edits on a replica.
    void put(std::int64_t sample, std::string_view annotator, std::string_view value, std::int64_t now,
             const Stamp& stamp, std::string_view context = {});
    // Removes it (recorded in the history); returns false when there was nothing to remove.
    bool remove(std::int64_t sample, std::string_view annotator, std::int64_t now);

    std::optional<Annotation> get(std::int64_t sample, std::string_view annotator);
    std::vector<Annotation> forSample(std::int64_t sample);
    std::int64_t count();
    // Annotators with the number of samples each has labeled, by name.
    std::vector<std::pair<std::string, std::int64_t>> countsByAnnotator();
    // Per annotator (by name) and status ("discarded", "draft", "submitted"): the responses that
    // answer this question, plus the discarded ones that do not (set aside, the record is done
    // for every question). An answer without a response row counts as submitted, as count() does.
    struct StatusCount
    {
        std::string annotator;
        std::string status;
        std::int64_t count = 0;
    };
    std::vector<StatusCount> countsByStatus();
    // The number of samples `annotator` has labeled (her range of the index only).
    std::int64_t countFor(std::string_view annotator);
    // Samples with at least one annotation.
    std::int64_t labeledSampleCount();
    // The first sample after `afterKey` that `annotator` has not labeled.
    std::optional<std::int64_t> nextUnlabeled(std::string_view annotator, std::int64_t afterKey);
    // Every version of one annotator's value for a sample, oldest first (nullopt: removed).
    std::vector<std::optional<std::string>> history(std::int64_t sample, std::string_view annotator);

    void forEach(const std::function<void(const Annotation&)>& visit);

    // Sync: the row with its version and sample id.
    std::optional<AnnotationChange> find(std::int64_t sample, std::string_view annotator);
    // Writes the row exactly as given, in its own question (a version accepted by the server or
    // received from it); the history gains the value when it differs from the current one.
    void store(const AnnotationChange& row);
    void setSeq(std::int64_t sample, std::string_view annotator, std::int64_t seq);
    // Rows of every question changed after `seq`, in sequence order, that `viewer` may see: her
    // own, and (unless `onlyViewers`, blind mode) others' whose response is not a draft.
    std::vector<AnnotationChange> changesAfter(std::int64_t seq, int limit, std::string_view viewer, bool onlyViewers);
    // Every row changed after `seq`, drafts included, in sequence order (migrate-store's copy).
    std::vector<AnnotationChange> allChangesAfter(std::int64_t seq, int limit);
    // Every question's answer of one annotator's response to a sample.
    std::vector<AnnotationChange> forResponse(std::int64_t sample, std::string_view annotator);
    // Whether this question has any answer, of any status.
    bool anyAnswer();
    // Rows of every question never given a sequence number (edited outside sync), up to `limit`.
    std::vector<AnnotationChange> unsequenced(int limit);
    // Records a version that did not become current (it lost to a later one) in the history.
    void appendHistory(std::int64_t sample, std::string_view annotator, const std::optional<std::string>& value,
                       std::int64_t now);

private:
    sqlite::Database& m_db;
    std::string m_question;
};

} // namespace concord::store
