#include "app/cli/SettingWords.hpp"

#include <map>

namespace concord::cli {

namespace {

std::string g_invocation;

struct Words
{
    std::string flag; // prefixed to the message
    std::string hint; // appended to it
};

const std::map<std::string, Words>& words()
{
    static const std::map<std::string, Words> table{
        {"split", {"--split", ""}},
        {"folds", {"--folds", ""}},
        {"format", {"--format", ""}},
        {"directory", {"--out-dir", ""}},
        {"text_field", {"--text-field", ""}},
        {"prompt_field", {"--prompt-field", ""}},
        {"completion_field", {"--completion-field", ""}},
        {"kto_threshold", {"--kto-threshold", ""}},
        {"kto_good_label", {"--kto-good-label", ""}},
        {"question", {"--question", ""}},
        {"store", {"--store", ""}},
        {"project", {"--project", ""}},
        {"min_agreement", {"--min-agreement", ""}},
        {"without_ties", {"--without-ties", ""}},
        {"without_flagged", {"--without-flagged", ""}},
        {"annotator", {"--annotator", ""}},
        {"expression", {"--where/--signal", ""}},
        {"metric", {"--metric", " (with --triples, add --multi)"}},
        {"model", {"", " (concord-cli train)"}},
        {"model_labels", {"", " (concord-cli train --fresh)"}},
        {"prior",
         {"", ". A weak prior makes them exist: --prior 1 adds one virtual tied game between each model and "
              "a reference (it shrinks the ratings toward each other)"}},
    };
    return table;
}

std::string shellQuoted(const std::string& argument)
{
    if (!argument.empty() && argument.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                                                        "-_./:=,+@%") == std::string::npos) {
        return argument;
    }
    std::string quoted = "'";
    for (const char c : argument) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

} // namespace

std::string describe(const SettingError& error)
{
    const auto found = words().find(error.setting());
    if (found == words().end()) {
        return error.what();
    }
    const Words& words = found->second;
    return (words.flag.empty() ? "" : words.flag + ": ") + error.what() + words.hint;
}

std::string importHint(const std::string& setting)
{
    if (setting == "text_field") {
        return "hint: --text-field names the field that holds the text";
    }
    if (setting == "annotator") {
        return "hint: --annotator names whose labels the file holds";
    }
    return {};
}

void setInvocation(int argc, char** argv)
{
    g_invocation.clear();
    for (int i = 0; i < argc; ++i) {
        // The program as users call it, not the path it was started from.
        const std::string argument = i == 0 ? std::string("concord-cli") : std::string(argv[i]);
        g_invocation += (i == 0 ? "" : " ") + shellQuoted(argument);
    }
}

const std::string& invocation()
{
    return g_invocation;
}

} // namespace concord::cli
