// concord-cli label: record one annotator's answer to one question of a record, and the
// response's status (draft, submitted, discarded), for scripts and quick fixes.
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
    std::string question;
    std::string value;
    std::vector<std::string> labels;
    std::optional<int> rating;
    bool draft = false;
    bool submit = false;
    std::optional<std::string> discard;
    double seconds = 0;
};

std::optional<nlohmann::json> valueFrom(const LabelOptions& options, const Question& question)
{
    if (!options.value.empty()) {
        // JSON, or for a text question or a label a bare word: --value good, --value "Fixed text."
        auto parsed = nlohmann::json::parse(options.value, nullptr, false);
        if (question.kind == QuestionKind::Text && !parsed.is_object()) {
            parsed = options.value; // a written answer is the text typed, even "51" or "true"
        }
        if (parsed.is_discarded()) {
            if (question.kind == QuestionKind::Text || question.kind == QuestionKind::Label ||
                question.kind == QuestionKind::Preference) {
                parsed = options.value;
            } else {
                throw SettingError("value", "is not valid JSON (" + options.value.substr(0, 80) + ")");
            }
        }
        return answerFromShorthand(question, parsed);
    }
    if (!options.labels.empty()) {
        return nlohmann::json{{"labels", options.labels}};
    }
    if (options.rating) {
        return nlohmann::json{{"rating", *options.rating}};
    }
    return std::nullopt;
}

std::string joined(const std::vector<std::string>& names)
{
    std::string list;
    for (const auto& name : names) {
        list += (list.empty() ? "" : ", ") + name;
    }
    return list;
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
    const RecordSchema& schema = project->recordSchema();
    if (options.question.empty() && schema.questions.size() > 1 &&
        (!options.value.empty() || !options.labels.empty() || options.rating)) {
        throw SettingError("question", "this project asks several questions (" + schema.questionNames() +
                                           "); name the one answered");
    }
    const Question& question = options.question.empty() ? schema.primary() : schema.question(options.question);
    const auto sample = project->samples().findById(options.sampleId);
    if (!sample) {
        throw InputError("no sample with id '" + options.sampleId + "' in " + options.project);
    }
    const auto value = valueFrom(options, question);
    if (!value && !options.draft && !options.submit && !options.discard) {
        throw InputError("give the answer with --value JSON (or --label NAME, --rating N), or change the response "
                         "with --draft, --submit or --discard REASON");
    }
    const auto before = project->statusOf(sample->key, annotator);
    const bool decided = before && *before != ResponseStatus::Draft;
    if (options.draft && decided) {
        throw InputError("record '" + sample->id + "' is already " + std::string(toString(*before)) + " by " +
                         annotator + "; it does not go back to draft (its answers can still be changed)");
    }
    // Check a submission before anything is stored, so that a refusal changes nothing.
    auto missing = project->missingRequired(sample->key, annotator);
    if (value) {
        std::erase(missing, question.name);
    }
    if (options.submit && !missing.empty()) {
        throw InputError("record '" + sample->id + "' cannot be submitted: required question" +
                         (missing.size() > 1 ? "s " : " ") + joined(missing) + " not answered yet");
    }

    const auto addMs = static_cast<std::int64_t>(options.seconds * 1000.0);
    if (value) {
        try {
            project->answer(sample->key, annotator, question.name, *value);
        } catch (const InputError& error) {
            throw InputError("sample '" + options.sampleId + "': " + error.what());
        }
    }
    std::optional<ResponseStatus> status;
    if (options.discard) {
        status = ResponseStatus::Discarded;
    } else if (options.draft) {
        status = ResponseStatus::Draft;
    } else if (options.submit || (missing.empty() && project->responses().find(sample->key, annotator) &&
                                  project->statusOf(sample->key, annotator) != ResponseStatus::Submitted)) {
        // Every required question answered: the response is given, unless it was set aside.
        if (!(project->statusOf(sample->key, annotator) == ResponseStatus::Discarded && !options.submit)) {
            status = ResponseStatus::Submitted;
        }
    }
    if (status || addMs > 0) {
        project->setStatus(sample->key, annotator,
                           status.value_or(project->statusOf(sample->key, annotator).value_or(ResponseStatus::Draft)),
                           options.discard.value_or(""), addMs);
    }

    if (schema.isLegacy() && value && !status) {
        std::cout << "Labeled " << options.sampleId << " as " << value->dump() << " by " << annotator << ".\n";
        return;
    }
    if (value) {
        std::cout << "Answered " << question.name << " of " << options.sampleId << " as " << value->dump() << " by "
                  << annotator << ".\n";
    }
    const auto now = project->statusOf(sample->key, annotator);
    std::cout << "Response of " << annotator << " to " << options.sampleId << ": "
              << (now ? std::string(toString(*now)) : std::string("none"));
    if (now == ResponseStatus::Draft && !missing.empty()) {
        std::cout << " (still to answer: " << joined(missing) << ")";
    }
    if (now == ResponseStatus::Discarded && options.discard && !options.discard->empty()) {
        std::cout << " (" << *options.discard << ")";
    }
    std::cout << ".\n";
}

} // namespace

void addLabelCommand(CLI::App& app)
{
    auto options = std::make_shared<LabelOptions>();
    auto* command = app.add_subcommand("label", "Record one annotator's answer to a question of a record");
    command->add_option("project", options->project, "Project file")->required();
    command->add_option("sample", options->sampleId, "Record (sample) id")->required();
    command->add_option("--annotator", options->annotator,
                        "Annotator name (default: the user who joined, on a replica; else $CONCORD_USER or $USER)");
    command->add_option("--question", options->question,
                        "The question answered (optional while the project asks one question)");
    auto* value = command->add_option(
        "--value", options->value,
        R"(The answer as JSON: {"labels":[..]}, {"spans":[..]}, {"rating":n}, {"ranking":{..}}, )"
        R"({"preference":{"winner":..,"strength":n}}, {"text":".."}; or a short form: a label, "tie", a text)");
    auto* label =
        command->add_option("--label", options->labels, "A label name (repeat for multi-label)")->excludes(value);
    command->add_option("--rating", options->rating, "A rating on the project's scale")
        ->excludes(value)
        ->excludes(label);
    auto* draft = command->add_flag("--draft", options->draft, "Save without submitting the response");
    auto* submit = command
                       ->add_flag("--submit", options->submit,
                                  "Submit the response (refused, naming them, while required questions are "
                                  "unanswered); without flags a response is submitted once all are answered")
                       ->excludes(draft);
    command->add_option("--discard", options->discard, "Discard the record, with a reason (may be empty)")
        ->excludes(draft)
        ->excludes(submit);
    command->add_option("--seconds", options->seconds, "Time spent on the response, added to what it had")
        ->check(CLI::NonNegativeNumber);
    command->callback([options] { run(*options); });
}

} // namespace concord::cli
