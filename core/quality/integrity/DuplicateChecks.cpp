// The duplicate checks: exact-duplicate, near-duplicate and conflicting-duplicates.
#include "core/quality/integrity/IntegrityChecks.hpp"
#include "core/quality/integrity/NearDuplicates.hpp"
#include "core/quality/integrity/TextNormalize.hpp"

#include <algorithm>
#include <map>
#include <numeric>

namespace concord::quality::checks {

namespace {

std::uint64_t hashText(std::string_view text)
{
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : text) {
        hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    }
    return mix64(hash);
}

// Groups of two or more samples whose normalised texts are equal, each ascending, ordered by
// first member. Texts are hashed and sorted rather than put in a map of strings: at a million
// samples the copies would double the memory.
std::vector<std::vector<std::uint32_t>> exactGroups(const IntegrityData& data)
{
    std::vector<std::pair<std::uint64_t, std::uint32_t>> hashed;
    hashed.reserve(data.samples.size());
    for (std::uint32_t s = 0; s < data.samples.size(); ++s) {
        if (!isBlank(data.samples[s].text)) { // empty-text covers these
            hashed.emplace_back(hashText(normalizeForDuplicates(data.samples[s].text)), s);
        }
    }
    std::sort(hashed.begin(), hashed.end());
    std::vector<std::vector<std::uint32_t>> groups;
    for (std::size_t start = 0; start < hashed.size();) {
        std::size_t end = start + 1;
        while (end < hashed.size() && hashed[end].first == hashed[start].first) {
            ++end;
        }
        if (end - start >= 2) {
            // Equal hashes: compare the texts themselves, in case two differ.
            std::map<std::string, std::vector<std::uint32_t>> byText;
            for (std::size_t k = start; k < end; ++k) {
                byText[normalizeForDuplicates(data.samples[hashed[k].second].text)].push_back(hashed[k].second);
            }
            for (auto& [text, members] : byText) {
                if (members.size() >= 2) {
                    groups.push_back(std::move(members));
                }
            }
        }
        start = end;
    }
    std::sort(groups.begin(), groups.end());
    return groups;
}

// Near-duplicate clusters among the distinct texts: one representative per exact group, so
// that a text pasted a thousand times is compared once; each cluster then gets its groups'
// members back (sample indices, ascending).
std::vector<NearDuplicateCluster>
expandedNearClusters(const IntegrityData& data, const std::vector<std::vector<std::uint32_t>>& exact, double threshold)
{
    std::vector<std::int64_t> groupOf(data.samples.size(), -1);
    for (std::size_t g = 0; g < exact.size(); ++g) {
        for (const std::uint32_t s : exact[g]) {
            groupOf[s] = static_cast<std::int64_t>(g);
        }
    }
    std::vector<std::uint32_t> representatives;
    std::vector<std::string_view> texts;
    for (std::uint32_t s = 0; s < data.samples.size(); ++s) {
        if ((groupOf[s] < 0 || exact[static_cast<std::size_t>(groupOf[s])].front() == s) &&
            !isBlank(data.samples[s].text)) {
            representatives.push_back(s);
            texts.push_back(data.samples[s].text);
        }
    }
    NearDuplicateOptions options;
    options.threshold = threshold;
    std::vector<NearDuplicateCluster> clusters = findNearDuplicates(texts, options).clusters;
    for (auto& cluster : clusters) {
        std::vector<std::uint32_t> members;
        for (const std::uint32_t r : cluster.members) {
            const std::uint32_t s = representatives[r];
            if (groupOf[s] < 0) {
                members.push_back(s);
            } else {
                const auto& group = exact[static_cast<std::size_t>(groupOf[s])];
                members.insert(members.end(), group.begin(), group.end());
            }
        }
        std::sort(members.begin(), members.end());
        cluster.members = std::move(members);
    }
    return clusters;
}

std::vector<std::string> idsOf(const IntegrityData& data, const std::vector<std::uint32_t>& members)
{
    std::vector<std::string> ids;
    ids.reserve(members.size());
    for (const std::uint32_t s : members) {
        ids.push_back(data.samples[s].id);
    }
    return ids;
}

// A union–find over sample indices, for joining exact groups and near clusters.
struct Components
{
    std::vector<std::uint32_t> parent;
    explicit Components(std::size_t size) : parent(size) { std::iota(parent.begin(), parent.end(), 0U); }
    std::uint32_t find(std::uint32_t x)
    {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
    void join(const std::vector<std::uint32_t>& members)
    {
        for (const std::uint32_t member : members) {
            const std::uint32_t a = find(members.front());
            const std::uint32_t b = find(member);
            parent[std::max(a, b)] = std::min(a, b);
        }
    }
};

void reportConflicts(const IntegrityData& data, const std::vector<std::vector<std::uint32_t>>& exact,
                     const std::vector<std::vector<std::uint32_t>>& near, std::vector<Finding>& findings)
{
    Components components(data.samples.size());
    std::vector<std::int64_t> exactOf(data.samples.size(), -1);
    for (std::size_t g = 0; g < exact.size(); ++g) {
        components.join(exact[g]);
        for (const std::uint32_t s : exact[g]) {
            exactOf[s] = static_cast<std::int64_t>(g);
        }
    }
    for (const auto& cluster : near) {
        components.join(cluster);
    }
    std::map<std::uint32_t, std::vector<std::uint32_t>> byRoot;
    for (const auto& group : exact) {
        for (const std::uint32_t s : group) {
            byRoot[components.find(s)].push_back(s);
        }
    }
    for (const auto& cluster : near) {
        for (const std::uint32_t s : cluster) {
            byRoot[components.find(s)].push_back(s);
        }
    }
    for (auto& entry : byRoot) {
        auto& members = entry.second;
        std::sort(members.begin(), members.end());
        members.erase(std::unique(members.begin(), members.end()), members.end());
        // Gold label -> the samples carrying it, in the order the labels first appear.
        std::vector<std::pair<std::string, std::vector<std::string>>> golds;
        std::vector<std::string> ids;
        std::vector<std::int64_t> groups; // the exact groups of the samples with a gold label
        for (const std::uint32_t s : members) {
            const auto gold = data.goldKey(s);
            if (!gold) {
                continue; // unlabeled, or its annotators are split: no gold to compare
            }
            auto found =
                std::find_if(golds.begin(), golds.end(), [&](const auto& known) { return known.first == *gold; });
            if (found == golds.end()) {
                golds.emplace_back(*gold, std::vector<std::string>{});
                found = golds.end() - 1;
            }
            found->second.push_back(data.samples[s].id);
            ids.push_back(data.samples[s].id);
            groups.push_back(exactOf[s]);
        }
        if (golds.size() < 2) {
            continue;
        }
        const bool sameText = groups.front() >= 0 && std::count(groups.begin(), groups.end(), groups.front()) ==
                                                         static_cast<std::ptrdiff_t>(groups.size());
        std::string labels;
        for (const auto& [gold, carriers] : golds) {
            labels += (labels.empty() ? "" : "; ") + ("'" + gold + "' (" + listNames(carriers, 3) + ")");
        }
        findings.push_back({"conflicting-duplicates", Severity::Error, ids,
                            countOf(ids.size(), "sample", "samples") + " with " +
                                (sameText ? "the same text" : "nearly the same text") +
                                " carry different gold labels: " + labels + ". Text: \"" +
                                snippet(data.samples[members.front()].text) + "\""});
    }
}

} // namespace

void checkDuplicates(const IntegrityData& data, const CheckOptions& options, const Wanted& wanted,
                     std::vector<Finding>& findings)
{
    const bool conflicts = wanted("conflicting-duplicates");
    if (!wanted("exact-duplicate") && !wanted("near-duplicate") && !conflicts) {
        return;
    }
    const auto exact = exactGroups(data);
    if (wanted("exact-duplicate")) {
        for (const auto& group : exact) {
            findings.push_back({"exact-duplicate", Severity::Warning, idsOf(data, group),
                                countOf(group.size(), "sample has", "samples have") +
                                    " the same text (ignoring case and whitespace): \"" +
                                    snippet(data.samples[group.front()].text) + "\""});
        }
    }

    // Span offsets differ between texts that differ at all, so in span projects only exact
    // duplicates can conflict, and near ones are looked for only when asked.
    const bool spans = data.schema.kind == TaskKind::Spans;
    std::vector<std::vector<std::uint32_t>> nearClusters;
    if (wanted("near-duplicate") || (conflicts && !spans)) {
        for (auto& cluster : expandedNearClusters(data, exact, options.nearDuplicateThreshold)) {
            if (wanted("near-duplicate")) {
                const std::string similarity =
                    cluster.minSimilarity == cluster.maxSimilarity
                        ? percent(cluster.minSimilarity)
                        : percent(cluster.minSimilarity) + "–" + percent(cluster.maxSimilarity);
                findings.push_back({"near-duplicate", Severity::Info, idsOf(data, cluster.members),
                                    countOf(cluster.members.size(), "sample has", "samples have") +
                                        " nearly the same text (" + similarity + " of their word pairs shared): \"" +
                                        snippet(data.samples[cluster.members.front()].text) + "\""});
            }
            nearClusters.push_back(std::move(cluster.members));
        }
    }
    if (conflicts) {
        reportConflicts(data, exact, spans ? std::vector<std::vector<std::uint32_t>>{} : nearClusters, findings);
    }
}

} // namespace concord::quality::checks
