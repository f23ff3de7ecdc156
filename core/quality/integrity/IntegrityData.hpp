// What the integrity checks read, loaded from the project once: the samples, every stored
// annotation and gold value already parsed and checked against the schema, and the gold label
// each sample has (the reviewer's, else its annotators' clear majority).
#pragma once

#include "core/model/LabelSchema.hpp"
#include "core/model/Records.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace concord {
class Project;
}

namespace concord::quality {

// One stored value (an annotation or a gold value) as the checks see it.
struct StoredValue
{
    std::uint32_t sample = 0;               // index into IntegrityData::samples
    std::uint32_t annotator = 0;            // index into IntegrityData::annotators (annotations only)
    std::string raw;                        // the stored JSON text
    std::string key;                        // canonical form of a valid value: "pos", "a, b", "4"; empty when invalid
    std::string problem;                    // why the schema refuses it; empty when valid
    std::vector<std::string> unknownLabels; // labels it names that the schema does not have
    double rating = 0.0;                    // the rating, for a valid value of a rating task
};

class IntegrityData
{
public:
    static IntegrityData load(Project& project);

    LabelSchema schema;
    ProjectSettings settings;
    std::vector<Sample> samples;          // in key order
    std::vector<std::string> annotators;  // by name
    std::vector<StoredValue> votes;       // grouped by sample, in sample order
    std::vector<std::uint32_t> voteBegin; // votes of sample s: [voteBegin[s], voteBegin[s + 1])
    std::vector<StoredValue> golds;       // reviewers' values, by sample; `annotator` unused
    std::vector<std::string> goldAuthors; // parallel to golds

    std::uint32_t voteCount(std::size_t sample) const { return voteBegin[sample + 1] - voteBegin[sample]; }
    // The gold key of a sample: its valid gold value, else the key most of its valid votes
    // share when exactly one key has the most; nullopt when there is none (no votes, a tie).
    std::optional<std::string> goldKey(std::size_t sample) const;
};

// The first `limit` characters of a text on one line, for messages.
std::string snippet(std::string_view text, std::size_t limit = 60);

// "1 text has" or "3 texts have": a count with the phrase that agrees with it.
std::string countOf(std::size_t count, std::string_view one, std::string_view many);

// A share as a whole percentage: "97%".
std::string percent(double share);

// "alice, bob and carol"; the first `limit` names, then "and N more".
std::string listNames(const std::vector<std::string>& names, std::size_t limit = 5);

} // namespace concord::quality
