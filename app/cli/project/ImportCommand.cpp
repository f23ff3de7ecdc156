// concord-cli import: add samples (and optionally existing labels) from JSONL, CSV or text, or
// labelled data from another tool's format (Label Studio, Prodigy, spaCy, CoNLL, Hugging Face
// JSONL, the exported CSV) with its annotations.
#include "app/cli/Commands.hpp"
#include "app/cli/ProgressBar.hpp"
#include "app/cli/SettingWords.hpp"
#include "core/export/RecordImport.hpp"
#include "core/io/Importer.hpp"
#include "core/text/Utf8.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

namespace concord::cli {

namespace {

struct ImportCliOptions
{
    std::string project;
    std::string file;
    std::string format;
    std::string textField = "text";
    std::string idField;
    std::string labelField;
    std::string annotator;
    bool skipInvalid = false;
    std::string rejectsFile;
};

io::Format chooseFormat(const ImportCliOptions& options, char& delimiter)
{
    delimiter = ',';
    std::string extension = std::filesystem::path(options.file).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (options.format == "tsv" || (options.format.empty() && extension == ".tsv")) {
        delimiter = '\t';
    }
    if (options.format.empty()) {
        if (auto format = io::formatFromPath(options.file)) {
            return *format;
        }
        throw InputError("cannot tell the format of " + options.file +
                         " from its name; give --format jsonl, csv, "
                         "tsv or text");
    }
    if (options.format == "jsonl") {
        return io::Format::Jsonl;
    }
    if (options.format == "csv" || options.format == "tsv") {
        return io::Format::Csv;
    }
    return io::Format::Text;
}

std::string withThousands(std::size_t value)
{
    // Built by appending: GCC 12 mis-warns (-Wrestrict) about std::string::insert at -O3.
    const std::string digits = std::to_string(value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            out += ',';
        }
        out += digits[i];
    }
    return out;
}

// The interchange formats' names on the command line, and the record format each reads.
std::optional<exporting::RecordFormat> interchangeFormat(const std::string& name)
{
    if (name == "labeled-csv") {
        return exporting::RecordFormat::Csv;
    }
    if (name == "csv") {
        return std::nullopt; // plain CSV samples, as before
    }
    return exporting::recordFormatFromName(name);
}

void runInterchange(const ImportCliOptions& options, exporting::RecordFormat format)
{
    if (options.skipInvalid || !options.labelField.empty() || !options.idField.empty() || options.textField != "text") {
        throw InputError("--skip-invalid, --label-field, --id-field and --text-field apply to the jsonl, csv, tsv and "
                         "text formats; a " +
                         options.format + " file says where its ids, texts and labels are");
    }
    std::ifstream input(options.file, std::ios::binary);
    if (!input) {
        throw StoreError("cannot read " + options.file);
    }
    auto project = Project::open(options.project);
    exporting::RecordImportOptions importOptions;
    importOptions.sourceName = options.file;
    importOptions.annotator = options.annotator;
    const auto report = exporting::importRecordFile(*project, format, input, importOptions);
    std::cout << "Imported " << withThousands(report.samplesAdded) << " samples";
    if (report.samplesExisting > 0) {
        std::cout << " (" << withThousands(report.samplesExisting) << " records for samples already there)";
    }
    std::cout << " with " << withThousands(report.annotations) << " annotations";
    if (report.gold > 0) {
        std::cout << " and " << withThousands(report.gold) << (report.gold == 1 ? " gold value" : " gold values");
    }
    std::cout << " from " << options.file << " (" << options.format << ") into " << options.project << ".\n";
    for (const auto& note : report.notes) {
        std::cout << "Note: " << note << '\n';
    }
}

void run(const ImportCliOptions& options)
{
    if (const auto format = interchangeFormat(options.format)) {
        runInterchange(options, *format);
        return;
    }
    if (!options.annotator.empty() && options.labelField.empty()) {
        throw InputError("--annotator names whose labels --label-field holds; give --label-field too");
    }
    char delimiter = ',';
    const io::Format format = chooseFormat(options, delimiter);
    std::ifstream input(options.file, std::ios::binary);
    if (!input) {
        throw StoreError("cannot read " + options.file);
    }
    auto project = Project::open(options.project);

    io::ImportOptions importOptions;
    importOptions.sourceName = std::filesystem::path(options.file).filename().string();
    importOptions.textField = options.textField;
    if (!options.idField.empty()) {
        importOptions.idField = options.idField;
    }
    if (!options.labelField.empty()) {
        importOptions.labelField = options.labelField;
        importOptions.annotator = options.annotator;
    }
    importOptions.skipInvalid = options.skipInvalid;

    std::ofstream rejects;
    const std::string rejectsPath =
        options.rejectsFile.empty() ? options.file + ".rejected.jsonl" : options.rejectsFile;
    std::size_t rejectedCount = 0;
    const auto onReject = [&](const io::ImportProblem& problem) {
        if (!rejects.is_open()) {
            rejects.open(rejectsPath, std::ios::binary | std::ios::trunc);
            if (!rejects) {
                throw StoreError("cannot write the rejects file " + rejectsPath);
            }
        }
        const nlohmann::json entry = {{"file", options.file},
                                      {"line", problem.line},
                                      {"reason", problem.message},
                                      {"raw", utf8::sanitized(problem.raw)}};
        rejects << entry.dump() << '\n';
        ++rejectedCount;
    };

    std::error_code sizeError;
    const auto total = std::filesystem::file_size(options.file, sizeError);
    ProgressBar bar("importing " + importOptions.sourceName, sizeError ? 0 : total);
    auto reader = io::makeReader(format, input, delimiter);
    io::Importer importer(*project, importOptions);
    const io::ImportReport report =
        importer.run(*reader, Progress([&](const ProgressStep& step) { bar.update(step.done); }), onReject);
    bar.finish();

    for (const auto& problem : report.problems) {
        std::cerr << options.file << ':' << problem.line << ": " << problem.message << '\n';
    }
    if (report.problemCount > report.problems.size()) {
        std::cerr << "... and " << withThousands(report.problemCount - report.problems.size()) << " more problems\n";
    }
    for (const auto& setting : report.settings) {
        if (const std::string hint = importHint(setting); !hint.empty()) {
            std::cerr << hint << '\n';
        }
    }
    if (!report.committed) {
        throw InputError("nothing was imported: " + withThousands(report.problemCount) + " of " +
                         withThousands(report.records) + " records in " + options.file +
                         " have problems (listed above). Fix them, or run again with --skip-invalid to import the "
                         "good records and write the rejected ones to a file.");
    }
    rejects.close();
    std::cout << "Imported " << withThousands(report.imported) << " samples";
    if (report.labeled > 0) {
        std::cout << " with " << withThousands(report.labeled) << " labels by " << options.annotator;
    }
    std::cout << " from " << options.file << " into " << options.project << ".\n";
    if (rejectedCount > 0) {
        std::cout << "Rejected " << withThousands(rejectedCount) << " records; their reasons are in " << rejectsPath
                  << ".\n";
    }
}

} // namespace

void addImportCommand(CLI::App& app)
{
    auto options = std::make_shared<ImportCliOptions>();
    auto* command =
        app.add_subcommand("import", "Import samples from a JSONL, CSV/TSV or plain-text file, or labelled "
                                     "data from Label Studio, Prodigy, spaCy, CoNLL, HF JSONL or CSV exports");
    command->add_option("project", options->project, "Project file")->required();
    command->add_option("file", options->file, "Input file (.jsonl, .csv, .tsv or .txt)")->required();
    command
        ->add_option("--format", options->format,
                     "Input format (default: from the file name): jsonl, csv, tsv, text; or labelled data with its "
                     "annotations: labelstudio, prodigy, spacy, conll, hf, labeled-csv (the CSV export writes)")
        ->check(CLI::IsMember(
            {"jsonl", "csv", "tsv", "text", "labelstudio", "prodigy", "spacy", "conll", "hf", "labeled-csv"}));
    command->add_option("--text-field", options->textField, "Field holding the text")->capture_default_str();
    command->add_option("--id-field", options->idField,
                        "Field holding the sample id (default: 'id' when present, else FILE-LINE)");
    auto* label = command->add_option("--label-field", options->labelField,
                                      "Field holding existing labels, imported as --annotator's annotations");
    command->add_option("--annotator", options->annotator,
                        "Whose labels --label-field holds; with a labelled-data format, who owns the records that "
                        "name no annotator (gold or aggregated exports)");
    label->needs("--annotator");
    command->add_flag("--skip-invalid", options->skipInvalid,
                      "Import the good records and write the rejected ones, with reasons, to a file");
    command->add_option("--rejects", options->rejectsFile,
                        "Where --skip-invalid writes rejected records "
                        "(default: FILE.rejected.jsonl)");
    command->callback([options] { run(*options); });
}

} // namespace concord::cli
