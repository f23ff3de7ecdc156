// Exports a project as a training dataset: the records ExportSelection chooses, split into
// train/validation/test (or k folds) by Splits, each split written in the chosen format, with
// label_map.json, a dataset card (README.md) and, for Label Studio, the labeling config
// (label_config.xml). The directory appears whole or not at all:
// everything is written into a temporary directory beside it, which is renamed into place only
// when complete; a failure or a cancel removes it.
#pragma once

#include "core/export/ExportSelection.hpp"
#include "core/export/Leakage.hpp"
#include "core/util/Progress.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace concord {
class Project;
}

namespace concord::exporting {

// The format names: "hf", "csv", "conll", "spacy", "labelstudio", "prodigy".
const std::vector<std::string>& datasetFormats();
// The extension of a split file ("jsonl", "csv", ...); throws SettingError("format") for an
// unknown format.
std::string formatExtension(std::string_view format);

struct DatasetExportOptions
{
    std::string format = "hf";
    std::string directory; // the output directory; its parent must exist
    ExportSource source = ExportSource::GoldThenMajority;
    std::optional<double> minAgreement;           // 0..1; aggregated records below it are left out
    std::optional<std::string> signalExpression;  // SQL over the signal view (signals::expressionFrom)
    std::vector<double> ratios = {0.8, 0.1, 0.1}; // train, validation, test (a 0 leaves that file out)
    std::size_t folds = 0;                        // >= 2: fold-1..fold-K files instead of the ratios
    std::uint64_t seed = 42;
    bool labelIds = false;        // labels as integer ids (label_map.json's label2id) where the format allows
    bool includeMetadata = false; // each sample's metadata in the records
    bool nearDuplicates = true;   // keep near duplicates (not only exact ones) inside one split
    bool replace = false;         // replace an existing non-empty directory (else refused)
    // How the export was asked for, in the caller's terms (the CLI its command line, the GUI the
    // equivalent one), for the card's "How it was made"; empty: the card leaves it out.
    std::string command;
};

struct SplitSummary
{
    std::string name; // "train", "validation", "test", "fold-1", ...
    std::string file; // its file name inside the directory
    std::size_t records = 0;
    std::vector<std::pair<std::string, std::size_t>> labels; // records per label (see labelCounts)
};

struct DatasetExportSummary
{
    std::string directory;
    std::string format;
    std::vector<SplitSummary> splits;
    std::vector<std::string> files; // every file written, names inside the directory
    std::size_t records = 0;
    // From the selection (see Selection).
    std::size_t samples = 0, gold = 0, aggregated = 0, raw = 0, unlabeled = 0, belowAgreement = 0;
    LeakageReport leakage;
    bool cancelled = false; // then nothing was written
};

// Throws InputError for bad options or nothing to export (before anything is written), and
// StoreError when the directory cannot be written (then nothing is left behind). `progress`
// hears of each step ("selecting", "splitting", "writing", "finishing") on the calling thread;
// once it is cancelled the export stops at the next step, writes nothing and says cancelled.
DatasetExportSummary exportDataset(Project& project, const DatasetExportOptions& options,
                                   const Progress& progress = {});

// The split files' contents in one format (Formats.hpp's writeRecords).
void writeSplitFile(std::string_view format, const std::vector<ExportRecord>& records, const ExportSchema& schema,
                    bool labelIds, bool includeMetadata, std::ostream& out);

} // namespace concord::exporting
