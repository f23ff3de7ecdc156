#include "core/quality/leaderboard/Existence.hpp"

#include "core/util/UnionFind.hpp"

#include <algorithm>
#include <functional>

namespace concord::quality {

namespace {

// Strongly connected components of "i beat j" (score(i, j) > 0), by Tarjan's algorithm without
// recursion (a deep chain of models must not overflow the stack). Returns each model's component.
std::vector<std::uint32_t> strongComponents(const PairCounts& counts, std::uint32_t& componentCount)
{
    const std::size_t n = counts.models;
    constexpr std::uint32_t kUnset = UINT32_MAX;
    std::vector<std::uint32_t> index(n, kUnset), low(n, 0), component(n, kUnset);
    std::vector<std::uint32_t> stack;
    std::vector<bool> onStack(n, false);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> frames; // (model, next neighbour to look at)
    std::uint32_t nextIndex = 0;
    componentCount = 0;
    for (std::uint32_t root = 0; root < n; ++root) {
        if (index[root] != kUnset) {
            continue;
        }
        frames.emplace_back(root, 0);
        index[root] = low[root] = nextIndex++;
        stack.push_back(root);
        onStack[root] = true;
        while (!frames.empty()) {
            auto& [v, next] = frames.back();
            bool descended = false;
            while (next < n) {
                const std::uint32_t w = next++;
                if (w == v || counts.score(v, w) <= 0.0) {
                    continue;
                }
                if (index[w] == kUnset) {
                    index[w] = low[w] = nextIndex++;
                    stack.push_back(w);
                    onStack[w] = true;
                    frames.emplace_back(w, 0);
                    descended = true;
                    break;
                }
                if (onStack[w]) {
                    low[v] = std::min(low[v], index[w]);
                }
            }
            if (descended) {
                continue;
            }
            const std::uint32_t done = v;
            frames.pop_back();
            if (low[done] == index[done]) {
                std::uint32_t w = 0;
                do {
                    w = stack.back();
                    stack.pop_back();
                    onStack[w] = false;
                    component[w] = componentCount;
                } while (w != done);
                ++componentCount;
            }
            if (!frames.empty()) {
                const std::uint32_t parent = frames.back().first;
                low[parent] = std::min(low[parent], low[done]);
            }
        }
    }
    return component;
}

std::vector<std::string> namesWhere(const std::vector<std::string>& names, const std::function<bool(std::size_t)>& keep)
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (keep(i)) {
            out.push_back(names[i]);
        }
    }
    return out;
}

std::string joinedNames(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& name : names) {
        out += (out.empty() ? "" : ", ") + name;
    }
    return out;
}

} // namespace

bool estimateExists(const PairCounts& counts)
{
    std::uint32_t components = 0;
    strongComponents(counts, components);
    return components <= 1;
}

std::vector<ExistenceProblem> findExistenceProblems(const PairCounts& counts, const std::vector<std::string>& names)
{
    const std::size_t n = counts.models;
    std::vector<ExistenceProblem> problems;
    std::uint32_t strongCount = 0;
    const std::vector<std::uint32_t> strong = strongComponents(counts, strongCount);
    if (strongCount <= 1) {
        return problems;
    }

    // Groups never compared with each other: the components of "i and j played".
    UnionFind played(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        for (std::uint32_t j = i + 1; j < n; ++j) {
            if (counts.games(i, j) > 0.0) {
                played.join(i, j);
            }
        }
    }
    std::vector<std::uint32_t> group(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        group[i] = played.find(i);
    }
    std::vector<std::uint32_t> roots(group.begin(), group.end());
    std::sort(roots.begin(), roots.end());
    roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
    if (roots.size() > 1) {
        for (std::size_t g = 0; g + 1 < roots.size(); ++g) {
            ExistenceProblem problem;
            problem.kind = ExistenceProblem::Kind::NotConnected;
            problem.models = namesWhere(names, [&](std::size_t i) { return group[i] == roots[g]; });
            problem.others = namesWhere(names, [&](std::size_t i) { return group[i] != roots[g]; });
            problems.push_back(std::move(problem));
        }
    }

    // Within each group: the strong components nothing else in the group beats (they never
    // lose) and those that beat nothing else in the group (they never win).
    std::vector<bool> beaten(strongCount, false), beats(strongCount, false);
    for (std::uint32_t i = 0; i < n; ++i) {
        for (std::uint32_t j = 0; j < n; ++j) {
            if (strong[i] != strong[j] && counts.score(i, j) > 0.0) {
                beats[strong[i]] = true;
                beaten[strong[j]] = true;
            }
        }
    }
    std::vector<bool> reported(strongCount, false);
    for (std::uint32_t i = 0; i < n; ++i) {
        const std::uint32_t c = strong[i];
        if (reported[c]) {
            continue;
        }
        reported[c] = true;
        const auto inComponent = [&](std::size_t k) { return strong[k] == c; };
        const auto restOfGroup = [&](std::size_t k) { return group[k] == group[i] && strong[k] != c; };
        std::vector<std::string> others = namesWhere(names, restOfGroup);
        if (others.empty()) {
            continue; // a group that is one strong component: only its separation matters
        }
        std::vector<std::string> members = namesWhere(names, inComponent);
        const bool single = members.size() == 1;
        if (!beaten[c]) {
            problems.push_back({single ? ExistenceProblem::Kind::NeverLoses : ExistenceProblem::Kind::GroupNeverLoses,
                                members, others});
        }
        if (!beats[c]) {
            problems.push_back(
                {single ? ExistenceProblem::Kind::NeverWins : ExistenceProblem::Kind::GroupNeverWins, members, others});
        }
    }
    return problems;
}

std::string describeProblems(const std::vector<ExistenceProblem>& problems)
{
    std::string out;
    for (const auto& problem : problems) {
        std::string part;
        switch (problem.kind) {
        case ExistenceProblem::Kind::NeverLoses:
            part = problem.models.front() + " never loses (a tie counts as half a loss)";
            break;
        case ExistenceProblem::Kind::NeverWins:
            part = problem.models.front() + " never wins (a tie counts as half a win)";
            break;
        case ExistenceProblem::Kind::GroupNeverLoses:
            part = joinedNames(problem.models) + " never lose to " + joinedNames(problem.others);
            break;
        case ExistenceProblem::Kind::GroupNeverWins:
            part = joinedNames(problem.models) + " never win against " + joinedNames(problem.others);
            break;
        case ExistenceProblem::Kind::NotConnected:
            part = joinedNames(problem.models) + " were never compared with " + joinedNames(problem.others);
            break;
        }
        out += (out.empty() ? "" : "; ") + part;
    }
    return out;
}

} // namespace concord::quality
