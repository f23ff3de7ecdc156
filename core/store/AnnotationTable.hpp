// The annotations table: one row per (sample, annotator), plus the history of every change.
// Values must have been validated against the schema before they reach this class.
#pragma once

#include "core/model/Records.hpp"
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
    explicit AnnotationTable(sqlite::Database& db) : m_db(db) {}

    // Inserts or replaces the annotator's value for the sample and appends it to the history.
    void put(std::int64_t sample, std::string_view annotator, std::string_view value, std::int64_t now);
    // Removes it (recorded in the history); returns false when there was nothing to remove.
    bool remove(std::int64_t sample, std::string_view annotator, std::int64_t now);

    std::optional<Annotation> get(std::int64_t sample, std::string_view annotator);
    std::vector<Annotation> forSample(std::int64_t sample);
    std::int64_t count();
    // Annotators with the number of samples each has labeled, by name.
    std::vector<std::pair<std::string, std::int64_t>> countsByAnnotator();
    // Samples with at least one annotation.
    std::int64_t labeledSampleCount();
    // The first sample after `afterKey` that `annotator` has not labeled.
    std::optional<std::int64_t> nextUnlabeled(std::string_view annotator, std::int64_t afterKey);
    // Every version of one annotator's value for a sample, oldest first (nullopt: removed).
    std::vector<std::optional<std::string>> history(std::int64_t sample, std::string_view annotator);

    void forEach(const std::function<void(const Annotation&)>& visit);

private:
    void appendHistory(std::int64_t sample, std::string_view annotator, const std::optional<std::string>& value,
                       std::int64_t now);
    sqlite::Database& m_db;
};

} // namespace concord::store
