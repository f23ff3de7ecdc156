// suspicious-annotator: annotators whose labels look random (no better than chance against
// the consensus of the others) or constant (one value nearly always, where others vary).
#include "core/quality/integrity/IntegrityChecks.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <optional>

namespace concord::quality::checks {

namespace {

std::string fixed2(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", value);
    return text;
}

// Pairs of (the annotator's value, the others' consensus) over the samples they share.
struct Pairs
{
    std::vector<double> own;
    std::vector<double> consensus;
    std::vector<std::string> sampleIds;
};

// Cohen's kappa of two nominal codings given as category indices; nullopt when chance
// agreement is already perfect (both always use one and the same value).
std::optional<double> nominalKappa(const Pairs& pairs, std::size_t categories)
{
    const auto n = static_cast<double>(pairs.own.size());
    std::vector<double> ownShare(categories, 0.0);
    std::vector<double> consensusShare(categories, 0.0);
    double agreed = 0.0;
    for (std::size_t i = 0; i < pairs.own.size(); ++i) {
        ownShare[static_cast<std::size_t>(pairs.own[i])] += 1.0 / n;
        consensusShare[static_cast<std::size_t>(pairs.consensus[i])] += 1.0 / n;
        agreed += pairs.own[i] == pairs.consensus[i] ? 1.0 : 0.0;
    }
    double chance = 0.0;
    for (std::size_t k = 0; k < categories; ++k) {
        chance += ownShare[k] * consensusShare[k];
    }
    if (chance >= 1.0 - 1e-12) {
        return std::nullopt;
    }
    return (agreed / n - chance) / (1.0 - chance);
}

// Quadratic-weighted kappa, written so that the consensus may be a real number (the mean of
// the others' ratings): 1 - observed mean squared difference / the one expected if the two
// were independent, which is var(own) + var(consensus) + (difference of the means)².
std::optional<double> quadraticKappa(const Pairs& pairs)
{
    const auto n = static_cast<double>(pairs.own.size());
    double meanOwn = 0.0;
    double meanConsensus = 0.0;
    for (std::size_t i = 0; i < pairs.own.size(); ++i) {
        meanOwn += pairs.own[i] / n;
        meanConsensus += pairs.consensus[i] / n;
    }
    double observed = 0.0;
    double varOwn = 0.0;
    double varConsensus = 0.0;
    for (std::size_t i = 0; i < pairs.own.size(); ++i) {
        observed += (pairs.own[i] - pairs.consensus[i]) * (pairs.own[i] - pairs.consensus[i]) / n;
        varOwn += (pairs.own[i] - meanOwn) * (pairs.own[i] - meanOwn) / n;
        varConsensus += (pairs.consensus[i] - meanConsensus) * (pairs.consensus[i] - meanConsensus) / n;
    }
    const double expected = varOwn + varConsensus + (meanOwn - meanConsensus) * (meanOwn - meanConsensus);
    if (expected <= 1e-12) {
        return std::nullopt;
    }
    return 1.0 - observed / expected;
}

} // namespace

void checkAnnotators(const IntegrityData& data, const CheckOptions& options, const Wanted& wanted,
                     std::vector<Finding>& findings)
{
    if (!wanted("suspicious-annotator")) {
        return;
    }
    const TaskKind kind = data.schema.kind;
    const bool rating = kind == TaskKind::Rating;

    // Every valid value as a category (its canonical key), for the constant test and kappa.
    std::map<std::string, std::uint32_t> categoryOf;
    std::vector<std::string> categoryNames;
    std::vector<std::uint32_t> category(data.votes.size(), 0);
    const std::size_t annotators = data.annotators.size();
    std::vector<std::vector<std::size_t>> uses(annotators); // per annotator, per category
    for (std::size_t v = 0; v < data.votes.size(); ++v) {
        const StoredValue& vote = data.votes[v];
        if (vote.key.empty()) {
            continue;
        }
        const auto [entry, added] = categoryOf.try_emplace(vote.key, static_cast<std::uint32_t>(categoryNames.size()));
        if (added) {
            categoryNames.push_back(vote.key);
        }
        category[v] = entry->second;
    }
    for (auto& counts : uses) {
        counts.assign(categoryNames.size(), 0);
    }
    std::vector<std::size_t> totals(annotators, 0);
    std::vector<std::size_t> allUses(categoryNames.size(), 0);
    for (std::size_t v = 0; v < data.votes.size(); ++v) {
        if (!data.votes[v].key.empty()) {
            ++uses[data.votes[v].annotator][category[v]];
            ++totals[data.votes[v].annotator];
            ++allUses[category[v]];
        }
    }

    // Leave-one-out consensus: for each vote, the others' majority (nominal; skipped on a tie)
    // or the others' mean rating.
    std::vector<Pairs> pairs(annotators);
    std::vector<std::size_t> counts(categoryNames.size(), 0);
    for (std::size_t s = 0; s < data.samples.size() && kind != TaskKind::Spans; ++s) {
        for (std::uint32_t v = data.voteBegin[s]; v < data.voteBegin[s + 1]; ++v) {
            if (data.votes[v].key.empty()) {
                continue;
            }
            std::fill(counts.begin(), counts.end(), 0);
            double sum = 0.0;
            std::size_t others = 0;
            for (std::uint32_t w = data.voteBegin[s]; w < data.voteBegin[s + 1]; ++w) {
                if (w != v && !data.votes[w].key.empty()) {
                    ++counts[category[w]];
                    sum += data.votes[w].rating;
                    ++others;
                }
            }
            if (others == 0) {
                continue;
            }
            double consensus = sum / static_cast<double>(others);
            if (!rating) {
                std::size_t top = 0;
                bool tied = false;
                for (std::size_t k = 1; k < counts.size(); ++k) {
                    if (counts[k] > counts[top]) {
                        top = k;
                        tied = false;
                    } else if (counts[k] == counts[top] && counts[k] > 0) {
                        tied = true;
                    }
                }
                if (tied) {
                    continue;
                }
                consensus = static_cast<double>(top);
            }
            Pairs& own = pairs[data.votes[v].annotator];
            own.own.push_back(rating ? data.votes[v].rating : static_cast<double>(category[v]));
            own.consensus.push_back(consensus);
            own.sampleIds.push_back(data.samples[s].id);
        }
    }

    const std::size_t allTotal = std::accumulate(totals.begin(), totals.end(), std::size_t{0});
    for (std::size_t a = 0; a < annotators; ++a) {
        const std::string& name = data.annotators[a];
        // Constant: one value in nearly all of this annotator's labels, where the others vary.
        if (totals[a] >= options.minAnnotatorLabels) {
            const auto top =
                static_cast<std::size_t>(std::max_element(uses[a].begin(), uses[a].end()) - uses[a].begin());
            const double share = static_cast<double>(uses[a][top]) / static_cast<double>(totals[a]);
            const std::size_t othersTotal = allTotal - totals[a];
            const double othersShare =
                othersTotal > 0 ? static_cast<double>(allUses[top] - uses[a][top]) / static_cast<double>(othersTotal)
                                : 1.0;
            if (share >= options.constantShare && othersTotal >= options.minAnnotatorLabels &&
                othersShare < options.constantOthersShare) {
                std::vector<std::string> ids;
                for (std::size_t v = 0; v < data.votes.size(); ++v) {
                    if (data.votes[v].annotator == a && !data.votes[v].key.empty() && category[v] == top) {
                        ids.push_back(data.samples[data.votes[v].sample].id);
                    }
                }
                findings.push_back({"suspicious-annotator", Severity::Warning, std::move(ids),
                                    name + " gave '" + categoryNames[top] + "' in " + percent(share) + " of " +
                                        countOf(totals[a], "label", "labels") +
                                        ", while the other annotators gave it in " + percent(othersShare) +
                                        " of theirs: the labels look constant"});
                continue; // constant labels also agree at chance level; one finding says it
            }
        }
        // Random: agreement with the others' consensus no better than chance.
        const Pairs& own = pairs[a];
        if (own.own.size() < options.minAnnotatorLabels) {
            continue;
        }
        const auto kappa = rating ? quadraticKappa(own) : nominalKappa(own, categoryNames.size());
        if (kappa && *kappa <= options.randomKappa) {
            findings.push_back({"suspicious-annotator", Severity::Warning, own.sampleIds,
                                name + "'s labels agree with the other annotators no better than chance: " +
                                    (rating ? "quadratic-weighted kappa " : "Cohen's kappa ") + fixed2(*kappa) +
                                    " against the others' " + (rating ? "mean rating" : "majority") + " on " +
                                    countOf(own.own.size(), "sample", "samples") + " (at most " +
                                    fixed2(options.randomKappa) + " looks random)"});
        }
    }
}

} // namespace concord::quality::checks
