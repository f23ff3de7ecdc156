// One exported example, the seam between choosing what is exported (ExportSelection, the
// splits) and writing or reading it in a format (the *Format files). Every format writes and
// reads these, so a round trip is "records out, records back, compare".
#pragma once

#include "core/model/LabelSchema.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace concord::exporting {

struct ExportSpan
{
    std::int64_t start = 0; // Unicode code points, as Python's str counts them
    std::int64_t end = 0;   // exclusive
    std::string label;

    bool operator==(const ExportSpan&) const = default;
};

struct ExportRecord
{
    std::string id; // the sample's user-facing id
    std::string text;
    // Single-label: one name. Multi-label: the chosen names in schema order. Rating: empty
    // (see `rating`). Spans: empty (see `spans`). Empty too when the sample has no label yet.
    std::vector<std::string> labels;
    std::vector<ExportSpan> spans; // sorted by (start, end, label)
    std::optional<int> rating;
    // An answer with nothing in it: a multi-label "none of these" or a spans answer with no span
    // (labels and spans empty). A record without a value has it false.
    bool emptyAnswer = false;
    // Whose value this is: empty for a gold or aggregated value, the annotator's name when
    // every annotator's raw labels are exported (one record per sample and annotator).
    std::string annotator;
    // Where the value came from: "gold", "majority", "dawid-skene" or "raw".
    std::string source;
    // Agreement of the sample's annotators with the chosen value (share who agreed, 0..1), or
    // the Dawid–Skene posterior; absent for gold and raw records.
    std::optional<double> confidence;
    nlohmann::json metadata = nlohmann::json::object();

    bool operator==(const ExportRecord&) const = default;
};

// What a format needs besides the records: the task kind and the label names in id order.
struct ExportSchema
{
    TaskKind kind = TaskKind::Single;
    std::vector<std::string> labels; // label id = index
    int ratingMin = 1;
    int ratingMax = 5;
};

// Whether the record carries a value for a project of this kind (an empty answer counts).
inline bool hasValue(const ExportRecord& record, TaskKind kind)
{
    switch (kind) {
    case TaskKind::Spans:
        return !record.spans.empty() || record.emptyAnswer;
    case TaskKind::Rating:
        return record.rating.has_value();
    case TaskKind::Multi:
        return !record.labels.empty() || record.emptyAnswer;
    case TaskKind::Single:
        return !record.labels.empty();
    }
    return false;
}

} // namespace concord::exporting
