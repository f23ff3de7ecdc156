// What an annotator changed in a text (an SFT correction against the response it started from),
// word by word: the longest common subsequence of the two texts' tokens, a token being a run of
// white space or a run of anything else, so that a changed space shows as well as a changed word.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace concord::text {

struct DiffPiece
{
    enum class Kind
    {
        Same,
        Removed,
        Added
    };
    Kind kind = Kind::Same;
    std::string text;

    bool operator==(const DiffPiece&) const = default;
};

// Pieces in order; neighbours of one kind are merged, and a removal comes before the addition
// that replaces it. The Same and Removed pieces spell `before`, the Same and Added ones `after`.
// Above `maxCells` (the tokens of one times the other's, after their common start and end are
// set aside) the middle is one removal and one addition: the table would not fit.
std::vector<DiffPiece> wordDiff(std::string_view before, std::string_view after, std::size_t maxCells = 4'000'000);

} // namespace concord::text
