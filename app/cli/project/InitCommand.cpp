// concord-cli init: create a project file with its label schema.
#include "app/cli/Commands.hpp"
#include "core/io/BoundedJson.hpp"
#include "core/model/RecordLimits.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace concord::cli {

namespace {

struct InitOptions
{
    std::string project;
    std::string schemaFile;
    std::string kind = "single";
    std::vector<std::string> labels;
    int ratingMin = 1;
    int ratingMax = 5;
    bool allowOverlap = false;
    std::string name;
    int overlap = 1;
    bool blind = false;
    std::string guidelinesFile;
    std::size_t maxTextBytes = limits::kDefaultTextBytes;
};

std::string readFile(const std::string& path, const char* what)
{
    std::ifstream input(path, std::ios::binary);
    if (!input) {
        throw InputError("cannot read the " + std::string(what) + " file " + path);
    }
    std::ostringstream content;
    content << input.rdbuf();
    return content.str();
}

LabelSchema schemaFrom(const InitOptions& options)
{
    if (!options.schemaFile.empty()) {
        nlohmann::json json;
        try {
            json = io::parseBoundedJson(readFile(options.schemaFile, "schema"), limits::kFileJsonDepth);
        } catch (const nlohmann::json::parse_error& error) {
            throw InputError(options.schemaFile + ": invalid JSON: " + error.what());
        } catch (const InputError& error) {
            throw InputError(options.schemaFile + ": " + error.what());
        }
        try {
            return LabelSchema::fromJson(json);
        } catch (const InputError& error) {
            throw InputError(options.schemaFile + ": " + error.what());
        }
    }
    nlohmann::json json = {{"kind", options.kind}, {"labels", options.labels}};
    if (options.kind == "rating") {
        json["rating"] = {{"min", options.ratingMin}, {"max", options.ratingMax}};
    }
    if (options.kind == "spans") {
        json["allow_overlap"] = options.allowOverlap;
    }
    return LabelSchema::fromJson(json);
}

void run(const InitOptions& options)
{
    ProjectSettings settings;
    settings.name = options.name.empty() ? std::filesystem::path(options.project).stem().string() : options.name;
    settings.overlap = options.overlap;
    settings.blind = options.blind;
    settings.maxTextBytes = options.maxTextBytes;
    if (!options.guidelinesFile.empty()) {
        settings.guidelines = readFile(options.guidelinesFile, "guidelines");
    }
    const LabelSchema schema = schemaFrom(options);
    Project::create(options.project, settings, schema);
    std::cout << "Created " << options.project << ": a " << toString(schema.kind) << " task";
    if (!schema.labels.empty()) {
        std::cout << " with labels";
        for (const auto& label : schema.labels) {
            std::cout << ' ' << label.name << " [" << label.key << ']';
        }
    }
    std::cout << ".\nNext: concord-cli import " << options.project << " DATA.jsonl\n";
}

} // namespace

void addInitCommand(CLI::App& app)
{
    auto options = std::make_shared<InitOptions>();
    auto* command = app.add_subcommand("init", "Create a new project file with its label schema");
    command->add_option("project", options->project, "Project file to create (e.g. reviews.concord)")->required();
    auto* schema =
        command->add_option("--schema", options->schemaFile, "Label schema as a JSON file (see docs/formats.md)");
    command->add_option("--kind", options->kind, "Task kind: single, multi, spans or rating")
        ->check(CLI::IsMember({"single", "multi", "spans", "rating"}))
        ->excludes(schema);
    command->add_option("--labels", options->labels, "Comma-separated label names, in order")
        ->delimiter(',')
        ->excludes(schema);
    command->add_option("--rating-min", options->ratingMin, "Lowest rating (rating tasks)")->excludes(schema);
    command->add_option("--rating-max", options->ratingMax, "Highest rating (rating tasks)")->excludes(schema);
    command->add_flag("--allow-overlap", options->allowOverlap, "Spans may overlap (span tasks)")->excludes(schema);
    command->add_option("--name", options->name, "Project name (default: the file name)");
    command->add_option("--overlap", options->overlap, "Annotators per sample")->check(CLI::PositiveNumber);
    command->add_flag("--blind", options->blind, "Annotators do not see each other's labels");
    command->add_option("--guidelines", options->guidelinesFile, "Labeling guidelines as a text or Markdown file");
    command
        ->add_option("--max-text-bytes", options->maxTextBytes,
                     "The longest sample text the project takes, in bytes of its JSON encoding (so that it fits a "
                     "sync message)")
        ->check(CLI::Range(std::size_t{1024}, limits::kMaxTextBytes))
        ->capture_default_str();
    command->callback([options] { run(*options); });
}

} // namespace concord::cli
