// Each annotator's progress over time: how many samples they had labeled by the end of each
// UTC day on which they labeled any (a sample counts on the day of its first label, the
// annotation's created_at; a label taken back no longer counts). For the dashboard's
// progress chart; one GROUP BY over the annotations, run on a worker thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace concord::sqlite {
class Database;
}

namespace concord::store {

struct DayCount
{
    std::int64_t day = 0;        // days since 1970-01-01 (UTC)
    std::int64_t labels = 0;     // samples first labeled that day
    std::int64_t cumulative = 0; // samples labeled by the end of that day
};

struct AnnotatorTimeline
{
    std::string annotator;
    std::vector<DayCount> days; // ascending, only days with labels
};

// One timeline per annotator, by name.
std::vector<AnnotatorTimeline> labelTimeline(sqlite::Database& db);

} // namespace concord::store
