#include "core/quality/bias/SideBias.hpp"

#include "core/quality/bias/BinomialTest.hpp"
#include "core/quality/bias/Holm.hpp"

namespace concord::quality {

namespace side_bias {

void test(SideTest& test)
{
    test.share = test.votes > 0 ? static_cast<double>(test.side) / static_cast<double>(test.votes) : 0.0;
    test.p = binomialTestTwoSided(test.side, test.votes);
    test.adjusted = test.p;
}

// `sideOf(vote)`: 1 for the side tested, 0 for the other, -1 when the vote does not count.
template <typename SideOf> SideBias tally(const PreferenceVotes& votes, SideOf sideOf)
{
    SideBias bias;
    bias.annotators.resize(votes.annotators.size());
    for (const PreferenceVote& vote : votes.votes) {
        const int side = sideOf(vote);
        if (side < 0) {
            continue;
        }
        SideTest& own = bias.annotators[vote.annotator];
        ++own.votes;
        ++bias.overall.votes;
        own.side += static_cast<std::uint64_t>(side);
        bias.overall.side += static_cast<std::uint64_t>(side);
    }
    // Holm's family: the annotators who have votes to test.
    std::vector<double> pValues;
    for (SideTest& own : bias.annotators) {
        test(own);
        if (own.votes > 0) {
            pValues.push_back(own.p);
        }
    }
    const std::vector<double> adjusted = holmAdjusted(pValues);
    std::size_t next = 0;
    for (SideTest& own : bias.annotators) {
        if (own.votes > 0) {
            own.adjusted = adjusted[next++];
        }
    }
    test(bias.overall);
    return bias;
}

} // namespace side_bias

SideBias positionBias(const PreferenceVotes& votes)
{
    return side_bias::tally(votes, [](const PreferenceVote& vote) {
        return vote.winner < 0 ? -1 : vote.winner == vote.shownFirst ? 1 : 0;
    });
}

SideBias lengthBias(const PreferenceVotes& votes)
{
    std::vector<int> longer(votes.records.size(), -1); // per record: 0 or 1, -1 for equal lengths
    for (std::size_t r = 0; r < votes.records.size(); ++r) {
        const std::size_t a = votes.records[r].lengths[0];
        const std::size_t b = votes.records[r].lengths[1];
        longer[r] = a > b ? 0 : b > a ? 1 : -1;
    }
    return side_bias::tally(votes, [&](const PreferenceVote& vote) {
        const int side = longer[vote.record];
        return vote.winner < 0 || side < 0 ? -1 : vote.winner == side ? 1 : 0;
    });
}

} // namespace concord::quality
