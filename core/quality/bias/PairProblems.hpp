// Records whose comparison teaches nothing, and annotators whose votes do not depend on the
// responses: what the bias checks report and what biasFlaggedRecords() leaves out.
#pragma once

#include "core/quality/bias/PreferenceVotes.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace concord::quality {

struct PairProblems
{
    std::vector<std::uint32_t> empty;         // a response empty or whitespace only (record indices)
    std::array<std::size_t, 2> emptyOf{};     // how many of those per field, in schema order
    std::vector<std::uint32_t> identical;     // the same text once whitespace and ASCII case are normalised
    std::vector<std::uint32_t> nearIdentical; // not identical, word-pair Jaccard similarity >= the threshold
    std::vector<double> nearSimilarity;       // parallel to nearIdentical
};

// `nearThreshold`: the Jaccard similarity of the two responses' word-pair sets
// (NearDuplicates.hpp) from which a pair counts as near-identical.
PairProblems pairProblems(const PreferenceVotes& votes, double nearThreshold);

struct OneSidedAnnotator
{
    std::uint32_t annotator = 0;
    std::string choice; // "tie", "shown first", "shown second", or a field's name
    std::size_t chosen = 0;
    std::size_t votes = 0;
};

// Annotators with at least `minVotes` votes who gave the same choice in at least `share` of
// them: always a tie, always the response shown first (or second), or always the same field.
// One entry per annotator: the first of those choices that applies.
std::vector<OneSidedAnnotator> oneSidedAnnotators(const PreferenceVotes& votes, std::size_t minVotes, double share);

} // namespace concord::quality
