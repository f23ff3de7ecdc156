// concord-cli show: one record as an annotator meets it: its fields (chats as turns), the
// questions with their guidelines, the compared fields in the order this annotator is shown
// them, the suggestions the project lets her see, and her answers and status.
#include "app/cli/Commands.hpp"
#include "core/feedback/ShownOrder.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <iostream>

namespace concord::cli {

namespace {

struct ShowOptions
{
    std::string project;
    std::string sampleId;
    std::string annotator;
};

// `label`: the field's title, or for a compared field its letter (its own title would say
// which response it is).
void printField(const Field& field, const RecordContent& record, const std::string& label)
{
    std::cout << "── " << label;
    const auto meta = record.meta.find(field.name);
    if (meta != record.meta.end()) {
        std::cout << "  " << meta->dump();
    }
    std::cout << '\n';
    const auto value = record.fields.find(field.name);
    if (value == record.fields.end()) {
        std::cout << "   (empty)\n";
    } else if (value->is_array()) {
        for (const auto& message : *value) {
            std::cout << "   [" << message.value("role", std::string()) << "] "
                      << message.value("content", std::string()) << '\n';
        }
    } else {
        std::cout << "   " << value->get<std::string>() << '\n';
    }
}

void run(const ShowOptions& options)
{
    auto project = Project::open(options.project);
    std::string annotator = options.annotator;
    if (annotator.empty()) {
        const auto replica = project->replica().load();
        annotator = replica ? replica->user : defaultUserName();
    }
    const auto sample = project->samples().findById(options.sampleId);
    if (!sample) {
        throw InputError("no record with id '" + options.sampleId + "' in " + options.project);
    }
    const RecordSchema& schema = project->recordSchema();
    const RecordContent record = project->recordOf(*sample);
    std::cout << "Record " << sample->id << " as " << annotator << " sees it\n";

    // Compared fields appear in this annotator's order, as A, B, ...; the others in schema order.
    std::vector<std::string> shown;
    for (const auto& question : schema.questions) {
        if (question.kind == QuestionKind::Preference || question.kind == QuestionKind::Ranking) {
            for (const auto& name : shownOrder(project->orderSeed(), sample->id, annotator, question)) {
                if (std::find(shown.begin(), shown.end(), name) == shown.end()) {
                    shown.push_back(name);
                }
            }
        }
    }
    for (const auto& field : schema.fields) {
        if (std::find(shown.begin(), shown.end(), field.name) == shown.end()) {
            printField(field, record, field.title.empty() ? field.name : field.title);
        }
    }
    for (std::size_t i = 0; i < shown.size(); ++i) {
        printField(*schema.findField(shown[i]), record,
                   std::string("Response ") + static_cast<char>('A' + i) + " (" + shown[i] + ")");
    }

    const auto answers = project->annotations().forResponse(sample->key, annotator);
    const auto suggestions = project->suggestions().forSample(sample->key);
    std::cout << "\nQuestions\n";
    for (const auto& question : schema.questions) {
        std::cout << "  " << question.name << " (" << toString(question.kind) << (question.required ? "" : ", optional")
                  << ")" << (question.title.empty() ? "" : ": " + question.title) << '\n';
        if (!question.description.empty()) {
            std::cout << "    " << question.description << '\n';
        }
        const auto answer = std::find_if(answers.begin(), answers.end(),
                                         [&](const AnnotationChange& row) { return row.question == question.name; });
        if (answer != answers.end()) {
            std::cout << "    your answer: " << answer->value << '\n';
        }
        // A prefill shows at once; an "after" suggestion once answered; hidden ones never.
        for (const auto& suggestion : suggestions) {
            const bool visible = question.suggestions == SuggestionMode::Prefill ||
                                 (question.suggestions == SuggestionMode::After && answer != answers.end());
            if (suggestion.question == question.name && visible) {
                std::cout << "    suggested by " << suggestion.agent << ": " << suggestion.value;
                if (suggestion.score) {
                    std::cout << " (score " << *suggestion.score << ")";
                }
                std::cout << '\n';
            }
        }
    }
    const auto status = project->statusOf(sample->key, annotator);
    std::cout << "\nStatus: " << (status ? std::string(toString(*status)) : std::string("not started"));
    if (const auto response = project->responses().find(sample->key, annotator)) {
        if (!response->reason.empty()) {
            std::cout << " (" << response->reason << ")";
        }
        if (response->durationMs > 0) {
            std::cout << ", " << response->durationMs / 1000 << " s spent";
        }
    }
    const auto missing = project->missingRequired(sample->key, annotator);
    if (!missing.empty() && status != ResponseStatus::Discarded) {
        std::cout << "; to answer:";
        for (const auto& name : missing) {
            std::cout << ' ' << name;
        }
    }
    std::cout << '\n';
}

} // namespace

void addShowCommand(CLI::App& app)
{
    auto options = std::make_shared<ShowOptions>();
    auto* command = app.add_subcommand("show", "Show a record's fields, questions and an annotator's answers");
    command->add_option("project", options->project, "Project file")->required();
    command->add_option("sample", options->sampleId, "Record (sample) id")->required();
    command->add_option("--annotator", options->annotator,
                        "Whose view (default: the user who joined, on a replica; else $CONCORD_USER or $USER)");
    command->callback([options] { run(*options); });
}

} // namespace concord::cli
