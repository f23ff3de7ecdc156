// concord-cli init: create a project file with its label schema, or its fields and questions.
#include "app/cli/Commands.hpp"
#include "core/feedback/Templates.hpp"
#include "core/io/BoundedJson.hpp"
#include "core/model/RecordLimits.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

namespace concord::cli {

namespace {

struct InitOptions
{
    std::string project;
    std::string schemaFile;
    std::string templateName;
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
    std::optional<std::uint64_t> orderSeed;
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

RecordSchema schemaFrom(const InitOptions& options)
{
    if (!options.templateName.empty()) {
        return RecordSchema::fromJson(templateSchema(options.templateName));
    }
    if (!options.schemaFile.empty()) {
        nlohmann::json json;
        try {
            json = io::parseBoundedJson(readFile(options.schemaFile, "schema"), limits::kFileJsonDepth);
        } catch (const nlohmann::json::parse_error& error) {
            throw InputError(options.schemaFile + ": invalid JSON: " + error.what());
        } catch (const InputError& error) {
            throw InputError(options.schemaFile + ": " + error.what());
        }
        // The new form has fields and questions; a label schema has a kind and labels.
        try {
            return RecordSchema::isNewForm(json) ? RecordSchema::fromJson(json)
                                                 : RecordSchema::fromLegacy(LabelSchema::fromJson(json));
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
    return RecordSchema::fromLegacy(LabelSchema::fromJson(json));
}

std::string describe(const Question& question)
{
    std::string text = question.name + " (" + std::string(toString(question.kind));
    switch (question.kind) {
    case QuestionKind::Ranking:
        text += " of " + std::to_string(question.fields.size()) + " fields";
        break;
    case QuestionKind::Preference:
        text += " between " + question.fields[0] + " and " + question.fields[1] + ", " +
                std::to_string(question.points) + " points";
        break;
    case QuestionKind::Rating:
        text += " " + std::to_string(question.labels.ratingMin) + ".." + std::to_string(question.labels.ratingMax);
        break;
    case QuestionKind::Text:
        break;
    default:
        text += ": ";
        for (std::size_t i = 0; i < question.labels.labels.size(); ++i) {
            text += (i ? ", " : "") + question.labels.labels[i].name;
        }
    }
    return text + (question.required ? ")" : ", optional)");
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
    const RecordSchema records = schemaFrom(options);
    const auto project = Project::create(options.project, settings, records);
    if (options.orderSeed) {
        project->setOrderSeed(*options.orderSeed);
    }
    if (!records.isLegacy()) {
        std::cout << "Created " << options.project << " with fields";
        for (const auto& field : records.fields) {
            std::cout << ' ' << field.name << " (" << toString(field.kind) << (field.required ? "" : ", optional")
                      << ')';
        }
        std::cout << "\nand questions";
        for (const auto& question : records.questions) {
            std::cout << "\n  " << describe(question);
        }
        std::cout << "\nNext: concord-cli import " << options.project << " DATA.jsonl";
        for (const auto& field : records.fields) {
            std::cout << " --field " << field.name << "=KEY";
        }
        std::cout << '\n';
        return;
    }
    const LabelSchema& schema = records.primary().labels;
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
    auto* schema = command->add_option("--schema", options->schemaFile,
                                       "A label schema, or fields and questions, as a JSON file (see docs/formats.md)");
    auto* preset = command
                       ->add_option("--template", options->templateName,
                                    "Start from a ready schema: preference, ranking, sft, evaluate or classify")
                       ->check(CLI::IsMember(templateNames()))
                       ->excludes(schema);
    command->add_option("--kind", options->kind, "Task kind: single, multi, spans or rating")
        ->check(CLI::IsMember({"single", "multi", "spans", "rating"}))
        ->excludes(schema)
        ->excludes(preset);
    command->add_option("--labels", options->labels, "Comma-separated label names, in order")
        ->delimiter(',')
        ->excludes(schema)
        ->excludes(preset);
    command->add_option("--rating-min", options->ratingMin, "Lowest rating (rating tasks)")
        ->excludes(schema)
        ->excludes(preset);
    command->add_option("--rating-max", options->ratingMax, "Highest rating (rating tasks)")
        ->excludes(schema)
        ->excludes(preset);
    command->add_flag("--allow-overlap", options->allowOverlap, "Spans may overlap (span tasks)")
        ->excludes(schema)
        ->excludes(preset);
    command->add_option("--name", options->name, "Project name (default: the file name)");
    command->add_option("--order-seed", options->orderSeed,
                        "Seed of the order each annotator sees compared fields in (default: random), for a "
                        "reproducible project");
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
