// Selection, splits, files, card, and the rename into place; see DatasetExporter.hpp.
#include "core/export/DatasetExporter.hpp"

#include "core/export/DatasetCard.hpp"
#include "core/export/ExportTarget.hpp"
#include "core/export/Formats.hpp"
#include "core/export/LabelMap.hpp"
#include "core/export/LabelStudioFormat.hpp"
#include "core/export/Splits.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"
#include "core/util/RandomId.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace concord::exporting {

namespace fs = std::filesystem;

namespace {

// A temporary directory beside the target that is removed unless released.
class PartialDirectory
{
public:
    explicit PartialDirectory(fs::path path) : m_path(std::move(path)) {}
    ~PartialDirectory()
    {
        if (!m_path.empty()) {
            std::error_code ignored; // best effort: the export already failed
            fs::remove_all(m_path, ignored);
        }
    }
    PartialDirectory(const PartialDirectory&) = delete;
    PartialDirectory& operator=(const PartialDirectory&) = delete;
    const fs::path& path() const { return m_path; }
    void release() { m_path.clear(); }

private:
    fs::path m_path;
};

void writeFile(const fs::path& path, const std::function<void(std::ostream&)>& write)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        throw StoreError("cannot create " + path.string());
    }
    write(out);
    out.flush();
    out.close();
    if (!out) {
        throw StoreError("cannot write " + path.string() + " (disk full?)");
    }
}

// Renames the finished directory into place, moving an existing target aside first and
// removing it only after the new one is in.
void moveIntoPlace(const fs::path& partial, const fs::path& target)
{
    std::error_code error;
    fs::path old;
    if (fs::exists(target, error) && !fs::is_empty(target, error)) {
        old = target.parent_path() / ("." + target.filename().string() + ".old-" + randomId().substr(0, 8));
        fs::rename(target, old, error);
        if (error) {
            throw StoreError("cannot replace " + target.string() + ": " + error.message());
        }
    }
    fs::rename(partial, target, error);
    if (error) {
        if (!old.empty()) {
            std::error_code ignored;
            fs::rename(old, target, ignored);
        }
        throw StoreError("cannot move the export into " + target.string() + ": " + error.message());
    }
    if (!old.empty()) {
        fs::remove_all(old, error);
    }
}

} // namespace

const std::vector<std::string>& datasetFormats()
{
    static const std::vector<std::string> formats = {"hf", "csv", "conll", "spacy", "labelstudio", "prodigy"};
    return formats;
}

namespace {

RecordFormat datasetFormat(std::string_view format)
{
    if (const auto known = recordFormatFromName(format)) {
        return *known;
    }
    throw SettingError("format", "unknown format '" + std::string(format) +
                                     "' (expected hf, csv, conll, spacy, labelstudio or prodigy)");
}

} // namespace

std::string formatExtension(std::string_view format)
{
    return std::string(fileExtension(datasetFormat(format)).substr(1));
}

void writeSplitFile(std::string_view format, const std::vector<ExportRecord>& records, const ExportSchema& schema,
                    bool labelIds, bool includeMetadata, std::ostream& out)
{
    writeRecords(datasetFormat(format), records, schema, out, WriteOptions{labelIds, includeMetadata});
}

DatasetExportSummary exportDataset(Project& project, const DatasetExportOptions& options, const Progress& progress)
{
    const auto report = [&](std::string_view step, std::size_t done, std::size_t total) {
        progress.report(done, total, step);
    };
    const auto cancelled = [&progress] { return progress.cancelled(); };
    DatasetExportSummary summary;
    summary.directory = options.directory;
    summary.format = options.format;

    // Everything the user can get wrong is checked before the first byte is written.
    const std::string extension = formatExtension(options.format);
    if (!supportsKind(datasetFormat(options.format), project.schema().kind)) {
        throw SettingError("format", options.format + " cannot hold the labels of a " +
                                         std::string(toString(project.schema().kind)) + " project" +
                                         (options.format == "conll" ? " (CoNLL BIO tags need a spans project)" : ""));
    }
    if (options.directory.empty()) {
        throw SettingError("directory", "no output directory given");
    }
    const fs::path target = fs::path(options.directory).lexically_normal();
    if (target.filename().empty()) {
        throw SettingError("directory", options.directory + " does not name a directory");
    }
    checkExportTarget(target, options.replace);
    SplitOptions splitOptions;
    splitOptions.ratios = options.ratios;
    splitOptions.folds = options.folds;
    splitOptions.seed = options.seed;
    splitOptions.nearDuplicates = options.nearDuplicates;
    if (options.folds == 0) {
        checkSplitOptions(splitOptions, 0);
    }

    report("selecting", 0, 1);
    SelectionOptions selectionOptions;
    selectionOptions.source = options.source;
    selectionOptions.minAgreement = options.minAgreement;
    selectionOptions.signalExpression = options.signalExpression;
    selectionOptions.includeMetadata = options.includeMetadata;
    const Selection selection = selectRecords(project, selectionOptions);
    summary.samples = selection.samples;
    summary.gold = selection.gold;
    summary.aggregated = selection.aggregated;
    summary.raw = selection.raw;
    summary.unlabeled = selection.unlabeled;
    summary.belowAgreement = selection.belowAgreement;
    if (selection.records.empty()) {
        throw InputError("nothing to export: of " + std::to_string(selection.samples) + " samples selected, " +
                         std::to_string(selection.unlabeled) + " have no label and " +
                         std::to_string(selection.belowAgreement) + " are below the minimum agreement");
    }
    report("selecting", 1, 1);
    if (cancelled()) {
        summary.cancelled = true;
        return summary;
    }

    report("splitting", 0, 1);
    const std::vector<NamedSplit> splits = makeSplits(selection.records, splitOptions);
    summary.leakage = checkLeakage(splits);
    summary.records = selection.records.size();
    report("splitting", 1, 1);
    if (cancelled()) {
        summary.cancelled = true;
        return summary;
    }

    const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    PartialDirectory partial(parent / ("." + target.filename().string() + ".partial-" + randomId().substr(0, 12)));
    std::error_code error;
    fs::create_directory(partial.path(), error);
    if (error) {
        throw StoreError("cannot write into " + parent.string() + ": " + error.message());
    }
    std::vector<std::string> files;
    for (std::size_t s = 0; s < splits.size(); ++s) {
        report("writing", s, splits.size());
        if (cancelled()) {
            summary.cancelled = true;
            return summary;
        }
        const std::string file = splits[s].name + "." + extension;
        writeFile(partial.path() / file, [&](std::ostream& out) {
            writeSplitFile(options.format, splits[s].records, selection.schema, options.labelIds,
                           options.includeMetadata, out);
        });
        files.push_back(file);
        summary.splits.push_back(SplitSummary{splits[s].name, file, splits[s].records.size(),
                                              labelCounts(splits[s].records, selection.schema)});
    }
    report("writing", splits.size(), splits.size());

    report("finishing", 0, 1);
    writeFile(partial.path() / "label_map.json",
              [&](std::ostream& out) { out << labelMap(selection.schema).dump(2) << '\n'; });
    const bool labelStudio = datasetFormat(options.format) == RecordFormat::LabelStudio;
    if (labelStudio) { // the project the tasks go into, ready to paste
        writeFile(partial.path() / "label_config.xml",
                  [&](std::ostream& out) { out << labelStudioConfig(selection.schema); });
    }
    DatasetCardInput card;
    card.projectName = project.settings().name;
    card.format = options.format;
    card.schema = selection.schema;
    card.splits = &splits;
    card.files = files;
    card.source = std::string(toString(options.source));
    card.minAgreement = options.minAgreement;
    card.signalExpression = options.signalExpression;
    card.samples = selection.samples;
    card.gold = selection.gold;
    card.aggregated = selection.aggregated;
    card.raw = selection.raw;
    card.unlabeled = selection.unlabeled;
    card.belowAgreement = selection.belowAgreement;
    card.agreement = agreementFigures(project);
    card.leakage = &summary.leakage;
    card.command = options.command;
    card.seed = options.seed;
    card.folds = options.folds;
    card.ratios = options.ratios;
    writeFile(partial.path() / "README.md", [&](std::ostream& out) { out << datasetCard(card); });
    files.push_back("label_map.json");
    if (labelStudio) {
        files.push_back("label_config.xml");
    }
    files.push_back("README.md");
    if (cancelled()) {
        summary.cancelled = true;
        return summary;
    }
    moveIntoPlace(partial.path(), target);
    partial.release();
    summary.files = std::move(files);
    report("finishing", 1, 1);
    return summary;
}

} // namespace concord::exporting
