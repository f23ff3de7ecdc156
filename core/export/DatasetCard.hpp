// The dataset card (README.md) written beside an exported dataset: what it holds (counts per
// split and label), how much the annotators agreed, how each record's label was chosen, how to
// load a Label Studio export into Label Studio, and the command that made it, so that whoever
// trains on it knows what they have.
#pragma once

#include "core/export/ExportRecord.hpp"
#include "core/export/Leakage.hpp"
#include "core/export/Splits.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace concord {
class Project;
}

namespace concord::exporting {

struct AgreementFigure
{
    std::string name;  // "alpha-nominal"
    std::string title; // "Krippendorff's alpha, nominal"
    std::optional<double> value;
    std::string reason; // why there is no value
};

// The project's default agreement coefficients (Krippendorff's alpha first where it applies)
// over all its annotations, from quality::buildReport. Empty when nobody labeled anything.
std::vector<AgreementFigure> agreementFigures(Project& project);

// Records per label in id order (label sets count each label, spans each span; a rating is
// its number; "(none)" for a record without a value), labels with no record left out.
std::vector<std::pair<std::string, std::size_t>> labelCounts(const std::vector<ExportRecord>& records,
                                                             const ExportSchema& schema);

struct DatasetCardInput
{
    std::string projectName;
    std::string format;
    ExportSchema schema;
    const std::vector<NamedSplit>* splits = nullptr;
    std::vector<std::string> files; // parallel to *splits
    std::string source;             // toString(ExportSource)
    std::optional<double> minAgreement;
    std::optional<std::string> signalExpression;
    std::size_t samples = 0, gold = 0, aggregated = 0, raw = 0, unlabeled = 0, belowAgreement = 0;
    std::vector<AgreementFigure> agreement;
    const LeakageReport* leakage = nullptr;
    std::string command;
    std::uint64_t seed = 0;
    std::size_t folds = 0;
    std::vector<double> ratios;
};

std::string datasetCard(const DatasetCardInput& input);

} // namespace concord::exporting
