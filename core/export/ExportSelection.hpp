// Which records a dataset export holds: per sample the gold value where a reviewer set one,
// else the value its annotators' labels aggregate to (majority vote or Dawid–Skene), optionally
// only when that value's confidence reaches a minimum; or every annotator's raw labels, one
// record per sample and annotator. Optionally restricted to the samples a signal selects.
#pragma once

#include "core/export/ExportRecord.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace concord {
class Project;
}

namespace concord::exporting {

enum class ExportSource
{
    GoldThenMajority,   // gold where set, else majority vote
    GoldThenDawidSkene, // gold where set, else Dawid–Skene
    Raw                 // every annotator's own labels
};

// "gold-majority", "gold-dawid-skene", "raw".
std::string_view toString(ExportSource source);
// Throws InputError naming the accepted names.
ExportSource exportSourceFromString(std::string_view name);

struct SelectionOptions
{
    ExportSource source = ExportSource::GoldThenMajority;
    // Aggregated records whose confidence (majority share, or Dawid–Skene posterior) is below
    // this are left out; gold and raw records are never filtered by it.
    std::optional<double> minAgreement;
    // An SQL expression over the signal view (see core/signals); only the samples it selects.
    std::optional<std::string> signalExpression;
    bool includeMetadata = false; // copy each sample's metadata into the record
};

struct Selection
{
    ExportSchema schema;
    std::vector<ExportRecord> records; // in sample order (then annotator order for raw)
    std::size_t samples = 0;           // samples considered (after the signal)
    std::size_t gold = 0;              // records from a reviewer's gold value
    std::size_t aggregated = 0;        // records from the aggregate
    std::size_t raw = 0;               // raw records
    std::size_t unlabeled = 0;         // samples left out: nobody labeled them
    std::size_t belowAgreement = 0;    // samples left out by minAgreement
};

// Throws InputError for a bad option (minAgreement outside 0..1, a signal that does not
// compile) and StoreError when the project cannot be read.
Selection selectRecords(Project& project, const SelectionOptions& options);

// The ExportSchema of a project's label schema.
ExportSchema exportSchemaOf(const LabelSchema& schema);

// A stored annotation or gold value ({"labels":..}, {"spans":..}, {"rating":..}) put into a
// record's labels, spans or rating (labels in schema order, spans sorted); an empty list is an
// empty answer (ExportRecord::emptyAnswer).
void setRecordValue(ExportRecord& record, const nlohmann::json& value, const ExportSchema& schema);

} // namespace concord::exporting
