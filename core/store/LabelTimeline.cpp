// Labels per annotator per day (see LabelTimeline.hpp).
#include "core/store/LabelTimeline.hpp"

#include "core/store/Sqlite.hpp"

namespace concord::store {

std::vector<AnnotatorTimeline> labelTimeline(sqlite::Database& db)
{
    // created_at is in milliseconds since the epoch; integer division floors for the positive
    // times a clock gives.
    auto& statement = db.cached("SELECT annotator, created_at / 86400000 AS day, count(*) FROM annotations "
                                "GROUP BY annotator, day ORDER BY annotator, day");
    std::vector<AnnotatorTimeline> timelines;
    while (statement.step()) {
        std::string annotator = statement.columnText(0);
        if (timelines.empty() || timelines.back().annotator != annotator) {
            timelines.push_back({std::move(annotator), {}});
        }
        auto& days = timelines.back().days;
        const std::int64_t labels = statement.columnInt(2);
        days.push_back({statement.columnInt(1), labels, (days.empty() ? 0 : days.back().cumulative) + labels});
    }
    return timelines;
}

} // namespace concord::store
