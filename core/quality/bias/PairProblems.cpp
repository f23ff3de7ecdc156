#include "core/quality/bias/PairProblems.hpp"

#include "core/quality/integrity/NearDuplicates.hpp"
#include "core/quality/integrity/TextNormalize.hpp"

namespace concord::quality {

PairProblems pairProblems(const PreferenceVotes& votes, double nearThreshold)
{
    PairProblems problems;
    constexpr std::size_t kShingleWords = 2; // as the near-duplicate check of texts
    for (std::size_t r = 0; r < votes.records.size(); ++r) {
        const auto& [a, b] = votes.records[r].responses;
        const auto index = static_cast<std::uint32_t>(r);
        const bool emptyA = isBlank(a);
        const bool emptyB = isBlank(b);
        if (emptyA || emptyB) {
            problems.empty.push_back(index);
            problems.emptyOf[0] += emptyA ? 1 : 0;
            problems.emptyOf[1] += emptyB ? 1 : 0;
            continue;
        }
        if (normalizeForDuplicates(a) == normalizeForDuplicates(b)) {
            problems.identical.push_back(index);
            continue;
        }
        const auto shinglesA = shingleSet(a, kShingleWords);
        const auto shinglesB = shingleSet(b, kShingleWords);
        if (shinglesA.empty() || shinglesB.empty()) {
            continue;
        }
        const double similarity = jaccard(shinglesA, shinglesB);
        if (similarity >= nearThreshold) {
            problems.nearIdentical.push_back(index);
            problems.nearSimilarity.push_back(similarity);
        }
    }
    return problems;
}

std::vector<OneSidedAnnotator> oneSidedAnnotators(const PreferenceVotes& votes, std::size_t minVotes, double share)
{
    // Per annotator: votes, ties, shown first, shown second, field 0, field 1.
    std::vector<std::array<std::size_t, 6>> counts(votes.annotators.size(), std::array<std::size_t, 6>{});
    for (const PreferenceVote& vote : votes.votes) {
        auto& own = counts[vote.annotator];
        ++own[0];
        if (vote.winner < 0) {
            ++own[1];
            continue;
        }
        ++own[vote.winner == vote.shownFirst ? 2 : 3];
        ++own[vote.winner == 0 ? 4 : 5];
    }
    const std::array<std::string, 5> choices{"tie", "shown first", "shown second", votes.fields[0], votes.fields[1]};
    std::vector<OneSidedAnnotator> found;
    for (std::size_t a = 0; a < counts.size(); ++a) {
        const auto& own = counts[a];
        if (own[0] < minVotes || own[0] == 0) {
            continue;
        }
        for (std::size_t c = 0; c < choices.size(); ++c) {
            if (static_cast<double>(own[c + 1]) >= share * static_cast<double>(own[0])) {
                found.push_back({static_cast<std::uint32_t>(a), choices[c], own[c + 1], own[0]});
                break;
            }
        }
    }
    return found;
}

} // namespace concord::quality
