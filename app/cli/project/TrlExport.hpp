// The TRL formats of `concord-cli export` (--format trl-preference|trl-sft|trl-kto): their own
// options, and the run that hands them to core/feedback/TrlExport and prints its summary.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace concord::cli {

struct TrlExportFlags
{
    std::string question;
    std::string promptField;
    std::string completionField;
    std::string rankingPairs = "all";
    bool margin = false;
    std::string sftForm = "auto";
    std::string threshold;
    std::string goodLabel;
    bool withoutTies = false;
    bool withoutFlagged = false;
};

bool isTrlFormat(const std::string& format);
void addTrlExportOptions(CLI::App& command, TrlExportFlags& flags);

// What ExportCommand parsed that a TRL export reads too.
struct TrlExportCommon
{
    std::string project, outDir, source, split, seed, minAgreement;
    bool replace = false;
};

void runTrlExport(const std::string& format, const TrlExportCommon& common, const TrlExportFlags& flags);

} // namespace concord::cli
