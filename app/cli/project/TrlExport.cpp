#include "app/cli/project/TrlExport.hpp"

#include "app/cli/SettingWords.hpp"
#include "core/export/Splits.hpp"
#include "core/feedback/TrlExport.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <charconv>
#include <iomanip>
#include <iostream>

namespace concord::cli {

// A named namespace: a unity build puts this file in one batch with ExportCommand.cpp.
namespace trl_export_command {

TrlFormat formatOf(const std::string& name)
{
    if (name == "trl-preference") {
        return TrlFormat::Preference;
    }
    if (name == "trl-sft") {
        return TrlFormat::Sft;
    }
    return TrlFormat::Kto;
}

double numberOf(const std::string& text, const char* option)
{
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
        throw InputError(std::string(option) + ": '" + text + "' is not a number");
    }
    return value;
}

TrlExportOptions optionsOf(const std::string& format, const TrlExportCommon& common, const TrlExportFlags& flags)
{
    if (common.outDir.empty()) {
        throw InputError("--format " + format + " needs --out-dir DIR: a dataset export writes a directory of files");
    }
    TrlExportOptions options;
    options.directory = common.outDir;
    options.replace = common.replace;
    options.command = invocation();
    auto& rows = options.rows;
    rows.format = formatOf(format);
    rows.question = flags.question;
    rows.promptField = flags.promptField;
    rows.completionField = flags.completionField;
    if (common.source == "raw") {
        rows.votes = TrlVotes::EveryResponse;
    } else if (!common.source.empty() && common.source != "gold-majority") {
        throw InputError("--source: " + format + " takes gold-majority (default) or raw, not " + common.source);
    }
    rows.rankingPairs = flags.rankingPairs == "best-worst" ? RankingPairs::BestVsWorst : RankingPairs::Every;
    rows.margin = flags.margin;
    rows.sftForm = flags.sftForm == "messages"            ? SftForm::Messages
                   : flags.sftForm == "prompt-completion" ? SftForm::PromptCompletion
                                                          : SftForm::Auto;
    if (!flags.threshold.empty()) {
        rows.ratingThreshold = numberOf(flags.threshold, "--kto-threshold");
    }
    rows.goodLabel = flags.goodLabel;
    rows.withoutTies = flags.withoutTies;
    rows.withoutFlagged = flags.withoutFlagged;
    if (!common.minAgreement.empty()) {
        rows.minAgreement = numberOf(common.minAgreement, "--min-agreement");
    }
    if (!common.split.empty()) {
        options.ratios = exporting::parseRatios(common.split);
    }
    if (!common.seed.empty()) {
        std::uint64_t seed = 0;
        const auto [end, error] = std::from_chars(common.seed.data(), common.seed.data() + common.seed.size(), seed);
        if (error != std::errc() || end != common.seed.data() + common.seed.size()) {
            throw InputError("--seed: '" + common.seed + "' is not a whole number (0 or more)");
        }
        options.seed = seed;
    }
    return options;
}

void printSummary(const TrlExportSummary& summary)
{
    std::cout << "Exported " << summary.rows << " rows (" << summary.format << ", "
              << (summary.conversational ? "conversational" : "plain") << ", question " << summary.question << ") to "
              << summary.directory << "\n\n";
    for (const auto& [name, rows] : summary.splits) {
        std::cout << "  " << std::left << std::setw(12) << name << std::right << std::setw(7) << rows << '\n';
    }
    std::cout << "\nRecords    " << summary.records << " looked at, " << summary.recordsUsed << " gave rows\n";
    if (summary.dropped.empty()) {
        std::cout << "Left out   nothing\n";
    }
    for (std::size_t i = 0; i < summary.dropped.size(); ++i) {
        std::cout << (i == 0 ? "Left out   " : "           ") << summary.dropped[i].second << ' '
                  << summary.dropped[i].first << '\n';
    }
    std::cout << "Files     ";
    for (const auto& file : summary.files) {
        std::cout << ' ' << file;
    }
    std::cout << '\n';
}

} // namespace trl_export_command

bool isTrlFormat(const std::string& format)
{
    return format == "trl-preference" || format == "trl-sft" || format == "trl-kto";
}

void addTrlExportOptions(CLI::App& command, TrlExportFlags& flags)
{
    command.add_option("--question", flags.question,
                       "TRL formats: the question the rows come from (default: the "
                       "first that fits the format)");
    command.add_option("--prompt-field", flags.promptField,
                       "TRL formats: the field holding the prompt (default: prompt, else the first not compared)");
    command.add_option("--completion-field", flags.completionField,
                       "trl-kto from a rating or label: the field judged (default: response)");
    command
        .add_option("--ranking-pairs", flags.rankingPairs,
                    "trl-preference from a ranking: every pair ranked apart (all) or best-worst")
        ->check(CLI::IsMember({"all", "best-worst"}))
        ->capture_default_str();
    command.add_flag("--margin", flags.margin,
                     "trl-preference: a margin column (the preference's strength, or the rank difference)");
    command
        .add_option("--sft-form", flags.sftForm,
                    "trl-sft: messages, prompt-completion, or auto (messages when the prompt is a chat)")
        ->check(CLI::IsMember({"auto", "messages", "prompt-completion"}))
        ->capture_default_str();
    command.add_option("--kto-threshold", flags.threshold,
                       "trl-kto from a rating: ratings at or above this are labelled true");
    command.add_option("--kto-good-label", flags.goodLabel,
                       "trl-kto from a label question: the label that means good (true)");
    command.add_flag("--without-ties", flags.withoutTies,
                     "TRL formats: leave out records where an answer (or the gold value) is a tie");
    command.add_flag("--without-flagged", flags.withoutFlagged,
                     "TRL formats from a preference: leave out what the preference checks flag (records with empty "
                     "or identical responses, the votes of a position-biased or one-sided annotator)");
}

void runTrlExport(const std::string& format, const TrlExportCommon& common, const TrlExportFlags& flags)
{
    const TrlExportOptions options = trl_export_command::optionsOf(format, common, flags);
    auto project = Project::open(common.project);
    if (project->isLegacy()) {
        throw InputError(common.project + " has one text and one question; " + format +
                         " reads a project with fields and questions (init --template preference|ranking|sft)");
    }
    trl_export_command::printSummary(exportTrl(*project, options));
}

} // namespace concord::cli
