// MinHash with LSH banding, exact verification and union–find clustering; see NearDuplicates.hpp.
#include "core/quality/integrity/NearDuplicates.hpp"

#include "core/quality/integrity/TextNormalize.hpp"
#include "core/util/Error.hpp"
#include "core/util/UnionFind.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_set>
#include <utility>

namespace concord::quality {

namespace {

// The hash functions h_i(x) = a_i·x + b_i (mod 2^64) with odd a_i; the input is already a
// well-mixed 64-bit hash, and comparing whole 64-bit results orders by the high bits, which
// depend on every input bit.
struct HashFamily
{
    std::vector<std::uint64_t> a;
    std::vector<std::uint64_t> b;

    HashFamily(std::size_t count, std::uint64_t seed)
    {
        for (std::size_t i = 0; i < count; ++i) {
            a.push_back(mix64(seed + 2 * i) | 1U);
            b.push_back(mix64(seed + 2 * i + 1));
        }
    }
};

// The band keys of one text: each band's rows of minimum hashes folded into 32 bits. A
// collision between unrelated bands only adds a candidate, which verification then drops.
void bandKeys(const std::vector<std::uint64_t>& shingles, const HashFamily& family, std::size_t rows,
              std::uint32_t* keys, std::vector<std::uint64_t>& minimum)
{
    std::fill(minimum.begin(), minimum.end(), ~std::uint64_t{0});
    for (const std::uint64_t shingle : shingles) {
        for (std::size_t i = 0; i < minimum.size(); ++i) {
            minimum[i] = std::min(minimum[i], family.a[i] * shingle + family.b[i]);
        }
    }
    const std::size_t bands = minimum.size() / rows;
    for (std::size_t band = 0; band < bands; ++band) {
        std::uint64_t key = band;
        for (std::size_t r = 0; r < rows; ++r) {
            key = mix64(key ^ minimum[band * rows + r]);
        }
        keys[band] = static_cast<std::uint32_t>(key >> 32);
    }
}

} // namespace

Banding chooseBanding(double threshold, std::size_t hashFunctions, double recall)
{
    // Eight rows is plenty: beyond it the filter is already sharp for any useful threshold.
    constexpr std::size_t kMaxRows = 8;
    Banding banding{hashFunctions, 1};
    for (std::size_t rows = 2; rows <= std::min(kMaxRows, hashFunctions); ++rows) {
        const std::size_t bands = hashFunctions / rows;
        const double caught =
            1.0 - std::pow(1.0 - std::pow(threshold, static_cast<double>(rows)), static_cast<double>(bands));
        if (caught < recall) {
            break;
        }
        banding = {bands, rows};
    }
    return banding;
}

std::vector<std::uint64_t> shingleSet(std::string_view text, std::size_t shingleWords)
{
    const std::vector<std::uint64_t> words = wordHashes(text);
    std::vector<std::uint64_t> shingles;
    if (words.empty()) {
        return shingles;
    }
    const std::size_t width = std::min(std::max<std::size_t>(shingleWords, 1), words.size());
    shingles.reserve(words.size() - width + 1);
    for (std::size_t start = 0; start + width <= words.size(); ++start) {
        std::uint64_t hash = width;
        for (std::size_t k = 0; k < width; ++k) {
            hash = mix64(hash * 0x9e3779b97f4a7c15ULL + words[start + k]);
        }
        shingles.push_back(hash);
    }
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
    return shingles;
}

double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b)
{
    if (a.empty() && b.empty()) {
        return 1.0;
    }
    std::size_t common = 0;
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] == b[j]) {
            ++common;
            ++i;
            ++j;
        } else if (a[i] < b[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

NearDuplicateResult findNearDuplicates(const std::vector<std::string_view>& texts, const NearDuplicateOptions& options)
{
    if (options.hashFunctions == 0 || !(options.threshold > 0.0 && options.threshold <= 1.0)) {
        throw InputError("near duplicates: the threshold must be in (0, 1] and there must be hash functions");
    }
    const Banding banding = chooseBanding(options.threshold, options.hashFunctions, options.recallAtThreshold);
    const std::size_t bands = banding.bands;
    const HashFamily family(bands * banding.rows, options.seed);

    // Pass 1: band keys of every text with words. Shingle sets are not kept: at a million
    // texts they would take gigabytes; the few candidate pairs recompute theirs.
    std::vector<std::uint32_t> keys(texts.size() * bands);
    std::vector<bool> hasWords(texts.size(), false);
    std::vector<std::uint64_t> minimum(bands * banding.rows);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const auto shingles = shingleSet(texts[i], options.shingleWords);
        if (!shingles.empty()) {
            hasWords[i] = true;
            bandKeys(shingles, family, banding.rows, keys.data() + i * bands, minimum);
        }
    }

    // Pass 2, band by band: texts with equal keys are candidates; verify each pair once.
    NearDuplicateResult result;
    UnionFind components(texts.size());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> bucket;
    std::unordered_set<std::uint64_t> rejected;
    struct Edge
    {
        std::uint32_t a, b;
        double similarity;
    };
    std::vector<Edge> edges;
    const auto verify = [&](std::uint32_t a, std::uint32_t b) {
        if (components.find(a) == components.find(b)) {
            return; // already linked: the cluster would not change
        }
        const std::uint64_t pairKey = (std::uint64_t{a} << 32) | b;
        if (rejected.count(pairKey) != 0) {
            return;
        }
        ++result.candidatePairs;
        const double similarity =
            jaccard(shingleSet(texts[a], options.shingleWords), shingleSet(texts[b], options.shingleWords));
        if (similarity >= options.threshold) {
            ++result.similarPairs;
            components.join(a, b);
            edges.push_back({a, b, similarity});
        } else {
            rejected.insert(pairKey);
        }
    };
    for (std::size_t band = 0; band < bands; ++band) {
        bucket.clear();
        for (std::uint32_t i = 0; i < texts.size(); ++i) {
            if (hasWords[i]) {
                bucket.emplace_back(keys[i * bands + band], i);
            }
        }
        std::sort(bucket.begin(), bucket.end());
        for (std::size_t start = 0; start < bucket.size();) {
            std::size_t end = start + 1;
            while (end < bucket.size() && bucket[end].first == bucket[start].first) {
                ++end;
            }
            for (std::size_t j = start + 1; j < end; ++j) {
                const std::size_t from = j - start > options.bucketWindow ? j - options.bucketWindow : start;
                for (std::size_t i = from; i < j; ++i) {
                    verify(bucket[i].second, bucket[j].second);
                }
            }
            start = end;
        }
    }

    // Clusters: the components with two or more members, each with its edges' similarity range.
    std::vector<std::int64_t> clusterOf(texts.size(), -1);
    for (std::uint32_t i = 0; i < texts.size(); ++i) {
        const std::uint32_t root = components.find(i);
        if (root == i) {
            continue;
        }
        if (clusterOf[root] < 0) {
            clusterOf[root] = static_cast<std::int64_t>(result.clusters.size());
            result.clusters.push_back({{root}, 1.0, 0.0});
        }
        result.clusters[static_cast<std::size_t>(clusterOf[root])].members.push_back(i);
    }
    for (const Edge& edge : edges) {
        auto& cluster = result.clusters[static_cast<std::size_t>(clusterOf[components.find(edge.a)])];
        cluster.minSimilarity = std::min(cluster.minSimilarity, edge.similarity);
        cluster.maxSimilarity = std::max(cluster.maxSimilarity, edge.similarity);
    }
    // Roots are their components' smallest members, but clusters were opened in the order of
    // their second member.
    std::sort(result.clusters.begin(), result.clusters.end(),
              [](const auto& a, const auto& b) { return a.members.front() < b.members.front(); });
    return result;
}

} // namespace concord::quality
