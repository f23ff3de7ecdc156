// The ranking strategies and batch selection stated in Ranking.hpp.
#include "core/learn/Ranking.hpp"

#include "core/learn/Random.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace concord::learn {

namespace {

constexpr std::array<std::pair<Strategy, std::string_view>, 6> kNames = {{
    {Strategy::LeastConfidence, "least-confidence"},
    {Strategy::Margin, "margin"},
    {Strategy::Entropy, "entropy"},
    {Strategy::VoteEntropy, "vote-entropy"},
    {Strategy::KlDivergence, "kl"},
    {Strategy::Random, "random"},
}};

double xlogx(double p)
{
    return p > 0.0 ? p * std::log(p) : 0.0;
}

double binaryEntropy(double p)
{
    return -xlogx(p) - xlogx(1.0 - p);
}

double singleLabelScore(std::span<const double> p, Strategy strategy)
{
    double first = 0.0;
    double second = 0.0;
    double entropy = 0.0;
    for (double value : p) {
        if (value > first) {
            second = first;
            first = value;
        } else if (value > second) {
            second = value;
        }
        entropy -= xlogx(value);
    }
    switch (strategy) {
    case Strategy::LeastConfidence:
        return 1.0 - first;
    case Strategy::Margin:
        return 1.0 - (first - second);
    default:
        return entropy;
    }
}

double multiLabelScore(std::span<const double> p, Strategy strategy)
{
    double sum = 0.0;
    double closest = 1.0;
    for (double value : p) {
        switch (strategy) {
        case Strategy::LeastConfidence:
            sum += 1.0 - std::max(value, 1.0 - value);
            break;
        case Strategy::Entropy:
            sum += binaryEntropy(value);
            break;
        default:
            closest = std::min(closest, std::abs(2.0 * value - 1.0));
            break;
        }
    }
    return strategy == Strategy::Margin ? 1.0 - closest : sum / static_cast<double>(p.size());
}

} // namespace

std::string_view toString(Strategy strategy)
{
    for (const auto& [value, name] : kNames) {
        if (value == strategy) {
            return name;
        }
    }
    return "entropy";
}

Strategy strategyFromString(std::string_view name)
{
    for (const auto& [value, known] : kNames) {
        if (known == name) {
            return value;
        }
    }
    throw InputError("unknown strategy '" + std::string(name) +
                     "' (expected least-confidence, margin, entropy, vote-entropy, kl or random)");
}

bool isCommittee(Strategy strategy)
{
    return strategy == Strategy::VoteEntropy || strategy == Strategy::KlDivergence;
}

std::vector<double> uncertaintyScores(const Probabilities& probabilities, Strategy strategy, ModelKind kind,
                                      std::uint64_t seed)
{
    if (isCommittee(strategy)) {
        throw InputError("the " + std::string(toString(strategy)) + " strategy needs a committee of models");
    }
    std::vector<double> scores(probabilities.rows());
    Random random(seed);
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (strategy == Strategy::Random) {
            scores[i] = random.unit();
        } else if (kind == ModelKind::OneVsRest) {
            scores[i] = multiLabelScore(probabilities.row(i), strategy);
        } else {
            scores[i] = singleLabelScore(probabilities.row(i), strategy);
        }
    }
    return scores;
}

std::vector<double> committeeScores(std::span<const Probabilities> members, Strategy strategy, ModelKind kind)
{
    if (members.size() < 2) {
        throw InputError("a committee needs at least two models");
    }
    const std::size_t rows = members[0].rows();
    const std::size_t k = members[0].cols();
    for (const auto& member : members) {
        if (member.rows() != rows || member.cols() != k) {
            throw InputError("the committee's models do not predict the same samples and labels");
        }
    }
    const double m = static_cast<double>(members.size());
    std::vector<double> scores(rows, 0.0);
    std::vector<double> consensus(k);
    std::vector<double> votes(k);
    for (std::size_t i = 0; i < rows; ++i) {
        std::fill(consensus.begin(), consensus.end(), 0.0);
        std::fill(votes.begin(), votes.end(), 0.0);
        for (const auto& member : members) {
            const auto p = member.row(i);
            for (std::size_t c = 0; c < k; ++c) {
                consensus[c] += p[c] / m;
                if (kind == ModelKind::OneVsRest) {
                    votes[c] += p[c] >= 0.5 ? 1.0 / m : 0.0; // share of members voting "yes"
                }
            }
            if (kind == ModelKind::Softmax) {
                votes[argmax(p)] += 1.0 / m;
            }
        }
        double score = 0.0;
        if (strategy == Strategy::VoteEntropy) {
            for (std::size_t c = 0; c < k; ++c) {
                score +=
                    kind == ModelKind::OneVsRest ? binaryEntropy(votes[c]) / static_cast<double>(k) : -xlogx(votes[c]);
            }
        } else {
            for (const auto& member : members) {
                const auto p = member.row(i);
                for (std::size_t c = 0; c < k; ++c) {
                    const auto kl = [](double a, double b) {
                        return a > 0.0 ? a * std::log(a / std::max(b, 1e-300)) : 0.0;
                    };
                    if (kind == ModelKind::OneVsRest) {
                        score += (kl(p[c], consensus[c]) + kl(1.0 - p[c], 1.0 - consensus[c])) /
                                 (m * static_cast<double>(k));
                    } else {
                        score += kl(p[c], consensus[c]) / m;
                    }
                }
            }
        }
        scores[i] = score;
    }
    return scores;
}

std::vector<Ranked> selectBatch(std::span<const double> scores, std::size_t batch, const SparseRows* vectors,
                                double diversityThreshold)
{
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto better = [&](std::size_t a, std::size_t b) {
        return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
    };
    const bool diverse = vectors != nullptr && diversityThreshold > 0.0;
    std::vector<Ranked> chosen;
    if (!diverse) {
        const std::size_t take = std::min(batch, order.size());
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(take), order.end(), better);
        for (std::size_t i = 0; i < take; ++i) {
            chosen.push_back({order[i], scores[order[i]]});
        }
        return chosen;
    }
    std::sort(order.begin(), order.end(), better);
    for (std::size_t candidate : order) {
        if (chosen.size() >= batch) {
            break;
        }
        const SparseView v = vectors->row(candidate);
        const bool nearDuplicate = std::any_of(chosen.begin(), chosen.end(), [&](const Ranked& taken) {
            return dot(v, vectors->row(taken.row)) > diversityThreshold;
        });
        if (!nearDuplicate) {
            chosen.push_back({candidate, scores[candidate]});
        }
    }
    return chosen;
}

std::vector<Ranked> rankSamples(const Probabilities& probabilities, const RankOptions& options,
                                const SparseRows* vectors)
{
    const auto scores = uncertaintyScores(probabilities, options.strategy, options.kind, options.seed);
    return selectBatch(scores, options.batch, vectors, options.diversityThreshold);
}

} // namespace concord::learn
