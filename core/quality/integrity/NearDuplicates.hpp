// Near-duplicate texts without comparing all pairs: MinHash signatures over word shingles,
// bucketed by locality-sensitive hashing (banding), each candidate pair then verified by the
// exact Jaccard similarity of the two shingle sets, and verified pairs joined into clusters.
// Also meant for the active-learning diversity option (keeping near duplicates out of one batch).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace concord::quality {

struct NearDuplicateOptions
{
    // Two texts are near duplicates when the Jaccard similarity of their sets of word
    // shingles is at least this. With word pairs, one changed word in a 25-word text gives
    // 22/26 = 0.85, in a 12-word text 9/13 = 0.69.
    double threshold = 0.7;
    std::size_t shingleWords = 2; // words per shingle; a shorter text is one shingle
    // MinHash functions, split into bands of rows (see chooseBanding). More functions cost
    // time linearly and sharpen the candidate filter.
    std::size_t hashFunctions = 128;
    // The least chance that a pair exactly at the threshold becomes a candidate; pairs above
    // it are more likely still.
    double recallAtThreshold = 0.995;
    // A bucket of m texts would give m²/2 candidates (a common short phrase, a template);
    // beyond this many members each text is compared with only this many before it.
    std::size_t bucketWindow = 64;
    std::uint64_t seed = 0x636f6e636f7264; // fixed, so that results are reproducible
};

struct NearDuplicateCluster
{
    std::vector<std::uint32_t> members; // indices into the input, ascending
    double minSimilarity = 1.0;         // over the verified pairs that link the cluster
    double maxSimilarity = 0.0;
};

struct NearDuplicateResult
{
    std::vector<NearDuplicateCluster> clusters; // ordered by first member
    std::size_t candidatePairs = 0;             // pairs compared exactly
    std::size_t similarPairs = 0;               // of those, at or above the threshold
};

// Texts with no words (empty, or punctuation only) take no part. A cluster is a connected
// component of verified pairs, so two members may be linked only through a third.
NearDuplicateResult findNearDuplicates(const std::vector<std::string_view>& texts,
                                       const NearDuplicateOptions& options = {});

struct Banding
{
    std::size_t bands = 0;
    std::size_t rows = 0;
};

// A pair with similarity s shares a band (becomes a candidate) with probability
// 1 - (1 - s^rows)^bands. This picks the most rows per band (the fewest needless candidates
// below the threshold) for which that probability at the threshold is still at least
// `recall`. For 128 functions at 0.7: 32 bands of 4 rows, which catches a pair at 0.7 with
// probability 0.9998, at 0.5 with 0.87, at 0.3 with 0.23 and at 0.1 with 0.003.
Banding chooseBanding(double threshold, std::size_t hashFunctions, double recall);

// The sorted, distinct shingle hashes of a text, and the Jaccard similarity of two such sets.
std::vector<std::uint64_t> shingleSet(std::string_view text, std::size_t shingleWords);
double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b);

} // namespace concord::quality
