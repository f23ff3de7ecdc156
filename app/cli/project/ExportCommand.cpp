// concord-cli export: without --format/--out-dir, every sample with its annotations and gold
// label as plain JSONL (one file); with them, a training dataset (core/export/DatasetExporter):
// gold or aggregated (or raw) labels, split train/validation/test or into folds, in a format,
// with label_map.json and a dataset card.
#include "app/cli/Commands.hpp"
#include "app/cli/SettingWords.hpp"
#include "app/cli/project/TrlExport.hpp"
#include "app/cli/store/StoreSnapshot.hpp"
#include "core/export/DatasetExporter.hpp"
#include "core/export/Splits.hpp"
#include "core/feedback/TrlExport.hpp"
#include "core/io/PlainExporter.hpp"
#include "core/signals/SignalEngine.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <charconv>
#include <iomanip>
#include <iostream>

namespace concord::cli {

namespace {

struct ExportOptions
{
    std::string project;
    std::string output;
    std::string where;
    std::string signal;
    // The dataset export's; strings so that a bad value gets a message naming its option.
    std::string format;
    std::string outDir;
    std::string source;
    std::string minAgreement;
    std::string split;
    std::string folds;
    std::string seed;
    bool labelIds = false;
    bool metadata = false;
    bool replace = false;
    std::string responses = "submitted";
    TrlExportFlags trl;
};

template <typename Number> Number parseNumber(const std::string& text, const char* option, const char* expected)
{
    Number value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
        throw InputError(std::string(option) + ": '" + text + "' is not " + expected);
    }
    return value;
}

bool wantsDataset(const ExportOptions& options)
{
    return !options.format.empty() || !options.outDir.empty();
}

void runPlain(const ExportOptions& options)
{
    for (const auto& [value, name] :
         {std::pair(&options.source, "--source"), std::pair(&options.minAgreement, "--min-agreement"),
          std::pair(&options.split, "--split"), std::pair(&options.folds, "--folds"),
          std::pair(&options.seed, "--seed")}) {
        if (!value->empty()) {
            throw InputError(std::string(name) + " applies to a dataset export: give --out-dir (and --format)");
        }
    }
    if (options.labelIds || options.metadata || options.replace) {
        throw InputError("--label-ids, --metadata and --replace apply to a dataset export: give --out-dir");
    }
    if (options.output.empty()) {
        throw InputError("give an output file (or - for standard output), or --out-dir DIR for a dataset export");
    }
    auto project = Project::open(options.project);
    std::vector<std::int64_t> selected;
    const std::vector<std::int64_t>* only = nullptr;
    if (const auto expression = signals::expressionFrom(*project, options.where, options.signal)) {
        selected = signals::SignalEngine(*project).select(*expression);
        only = &selected;
    }
    if (options.output == "-") {
        const std::size_t count = io::exportPlainJsonl(*project, std::cout, only, options.responses == "all");
        std::cerr << "Exported " << count << " samples.\n";
        return;
    }
    const std::size_t count = io::exportPlainJsonlFile(*project, options.output, only, options.responses == "all");
    std::cout << "Exported " << count << " samples to " << options.output << ".\n";
}

exporting::DatasetExportOptions datasetOptions(const ExportOptions& options)
{
    if (options.outDir.empty()) {
        throw InputError("--format needs --out-dir DIR: a dataset export writes a directory of files");
    }
    if (!options.output.empty()) {
        throw InputError("give either an output file (plain JSONL) or --out-dir (a dataset), not both");
    }
    exporting::DatasetExportOptions result;
    result.format = options.format.empty() ? "hf" : options.format;
    exporting::formatExtension(result.format); // an unknown format: its message
    result.directory = options.outDir;
    if (!options.source.empty()) {
        try {
            result.source = exporting::exportSourceFromString(options.source);
        } catch (const InputError& error) {
            throw InputError(std::string("--source: ") + error.what());
        }
    }
    if (!options.minAgreement.empty()) {
        const double value = parseNumber<double>(options.minAgreement, "--min-agreement", "a number between 0 and 1");
        if (!(value >= 0.0 && value <= 1.0)) {
            throw InputError("--min-agreement: " + options.minAgreement + " is not between 0 and 1");
        }
        if (!options.source.empty() && result.source == exporting::ExportSource::Raw) {
            throw InputError("--min-agreement filters aggregated labels; --source raw has none");
        }
        result.minAgreement = value;
    }
    if (!options.split.empty() && !options.folds.empty()) {
        throw InputError("give either --split or --folds, not both");
    }
    if (!options.split.empty()) {
        result.ratios = exporting::parseRatios(options.split);
        exporting::SplitOptions check;
        check.ratios = result.ratios;
        exporting::checkSplitOptions(check, 0);
    }
    if (!options.folds.empty()) {
        result.folds = parseNumber<std::size_t>(options.folds, "--folds", "a whole number of folds (2 or more)");
        if (result.folds < 2) {
            throw InputError("--folds: need at least 2 folds, not " + options.folds);
        }
    }
    if (!options.seed.empty()) {
        result.seed = parseNumber<std::uint64_t>(options.seed, "--seed", "a whole number (0 or more)");
    }
    result.labelIds = options.labelIds;
    result.includeMetadata = options.metadata;
    result.replace = options.replace;
    return result;
}

void printSummary(const exporting::DatasetExportSummary& summary)
{
    std::cout << "Exported " << summary.records << " records (" << summary.format << ") to " << summary.directory
              << "\n\n";
    for (const auto& split : summary.splits) {
        std::cout << "  " << std::left << std::setw(12) << split.name << std::right << std::setw(7) << split.records
                  << "  ";
        for (std::size_t i = 0; i < split.labels.size(); ++i) {
            std::cout << (i == 0 ? "" : ", ") << split.labels[i].first << ' ' << split.labels[i].second;
        }
        std::cout << '\n';
    }
    std::cout << '\n';
    if (summary.raw > 0) {
        std::cout << "Labels     " << summary.raw << " raw (one record per sample and annotator)\n";
    } else {
        std::cout << "Labels     " << summary.gold << " gold, " << summary.aggregated << " aggregated\n";
    }
    std::cout << "Left out   " << summary.unlabeled << " without a label";
    if (summary.belowAgreement > 0) {
        std::cout << ", " << summary.belowAgreement << " below the minimum agreement";
    }
    std::cout << '\n';
    if (summary.leakage.clean()) {
        std::cout << "Leakage    none: no text is in two splits (" << summary.leakage.texts
                  << " distinct texts checked)\n";
    } else {
        std::cout << "Leakage    " << summary.leakage.shared.size() << " texts are in more than one split:\n";
        for (const auto& text : summary.leakage.shared) {
            std::cout << "  ";
            for (std::size_t i = 0; i < text.samples.size(); ++i) {
                std::cout << (i == 0 ? "" : ", ") << text.samples[i].id << " (" << text.samples[i].split << ")";
            }
            std::cout << '\n';
        }
    }
    std::cout << "Files     ";
    for (const auto& file : summary.files) {
        std::cout << ' ' << file;
    }
    std::cout << '\n';
}

void runTrl(const ExportOptions& options)
{
    if (!options.output.empty()) {
        throw InputError("give either an output file (plain JSONL) or --out-dir (a dataset), not both");
    }
    if (!options.where.empty() || !options.signal.empty() || !options.folds.empty() || options.labelIds ||
        options.metadata) {
        throw InputError("--where, --signal, --folds, --label-ids and --metadata do not apply to " + options.format);
    }
    runTrlExport(options.format,
                 {options.project, options.outDir, options.source, options.split, options.seed, options.minAgreement,
                  options.replace},
                 options.trl);
}

void runArgilla(const ExportOptions& options)
{
    if (options.outDir.empty() || !options.output.empty()) {
        throw InputError("--format argilla writes a directory: give --out-dir DIR (and no output file)");
    }
    auto project = Project::open(options.project);
    const std::size_t count = exportArgilla(*project, options.outDir, options.replace);
    std::cout << "Exported " << count << " records (argilla) to " << options.outDir << "/records.jsonl\n";
}

void run(const ExportOptions& options)
{
    if (!wantsDataset(options)) {
        runPlain(options);
        return;
    }
    if (isTrlFormat(options.format)) {
        runTrl(options);
        return;
    }
    if (options.format == "argilla") {
        runArgilla(options);
        return;
    }
    exporting::DatasetExportOptions dataset = datasetOptions(options);
    dataset.command = invocation(); // the card's "How it was made"
    auto project = Project::open(options.project);
    if (!project->isLegacy()) {
        throw InputError(options.project +
                         " has fields and questions: export it with --format trl-preference, trl-sft or trl-kto, "
                         "or every answer as JSONL: concord-cli export " +
                         options.project + " FILE.jsonl --responses all");
    }
    dataset.signalExpression = signals::expressionFrom(*project, options.where, options.signal);
    printSummary(exporting::exportDataset(*project, dataset));
}

} // namespace

void addExportCommand(CLI::App& app)
{
    auto options = std::make_shared<ExportOptions>();
    auto* command = app.add_subcommand(
        "export", "Write every sample with its annotations and gold label as JSONL, or (with --out-dir) a training "
                  "dataset with splits, a label map and a dataset card");
    auto store = std::make_shared<StoreProjectOptions>();
    command->add_option("project", options->project, "Project file");
    addStoreProjectOptions(*command, *store);
    command->add_option("output", options->output, "Output file, or - for standard output (plain JSONL export)");
    command->add_option("--where", options->where, "Only the samples this SQL expression selects (see 'signal')");
    command
        ->add_option("--responses", options->responses,
                     "A project with fields and questions: submitted responses only, or all (drafts and discards "
                     "too, each with its status)")
        ->check(CLI::IsMember({"submitted", "all"}))
        ->capture_default_str();
    command->add_option("--signal", options->signal, "Only the samples this saved signal selects");
    command->add_option("--format", options->format,
                        "Dataset format: hf (default), csv, conll, spacy, labelstudio or prodigy; for a project with "
                        "fields and questions trl-preference, trl-sft, trl-kto or argilla");
    command->add_option("--out-dir", options->outDir,
                        "Write a dataset into this new directory: split files, label_map.json, README.md");
    command->add_option("--source", options->source,
                        "gold-majority (default: gold label, else majority vote), gold-dawid-skene, or raw (every "
                        "annotator's labels; for trl-* every submitted response)");
    command->add_option("--min-agreement", options->minAgreement,
                        "Leave out aggregated labels whose confidence (annotators' agreement, or the Dawid-Skene "
                        "posterior) is below this, 0..1; for trl-*: records whose annotators agree less on the "
                        "question (a reviewer's gold value stands)");
    command->add_option("--split", options->split, "Train, validation, test ratios (default 0.8,0.1,0.1)");
    command->add_option("--folds", options->folds, "K fold files instead of train/validation/test");
    command->add_option("--seed", options->seed, "Seed of the splits (default 42): the same seed, the same files");
    command->add_flag("--label-ids", options->labelIds, "Labels as integer ids (see label_map.json)");
    command->add_flag("--metadata", options->metadata, "Include each sample's metadata");
    command->add_flag("--replace", options->replace, "Replace the --out-dir directory when it is not empty");
    addTrlExportOptions(*command, options->trl);
    command->callback([options, store] {
        // With --store the first positional is the output: `export --store URI --project NAME OUT`.
        if (!store->store.empty() && options->output.empty()) {
            std::swap(options->output, options->project);
        }
        const auto snapshot = projectFileFor(options->project, *store);
        run(*options);
    });
}

} // namespace concord::cli
