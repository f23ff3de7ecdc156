// Train/validation/test splits and k-fold folds of export records: stratified by label, the
// same for the same seed on every platform, and with exact and near duplicates kept inside one
// split. Records are first grouped (same normalised text, or one near-duplicate cluster); whole
// groups are then dealt to the splits, so a text and its copies never train and test at once.
#pragma once

#include "core/export/ExportRecord.hpp"
#include "core/quality/integrity/NearDuplicates.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace concord::exporting {

struct NamedSplit
{
    std::string name;                  // "train", "validation", "test", or "fold-1" .. "fold-K"
    std::vector<ExportRecord> records; // in their input order
};

struct SplitOptions
{
    std::vector<double> ratios = {0.8, 0.1, 0.1}; // train, validation, test; each >= 0, sum 1
    std::size_t folds = 0;                        // >= 2: k folds instead of the ratios
    std::uint64_t seed = 0;
    bool nearDuplicates = true; // also keep near duplicates together (exact ones always are)
    quality::NearDuplicateOptions nearDuplicateOptions;
};

// "0.8,0.1,0.1" (three numbers, each 0..1, summing to 1, train above 0). Throws InputError
// saying what is wrong.
std::vector<double> parseRatios(std::string_view text);
// Throws InputError when the ratios or the fold count are unusable for `records` records.
void checkSplitOptions(const SplitOptions& options, std::size_t records);

// What stratification balances: the label, the sorted label set, the rating, or the set of
// span labels.
std::string stratumOf(const ExportRecord& record);

// A group number per record (0, 1, ... by first member): records with the same normalised text
// (quality::normalizeForDuplicates), or in one near-duplicate cluster when `nearDuplicates`.
std::vector<std::uint32_t> duplicateGroups(const std::vector<ExportRecord>& records, bool nearDuplicates = true,
                                           const quality::NearDuplicateOptions& options = {});

// The part (index into `weights`) of each record. Per stratum, each part's quota is its share
// of the stratum's records rounded down or up (remainders going to the parts furthest below
// their overall share); whole groups, shuffled from the seed and largest first, go to the part
// furthest below its quota. A part of weight 0 gets nothing.
std::vector<std::uint32_t> assignParts(const std::vector<ExportRecord>& records, const std::vector<double>& weights,
                                       std::uint64_t seed, bool nearDuplicates = true,
                                       const quality::NearDuplicateOptions& options = {});

// The splits (train, validation, test; a part of ratio 0 is left out) or the folds.
std::vector<NamedSplit> makeSplits(const std::vector<ExportRecord>& records, const SplitOptions& options);

} // namespace concord::exporting
