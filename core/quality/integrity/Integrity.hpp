// Integrity checks over a whole project: problems in the texts, duplicates, stored values the
// schema no longer accepts, thin coverage and doubtful annotators. Each finding names its
// samples, so that the GUI can jump to them and `concord-cli check` can list them. The checks,
// their severities and thresholds are described in docs/quality.md.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace concord {
class Project;
}

namespace concord::quality {

enum class Severity
{
    Error,   // the data is wrong and would mislead training or evaluation
    Warning, // probably wrong; a person should look
    Info     // worth knowing; often fine
};

std::string_view toString(Severity severity);

struct Finding
{
    std::string check; // a stable id, e.g. "near-duplicate"
    Severity severity = Severity::Warning;
    std::vector<std::string> sampleIds;
    std::string message;
};

struct CheckOptions
{
    // Check ids to run; empty runs them all. An unknown id is an InputError.
    std::vector<std::string> only;

    double nearDuplicateThreshold = 0.7; // Jaccard similarity of word-pair sets
    std::size_t minTextLength = 3;       // characters (code points); shorter texts are flagged
    double lengthOutlierZ = 3.5;         // robust z-score of log length beyond which a text is unusual
    std::size_t minAnnotatorLabels = 20; // an annotator is judged only with at least this many labels
    double randomKappa = 0.1;            // kappa against the others' consensus at or below this looks random
    double constantShare = 0.95;         // one value in at least this share of an annotator's labels ...
    double constantOthersShare = 0.75;   // ... while the others give it to less than this share of theirs

    // Preference questions (docs/quality.md, "Preference data"):
    double biasAlpha = 0.05;             // position and length bias: flagged below this p (Holm-adjusted per annotator)
    double nearIdenticalThreshold = 0.9; // word-pair Jaccard similarity from which two responses are near-identical
    // one-sided-annotator uses minAnnotatorLabels and constantShare: the same choice in that share of the votes
    // The preference checks on this question only (the dashboard's bias panel); empty: on every
    // preference question. A name that is not a preference between two fields is a SettingError.
    std::string question;
};

// The check ids in the order they run and are reported.
const std::vector<std::string>& checkIds();

// Runs the checks and returns the findings, grouped by check in the order of checkIds().
// Reads the project; changes nothing.
std::vector<Finding> runChecks(Project& project, const CheckOptions& options = {});

struct PreferenceVotes;
// The preference checks (position-bias to one-sided-annotator, as `options.only` picks them) on
// one question's votes loaded already, with their texts for the pair checks: for a caller that
// shows the votes too (the dashboard's bias panel) and need not load them twice.
std::vector<Finding> preferenceFindings(const PreferenceVotes& votes, const CheckOptions& options = {});

} // namespace concord::quality
