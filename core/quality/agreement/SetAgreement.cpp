// Multi-label agreement; see SetAgreement.hpp.
#include "core/quality/agreement/SetAgreement.hpp"

#include "core/quality/agreement/Coincidence.hpp"
#include "core/quality/agreement/ItemGroups.hpp"
#include "core/quality/agreement/KrippendorffAlpha.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <unordered_map>

namespace concord::quality {

SetRatings setRatingsFromLists(const RatingTable& table, const std::vector<std::vector<std::string>>& valueLabels,
                               const std::vector<std::string>& labelOrder)
{
    SetRatings result;
    std::unordered_map<std::string, std::uint32_t> labelIndex;
    const auto labelOf = [&](const std::string& name) {
        const auto [where, inserted] = labelIndex.emplace(name, static_cast<std::uint32_t>(result.labels.size()));
        if (inserted) {
            result.labels.push_back(name);
        }
        return where->second;
    };
    for (const auto& name : labelOrder) {
        labelOf(name);
    }
    // Each old value's set, then the distinct sets in a stable order.
    std::vector<std::vector<std::uint32_t>> oldSets(table.values.size());
    for (std::size_t v = 0; v < table.values.size(); ++v) {
        for (const auto& name : valueLabels[v]) {
            oldSets[v].push_back(labelOf(name));
        }
        std::sort(oldSets[v].begin(), oldSets[v].end());
        oldSets[v].erase(std::unique(oldSets[v].begin(), oldSets[v].end()), oldSets[v].end());
    }
    std::vector<std::vector<std::uint32_t>> distinct = oldSets;
    std::sort(distinct.begin(), distinct.end(),
              [](const auto& a, const auto& b) { return a.size() != b.size() ? a.size() < b.size() : a < b; });
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    std::map<std::vector<std::uint32_t>, std::uint32_t> newIndex;
    for (std::uint32_t v = 0; v < distinct.size(); ++v) {
        newIndex.emplace(distinct[v], v);
        std::string text = "{";
        for (const std::uint32_t label : distinct[v]) {
            text += (text.size() > 1 ? ", " : "") + result.labels[label];
        }
        result.table.values.push_back(text + "}");
    }
    result.table.items = table.items;
    result.table.annotators = table.annotators;
    result.table.numeric.assign(distinct.size(), std::numeric_limits<double>::quiet_NaN());
    std::vector<std::uint32_t> remap(table.values.size());
    for (std::size_t v = 0; v < table.values.size(); ++v) {
        remap[v] = newIndex.at(oldSets[v]);
    }
    result.table.ratings = table.ratings;
    for (Rating& rating : result.table.ratings) {
        rating.value = remap[rating.value];
    }
    result.sets = std::move(distinct);
    return result;
}

SetRatings setRatingsFromSeparated(const RatingTable& table, char separator, const std::vector<std::string>& labelOrder)
{
    std::vector<std::vector<std::string>> lists(table.values.size());
    for (std::size_t v = 0; v < table.values.size(); ++v) {
        std::string_view rest = table.values[v];
        for (;;) {
            const std::size_t cut = std::min(rest.find(separator), rest.size());
            std::string_view name = rest.substr(0, cut);
            const auto begin = name.find_first_not_of(' ');
            name = begin == std::string_view::npos ? std::string_view() : name.substr(begin);
            name = name.substr(0, name.find_last_not_of(' ') + 1);
            if (!name.empty()) {
                lists[v].emplace_back(name);
            }
            if (cut == rest.size()) {
                break;
            }
            rest.remove_prefix(cut + 1);
        }
    }
    return setRatingsFromLists(table, lists, labelOrder);
}

double masiDistance(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b)
{
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
    const std::size_t united = a.size() + b.size() - common;
    if (united == 0) {
        return 0.0;
    }
    double monotonicity = 0.0;
    if (a.size() == b.size() && common == a.size()) {
        monotonicity = 1.0;
    } else if (common == std::min(a.size(), b.size())) {
        monotonicity = 0.67;
    } else if (common > 0) {
        monotonicity = 0.33;
    }
    return 1.0 - static_cast<double>(common) / static_cast<double>(united) * monotonicity;
}

std::vector<LabelAgreement> perLabelAlpha(const SetRatings& sets)
{
    const RatingTable& table = sets.table;
    const std::size_t labels = sets.labels.size();
    std::vector<LabelAgreement> result(labels);
    std::vector<double> holding(labels, 0.0); // n_1 per label, over pairable ratings
    std::vector<double> split(labels, 0.0);   // o(1, 0) per label
    std::vector<std::uint32_t> present(labels, 0);
    std::vector<std::uint32_t> touched;
    const ItemGroups groups = groupByItem(table);
    std::size_t pairableItems = 0;
    double n = 0.0;
    for (std::uint32_t item = 0; item < groups.itemCount(); ++item) {
        const std::uint32_t m = groups.size(item);
        for (const std::uint32_t r : groups.of(item)) {
            for (const std::uint32_t label : sets.sets[table.ratings[r].value]) {
                ++result[label].uses;
                if (m >= 2 && present[label]++ == 0) {
                    touched.push_back(label);
                }
            }
        }
        if (m < 2) {
            continue;
        }
        ++pairableItems;
        n += m;
        for (const std::uint32_t label : touched) {
            const double p = present[label];
            holding[label] += p;
            split[label] += p * (m - p) / (m - 1.0);
            present[label] = 0;
        }
        touched.clear();
    }
    for (std::uint32_t label = 0; label < labels; ++label) {
        Coefficient& alpha = result[label].alpha;
        result[label].label = label;
        alpha.items = pairableItems;
        alpha.ratings = static_cast<std::size_t>(n);
        alpha.excludedItems = groups.itemCount() - pairableItems;
        if (pairableItems == 0) {
            alpha.undefined = table.ratings.empty() ? Undefined::NoRatings : Undefined::NoPairableItems;
        } else if (holding[label] == 0.0 || holding[label] == n) {
            alpha.undefined = Undefined::NoVariation;
        } else {
            alpha.undefined = Undefined::No;
            alpha.value = 1.0 - (n - 1.0) * split[label] / (holding[label] * (n - holding[label]));
        }
    }
    return result;
}

Coefficient masiAlpha(const SetRatings& sets)
{
    const Coincidence matrix = coincidence(sets.table);
    const std::size_t values = sets.sets.size();
    std::vector<double> distances(values * values, 0.0);
    for (std::size_t c = 0; c < values; ++c) {
        for (std::size_t k = 0; k < values; ++k) {
            distances[c * values + k] = masiDistance(sets.sets[c], sets.sets[k]);
        }
    }
    return alphaFromCoincidence(matrix, distances);
}

} // namespace concord::quality
