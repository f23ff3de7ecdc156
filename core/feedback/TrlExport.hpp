// Writes a TRL dataset directory: the rows of TrlRows split into train/validation/test with
// every row of one prompt in one split, each file JSONL that `datasets.load_dataset("json")`
// reads, and a dataset card (README.md) saying where the rows came from and what each rule
// left out. Each file appears under its name only when complete (io::AtomicFile).
#pragma once

#include "core/feedback/TrlRows.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace concord {

struct TrlExportOptions
{
    TrlOptions rows;
    std::string directory;                        // made when missing; its parent must exist
    std::vector<double> ratios = {0.8, 0.1, 0.1}; // train, validation, test (a 0 leaves that file out)
    std::uint64_t seed = 42;
    bool replace = false; // write into a directory that is not empty (else refused)
    std::string command;  // for the card's "How it was made"; empty: left out
};

struct TrlExportSummary
{
    std::string directory;
    std::string format;
    std::string question;
    bool conversational = false;
    std::size_t records = 0, recordsUsed = 0, rows = 0;
    std::vector<std::pair<std::string, std::size_t>> splits;  // name, rows
    std::vector<std::pair<std::string, std::size_t>> dropped; // rule, count
    std::vector<std::string> files;
};

// Throws InputError for unusable options or when no row is left (before anything is written),
// StoreError when a file cannot be written.
TrlExportSummary exportTrl(Project& project, const TrlExportOptions& options);

// The Argilla flat form (ArgillaExport.hpp) of every record into `directory`/records.jsonl, made
// as for exportTrl; returns the number of records.
std::size_t exportArgilla(Project& project, const std::string& directory, bool replace);

} // namespace concord
