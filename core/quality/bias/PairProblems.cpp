#include "core/quality/bias/PairProblems.hpp"

#include "core/quality/integrity/NearDuplicates.hpp"
#include "core/quality/integrity/TextNormalize.hpp"

#include <future>

namespace concord::quality {

namespace pair_problems {

// The records [begin, end): comparing the two texts of 100,000 records is most of the
// preference checks' work, so two halves run at once.
PairProblems inRange(const PreferenceVotes& votes, double nearThreshold, std::size_t begin, std::size_t end)
{
    PairProblems problems;
    constexpr std::size_t kShingleWords = 2; // as the near-duplicate check of texts
    for (std::size_t r = begin; r < end; ++r) {
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

template <typename T> void append(std::vector<T>& to, const std::vector<T>& from)
{
    to.insert(to.end(), from.begin(), from.end());
}

} // namespace pair_problems

PairProblems pairProblems(const PreferenceVotes& votes, double nearThreshold)
{
    const std::size_t middle = votes.records.size() / 2;
    auto secondHalf = std::async(std::launch::async, pair_problems::inRange, std::cref(votes), nearThreshold, middle,
                                 votes.records.size());
    PairProblems problems = pair_problems::inRange(votes, nearThreshold, 0, middle);
    const PairProblems rest = secondHalf.get();
    pair_problems::append(problems.empty, rest.empty);
    problems.emptyOf[0] += rest.emptyOf[0];
    problems.emptyOf[1] += rest.emptyOf[1];
    pair_problems::append(problems.identical, rest.identical);
    pair_problems::append(problems.nearIdentical, rest.nearIdentical);
    pair_problems::append(problems.nearSimilarity, rest.nearSimilarity);
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
