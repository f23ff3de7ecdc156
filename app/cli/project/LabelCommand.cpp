// concord-cli label: record one annotation, for scripts and quick fixes.
#include "app/cli/Commands.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <iostream>

namespace concord::cli {

namespace {

struct LabelOptions
{
    std::string project;
    std::string sampleId;
    std::string annotator;
    std::string value;
    std::vector<std::string> labels;
    std::optional<int> rating;
};

nlohmann::json valueFrom(const LabelOptions& options)
{
    if (!options.value.empty()) {
        try {
            return nlohmann::json::parse(options.value);
        } catch (const nlohmann::json::parse_error& error) {
            throw InputError("--value is not valid JSON: " + std::string(error.what()));
        }
    }
    if (!options.labels.empty()) {
        return {{"labels", options.labels}};
    }
    if (options.rating) {
        return {{"rating", *options.rating}};
    }
    throw InputError("give the value with --label NAME (repeat for several), --rating N or --value JSON");
}

void run(const LabelOptions& options)
{
    auto project = Project::open(options.project);
    // On a replica the only annotator who may label is the one who joined; elsewhere the
    // environment names the person at the keyboard.
    std::string annotator = options.annotator;
    if (annotator.empty()) {
        const auto replica = project->replica().load();
        annotator = replica ? replica->user : defaultUserName();
    }
    const nlohmann::json value = valueFrom(options);
    try {
        project->annotate(options.sampleId, annotator, value);
    } catch (const InputError& error) {
        throw InputError("sample '" + options.sampleId + "': " + error.what());
    }
    std::cout << "Labeled " << options.sampleId << " as " << value.dump() << " by " << annotator << ".\n";
}

} // namespace

void addLabelCommand(CLI::App& app)
{
    auto options = std::make_shared<LabelOptions>();
    auto* command = app.add_subcommand("label", "Record one annotator's value for one sample");
    command->add_option("project", options->project, "Project file")->required();
    command->add_option("sample", options->sampleId, "Sample id")->required();
    command->add_option("--annotator", options->annotator,
                        "Annotator name (default: the user who joined, on a replica; else $CONCORD_USER or $USER)");
    auto* value = command->add_option("--value", options->value,
                                      R"(The value as JSON: {"labels":[..]}, {"spans":[..]} or {"rating":n})");
    auto* label =
        command->add_option("--label", options->labels, "A label name (repeat for multi-label)")->excludes(value);
    command->add_option("--rating", options->rating, "A rating on the project's scale")
        ->excludes(value)
        ->excludes(label);
    command->callback([options] { run(*options); });
}

} // namespace concord::cli
