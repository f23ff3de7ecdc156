// Grouped, stratified, seeded splits and folds; see Splits.hpp.
#include "core/export/Splits.hpp"

#include "core/learn/Random.hpp"
#include "core/quality/integrity/TextNormalize.hpp"
#include "core/util/Error.hpp"
#include "core/util/UnionFind.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>

namespace concord::exporting {

namespace {

std::string trimmed(std::string_view text)
{
    while (!text.empty() && text.front() == ' ') {
        text.remove_prefix(1);
    }
    while (!text.empty() && text.back() == ' ') {
        text.remove_suffix(1);
    }
    return std::string(text);
}

struct Group
{
    std::vector<std::uint32_t> members;
    std::size_t stratum = 0;
};

// Each part's quota within one stratum: its share rounded down, the remainders going to the
// largest fractions, ties to the part furthest below its overall share so far.
std::vector<std::size_t> quotas(std::size_t size, const std::vector<double>& weights,
                                std::vector<double>& overallDeficit)
{
    const std::size_t parts = weights.size();
    std::vector<std::size_t> quota(parts, 0);
    std::vector<double> fraction(parts, 0.0);
    std::size_t given = 0;
    for (std::size_t p = 0; p < parts; ++p) {
        const double share = static_cast<double>(size) * weights[p];
        quota[p] = static_cast<std::size_t>(std::floor(share + 1e-9));
        fraction[p] = share - static_cast<double>(quota[p]);
        given += quota[p];
    }
    given = std::min(given, size);
    std::vector<std::size_t> order(parts);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        // Fractions within a rounding error count as equal, so that k equal folds balance
        // their overall sizes instead of following floating-point noise.
        if (std::abs(fraction[a] - fraction[b]) > 1e-9) {
            return fraction[a] > fraction[b];
        }
        return overallDeficit[a] > overallDeficit[b];
    });
    for (std::size_t i = 0; given < size && i < parts; ++i) {
        if (weights[order[i]] > 0.0) {
            ++quota[order[i]];
            ++given;
        }
    }
    for (std::size_t p = 0; p < parts; ++p) {
        overallDeficit[p] += static_cast<double>(size) * weights[p] - static_cast<double>(quota[p]);
    }
    return quota;
}

} // namespace

std::vector<double> parseRatios(std::string_view text)
{
    std::vector<double> ratios;
    std::size_t begin = 0;
    while (begin <= text.size()) {
        const std::size_t comma = std::min(text.find(',', begin), text.size());
        const std::string part = trimmed(text.substr(begin, comma - begin));
        double value = 0.0;
        const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
        if (part.empty() || error != std::errc() || end != part.data() + part.size() ||
            !(value >= 0.0 && value <= 1.0)) {
            throw SettingError("split", "'" + part + "' is not a ratio between 0 and 1 (expected e.g. 0.8,0.1,0.1)");
        }
        ratios.push_back(value);
        begin = comma + 1;
    }
    if (ratios.size() != 3) {
        throw SettingError("split", "expected three ratios for train, validation and test (e.g. 0.8,0.1,0.1), found " +
                                        std::to_string(ratios.size()));
    }
    return ratios;
}

void checkSplitOptions(const SplitOptions& options, std::size_t records)
{
    if (options.folds != 0) {
        if (options.folds < 2) {
            throw SettingError("folds", "need at least 2 folds, not " + std::to_string(options.folds));
        }
        if (options.folds > records) {
            throw SettingError("folds", std::to_string(options.folds) + " folds need at least as many records; " +
                                            "the export has " + std::to_string(records));
        }
        return;
    }
    if (options.ratios.size() != 3) {
        throw SettingError("split", "expected three ratios for train, validation and test");
    }
    double sum = 0.0;
    for (const double ratio : options.ratios) {
        if (!(ratio >= 0.0 && ratio <= 1.0)) {
            throw SettingError("split", "every ratio must be between 0 and 1");
        }
        sum += ratio;
    }
    if (std::abs(sum - 1.0) > 1e-6) {
        throw SettingError("split", "the ratios must add up to 1, not " + std::to_string(sum));
    }
    if (options.ratios[0] <= 0.0) {
        throw SettingError("split", "the train ratio must be above 0");
    }
}

std::string stratumOf(const ExportRecord& record)
{
    if (record.rating) {
        return "rating:" + std::to_string(*record.rating);
    }
    if (!record.spans.empty()) {
        std::vector<std::string> labels;
        for (const auto& span : record.spans) {
            labels.push_back(span.label);
        }
        std::sort(labels.begin(), labels.end());
        labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
        return "spans:" + nlohmann::json(labels).dump();
    }
    return nlohmann::json(record.labels).dump();
}

std::vector<std::uint32_t> duplicateGroups(const std::vector<ExportRecord>& records, bool nearDuplicates,
                                           const quality::NearDuplicateOptions& options)
{
    UnionFind sets(records.size());
    std::unordered_map<std::string, std::uint32_t> firstWithText;
    for (std::uint32_t i = 0; i < records.size(); ++i) {
        if (i > 0 && records[i].text == records[i - 1].text) {
            sets.join(i - 1, i); // the rows of one prompt come together: normalised once
            continue;
        }
        const auto [it, added] = firstWithText.try_emplace(quality::normalizeForDuplicates(records[i].text), i);
        if (!added) {
            sets.join(it->second, i);
        }
    }
    if (nearDuplicates && records.size() > 1) {
        std::vector<std::string_view> texts;
        texts.reserve(records.size());
        for (const auto& record : records) {
            texts.emplace_back(record.text);
        }
        for (const auto& cluster : quality::findNearDuplicates(texts, options).clusters) {
            for (std::size_t m = 1; m < cluster.members.size(); ++m) {
                sets.join(cluster.members[0], cluster.members[m]);
            }
        }
    }
    std::vector<std::uint32_t> group(records.size());
    std::unordered_map<std::uint32_t, std::uint32_t> numberOfRoot;
    for (std::uint32_t i = 0; i < records.size(); ++i) {
        const auto [it, added] =
            numberOfRoot.try_emplace(sets.find(i), static_cast<std::uint32_t>(numberOfRoot.size()));
        group[i] = it->second;
    }
    return group;
}

std::vector<std::uint32_t> assignParts(const std::vector<ExportRecord>& records, const std::vector<double>& weights,
                                       std::uint64_t seed, bool nearDuplicates,
                                       const quality::NearDuplicateOptions& options)
{
    const std::vector<std::uint32_t> groupOf = duplicateGroups(records, nearDuplicates, options);
    std::vector<Group> groups;
    for (std::uint32_t i = 0; i < records.size(); ++i) {
        if (groupOf[i] == groups.size()) {
            groups.emplace_back();
        }
        groups[groupOf[i]].members.push_back(i);
    }
    // A group counts in the stratum of its first record; strata in name order, so that the
    // order of the records does not change which stratum draws first.
    std::map<std::string, std::vector<std::uint32_t>> strata;
    for (std::uint32_t g = 0; g < groups.size(); ++g) {
        strata[stratumOf(records[groups[g].members.front()])].push_back(g);
    }

    learn::Random random(seed);
    std::vector<double> overallDeficit(weights.size(), 0.0);
    std::vector<std::uint32_t> part(records.size(), 0);
    for (auto& [name, members] : strata) {
        std::size_t size = 0;
        for (const auto g : members) {
            size += groups[g].members.size();
        }
        const std::vector<std::size_t> quota = quotas(size, weights, overallDeficit);
        random.shuffle(std::span<std::uint32_t>(members));
        std::stable_sort(members.begin(), members.end(), [&](std::uint32_t a, std::uint32_t b) {
            return groups[a].members.size() > groups[b].members.size();
        });
        std::vector<std::size_t> count(weights.size(), 0);
        for (const auto g : members) {
            std::size_t best = weights.size();
            double bestRoom = 0.0;
            for (std::size_t p = 0; p < weights.size(); ++p) {
                if (weights[p] <= 0.0) {
                    continue;
                }
                const double room = static_cast<double>(quota[p]) - static_cast<double>(count[p]);
                if (best == weights.size() || room > bestRoom) {
                    best = p;
                    bestRoom = room;
                }
            }
            count[best] += groups[g].members.size();
            for (const auto member : groups[g].members) {
                part[member] = static_cast<std::uint32_t>(best);
            }
        }
    }
    return part;
}

std::vector<NamedSplit> makeSplits(const std::vector<ExportRecord>& records, const SplitOptions& options)
{
    checkSplitOptions(options, records.size());
    std::vector<NamedSplit> splits;
    std::vector<double> weights;
    if (options.folds != 0) {
        weights.assign(options.folds, 1.0 / static_cast<double>(options.folds));
        for (std::size_t f = 0; f < options.folds; ++f) {
            splits.push_back(NamedSplit{"fold-" + std::to_string(f + 1), {}});
        }
    } else {
        weights = options.ratios;
        for (const char* name : {"train", "validation", "test"}) {
            splits.push_back(NamedSplit{name, {}});
        }
    }
    const auto part = assignParts(records, weights, options.seed, options.nearDuplicates, options.nearDuplicateOptions);
    for (std::size_t i = 0; i < records.size(); ++i) {
        splits[part[i]].records.push_back(records[i]);
    }
    if (options.folds == 0) {
        std::vector<NamedSplit> kept;
        for (std::size_t p = 0; p < splits.size(); ++p) {
            if (weights[p] > 0.0) {
                kept.push_back(std::move(splits[p]));
            }
        }
        return kept;
    }
    return splits;
}

} // namespace concord::exporting
