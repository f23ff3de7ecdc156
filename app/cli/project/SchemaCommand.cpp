// concord-cli schema: show a project's fields and questions, or change them (add a question, a
// label or an optional field, widen a scale); on a replica an admin's change goes to the server
// at the next sync.
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

struct SchemaOptions
{
    std::string project;
    std::string file;
};

void run(const SchemaOptions& options)
{
    auto project = Project::open(options.project);
    if (options.file.empty()) {
        std::cout << project->recordSchema().toJson().dump(2) << '\n';
        return;
    }
    std::ifstream input(options.file, std::ios::binary);
    if (!input) {
        throw InputError("cannot read the schema file " + options.file);
    }
    std::ostringstream text;
    text << input.rdbuf();
    RecordSchema next;
    try {
        const auto json = io::parseBoundedJson(text.str(), limits::kFileJsonDepth);
        next = RecordSchema::isNewForm(json) ? RecordSchema::fromJson(json)
                                             : RecordSchema::fromLegacy(LabelSchema::fromJson(json));
    } catch (const nlohmann::json::parse_error& error) {
        throw InputError(options.file + ": invalid JSON: " + error.what());
    } catch (const InputError& error) {
        throw InputError(options.file + ": " + error.what());
    }
    project->changeRecordSchema(next);
    std::cout << "Changed the schema of " << options.project << ": " << next.fields.size() << " fields, "
              << next.questions.size() << " questions (" << next.questionNames() << ")";
    if (project->replica().load()) {
        std::cout << "; it reaches the server at the next sync";
    }
    std::cout << ".\n";
}

} // namespace

void addSchemaCommand(CLI::App& app)
{
    auto options = std::make_shared<SchemaOptions>();
    auto* command = app.add_subcommand("schema", "Show a project's fields and questions, or change them");
    command->add_option("project", options->project, "Project file")->required();
    command->add_option("file", options->file,
                        "The new fields and questions (JSON, see docs/formats.md): questions, labels and optional "
                        "fields may be added and scales widened; what has data stays");
    command->callback([options] { run(*options); });
}

} // namespace concord::cli
