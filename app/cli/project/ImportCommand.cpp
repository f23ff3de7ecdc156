// concord-cli import: add samples (and optionally existing labels) from JSONL, CSV or text, or
// labelled data from another tool's format (Label Studio, Prodigy, spaCy, CoNLL, Hugging Face
// JSONL, the exported CSV) with its annotations.
#include "app/cli/Commands.hpp"
#include "app/cli/ProgressBar.hpp"
#include "app/cli/SettingWords.hpp"
#include "app/cli/store/StoreImport.hpp"
#include "app/cli/store/StoreSnapshot.hpp"
#include "core/export/RecordImport.hpp"
#include "core/feedback/ArgillaImport.hpp"
#include "core/feedback/FieldImport.hpp"
#include "core/io/Importer.hpp"
#include "core/text/Utf8.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
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
    std::vector<std::string> fieldKeys;   // FIELD=KEY
    std::vector<std::string> metaKeys;    // FIELD.NAME=KEY
    std::vector<std::string> suggestions; // QUESTION=KEY
    std::vector<std::string> scores;      // QUESTION=KEY
    std::vector<std::string> agents;      // QUESTION=AGENT
    std::vector<std::string> answers;     // QUESTION=KEY
    std::string preferenceAs = "answer";

    bool mapsFields() const
    {
        return !fieldKeys.empty() || !metaKeys.empty() || !suggestions.empty() || !scores.empty() || !agents.empty() ||
               !answers.empty() || format == "trl-preference" || format == "trl-sft";
    }
};

// NAME=VALUE pairs of a repeated option, into a map; throws SettingError naming the option.
std::map<std::string, std::string> pairs(const std::vector<std::string>& items, const std::string& setting)
{
    std::map<std::string, std::string> out;
    for (const auto& item : items) {
        const auto equals = item.find('=');
        if (equals == std::string::npos || equals == 0 || equals + 1 == item.size()) {
            throw SettingError(setting, "'" + item + "' is not NAME=VALUE");
        }
        out[item.substr(0, equals)] = item.substr(equals + 1);
    }
    return out;
}

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

// The rejected records of --skip-invalid, one JSON line each with the reason.
class RejectsFile
{
public:
    explicit RejectsFile(const ImportCliOptions& options)
        : m_file(options.file),
          m_path(options.rejectsFile.empty() ? options.file + ".rejected.jsonl" : options.rejectsFile)
    {}

    void write(std::size_t line, const std::string& reason, const std::string& raw)
    {
        if (!m_out.is_open()) {
            m_out.open(m_path, std::ios::binary | std::ios::trunc);
            if (!m_out) {
                throw StoreError("cannot write the rejects file " + m_path);
            }
        }
        const nlohmann::json entry = {
            {"file", m_file}, {"line", line}, {"reason", reason}, {"raw", utf8::sanitized(raw)}};
        m_out << entry.dump() << '\n';
        ++m_count;
    }

    void summarize()
    {
        m_out.close();
        if (m_count > 0) {
            std::cout << "Rejected " << withThousands(m_count) << " records; their reasons are in " << m_path << ".\n";
        }
    }

private:
    std::string m_file;
    std::string m_path;
    std::ofstream m_out;
    std::size_t m_count = 0;
};

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

void runFields(const ImportCliOptions& options)
{
    if (!options.labelField.empty() || options.textField != "text") {
        throw InputError("--label-field and --text-field are for projects of one text; map a project's fields with "
                         "--field FIELD=KEY and its answers with --answer QUESTION=KEY");
    }
    FieldImportOptions importOptions;
    importOptions.sourceName = std::filesystem::path(options.file).filename().string();
    if (!options.idField.empty()) {
        importOptions.idField = options.idField;
    }
    importOptions.fieldKeys = pairs(options.fieldKeys, "field");
    importOptions.metaKeys = pairs(options.metaKeys, "field_meta");
    importOptions.suggestion = pairs(options.suggestions, "suggestion");
    importOptions.scoreKeys = pairs(options.scores, "suggestion_score");
    importOptions.agents = pairs(options.agents, "suggestion_agent");
    importOptions.answerKeys = pairs(options.answers, "answer");
    importOptions.annotator = options.annotator;
    importOptions.skipInvalid = options.skipInvalid;
    importOptions.preferenceAsSuggestion = options.preferenceAs == "suggestion";
    io::Format format = io::Format::Jsonl;
    char delimiter = ',';
    if (options.format == "trl-preference") {
        importOptions.shape = RecordShape::TrlPreference;
    } else if (options.format == "trl-sft") {
        importOptions.shape = RecordShape::TrlSft;
    } else if (interchangeFormat(options.format)) {
        throw SettingError("format", options.format + " files import into projects of one text and one question; "
                                                      "this project has fields and questions (use jsonl or csv)");
    } else {
        format = chooseFormat(options, delimiter);
    }
    std::ifstream input(options.file, std::ios::binary);
    if (!input) {
        throw StoreError("cannot read " + options.file);
    }
    auto project = Project::open(options.project);
    FieldImporter importer(*project, importOptions);

    RejectsFile rejects(options);
    std::error_code sizeError;
    const auto total = std::filesystem::file_size(options.file, sizeError);
    ProgressBar bar("importing " + importOptions.sourceName, sizeError ? 0 : total);
    auto reader = io::makeReader(format, input, delimiter);
    const auto report = importer.run(
        *reader, Progress([&](const ProgressStep& step) { bar.update(step.done); }),
        [&](const FieldImportProblem& problem) { rejects.write(problem.line, problem.message, problem.raw); });
    bar.finish();
    for (const auto& problem : report.problems) {
        std::cerr << options.file << ':' << problem.line << ": " << problem.message << '\n';
    }
    if (report.problemCount > report.problems.size()) {
        std::cerr << "... and " << withThousands(report.problemCount - report.problems.size()) << " more problems\n";
    }
    if (!report.committed) {
        throw InputError("nothing was imported: " + withThousands(report.problemCount) + " of " +
                         withThousands(report.records) + " records in " + options.file +
                         " have problems (listed above). Fix them, or run again with --skip-invalid to import the "
                         "good records and write the rejected ones to a file.");
    }
    std::cout << "Imported " << withThousands(report.added) << " records";
    if (report.updated > 0) {
        std::cout << " and updated " << withThousands(report.updated) << " already there";
    }
    if (report.suggestions > 0) {
        std::cout << ", " << withThousands(report.suggestions) << " suggestions";
    }
    if (report.answers > 0) {
        std::cout << ", " << withThousands(report.answers) << " answers by " << options.annotator;
    }
    std::cout << " from " << options.file << " into " << options.project << ".\n";
    rejects.summarize();
}

// An Argilla flat export (records.jsonl, as `export --format argilla` writes it), whole or not at all.
void runArgilla(const ImportCliOptions& options)
{
    if (options.mapsFields() || options.skipInvalid || !options.labelField.empty() || !options.idField.empty() ||
        options.textField != "text" || !options.annotator.empty()) {
        throw InputError("an Argilla file names its fields, annotators and suggestions in its columns; it takes no "
                         "--field, --answer, --suggestion, --annotator, --id-field, --text-field or --skip-invalid");
    }
    std::ifstream input(options.file, std::ios::binary);
    if (!input) {
        throw StoreError("cannot read " + options.file);
    }
    auto project = Project::open(options.project);
    std::error_code sizeError;
    const auto total = std::filesystem::file_size(options.file, sizeError);
    const std::string name = std::filesystem::path(options.file).filename().string();
    ProgressBar bar("importing " + name, sizeError ? 0 : total);
    auto reader = io::makeReader(io::Format::Jsonl, input);
    const auto report =
        importArgilla(*project, *reader, name, Progress([&](const ProgressStep& step) { bar.update(step.done); }));
    bar.finish();
    std::cout << "Imported " << withThousands(report.added) << " records";
    if (report.existing > 0) {
        std::cout << " (and " << withThousands(report.existing) << " already there, their fields kept)";
    }
    std::cout << " with " << withThousands(report.answers) << " answers and " << withThousands(report.suggestions)
              << " suggestions from " << options.file << " (argilla) into " << options.project << ".\n";
}

void run(const ImportCliOptions& options)
{
    if (options.format == "argilla") {
        runArgilla(options);
        return;
    }
    if (options.mapsFields() || !Project::open(options.project)->isLegacy()) {
        runFields(options);
        return;
    }
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

    RejectsFile rejects(options);
    const auto onReject = [&](const io::ImportProblem& problem) {
        rejects.write(problem.line, problem.message, problem.raw);
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
    std::cout << "Imported " << withThousands(report.imported) << " samples";
    if (report.labeled > 0) {
        std::cout << " with " << withThousands(report.labeled) << " labels by " << options.annotator;
    }
    std::cout << " from " << options.file << " into " << options.project << ".\n";
    rejects.summarize();
}

} // namespace

void addImportCommand(CLI::App& app)
{
    auto options = std::make_shared<ImportCliOptions>();
    auto* command =
        app.add_subcommand("import", "Import samples from a JSONL, CSV/TSV or plain-text file, or labelled "
                                     "data from Label Studio, Prodigy, spaCy, CoNLL, HF JSONL or CSV exports");
    auto store = std::make_shared<StoreProjectOptions>();
    command->add_option("project", options->project, "Project file");
    command->add_option("file", options->file, "Input file (.jsonl, .csv, .tsv or .txt)");
    addStoreProjectOptions(*command, *store);
    command
        ->add_option(
            "--format", options->format,
            "Input format (default: from the file name): jsonl, csv, tsv, text; or labelled data with its "
            "annotations: labelstudio, prodigy, spacy, conll, hf, labeled-csv (the CSV export writes); or "
            "TRL's trl-preference (prompt/chosen/rejected) and trl-sft (prompt/completion) JSONL; or argilla (the "
            "records.jsonl of export --format argilla, into a project with the same fields and questions)")
        ->check(CLI::IsMember({"jsonl", "csv", "tsv", "text", "labelstudio", "prodigy", "spacy", "conll", "hf",
                               "labeled-csv", "trl-preference", "trl-sft", "argilla"}));
    command->add_option("--field", options->fieldKeys,
                        "FIELD=KEY: the file's key (or column) holding a field (default: the field's own name)");
    command->add_option("--field-meta", options->metaKeys,
                        "FIELD.NAME=KEY: a field's metadata from a column, e.g. response_a.model=generator_a");
    command->add_option("--suggestion", options->suggestions, "QUESTION=KEY: a suggestion for the question");
    command->add_option("--suggestion-score", options->scores, "QUESTION=KEY: the suggestion's score");
    command->add_option("--suggestion-agent", options->agents,
                        "QUESTION=AGENT: who made the question's suggestions (default: import; trl for "
                        "--preference-as suggestion)");
    command->add_option("--answer", options->answers, "QUESTION=KEY: --annotator's existing answer");
    command
        ->add_option("--preference-as", options->preferenceAs,
                     "trl-preference: the recorded choice as --annotator's answer, or as a suggestion")
        ->check(CLI::IsMember({"answer", "suggestion"}))
        ->capture_default_str();
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
    command->callback([options, store] {
        if (store->store.empty()) {
            if (options->project.empty() || options->file.empty()) {
                throw SettingError("file", "give the project file and the file to import");
            }
            run(*options);
            return;
        }
        // `import --store URI --project NAME FILE`: the one positional is the file.
        if (options->file.empty()) {
            std::swap(options->file, options->project);
        }
        if (!options->project.empty()) {
            throw SettingError("store", "give a project file or --store, not both");
        }
        if (store->project.empty()) {
            throw SettingError("project", "--store needs --project NAME: the project to import into");
        }
        if (options->file.empty()) {
            throw SettingError("file", "give the file to import");
        }
        importIntoStore(store->store, store->project, [&](const std::string& file) {
            options->project = file;
            run(*options);
        });
    });
}

} // namespace concord::cli
