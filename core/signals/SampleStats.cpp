#include "core/signals/SampleStats.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace concord::signals {

std::string voteKey(const LabelSchema& schema, const nlohmann::json& value)
{
    switch (schema.kind) {
    case TaskKind::Single:
        return value.at("labels").empty() ? std::string() : value["labels"][0].get<std::string>();
    case TaskKind::Multi: {
        std::vector<std::string> names = value.at("labels").get<std::vector<std::string>>();
        std::sort(names.begin(), names.end());
        std::string key;
        for (const auto& name : names) {
            key += (key.empty() ? "" : ";") + name;
        }
        return key;
    }
    case TaskKind::Rating:
        return value.at("rating").dump();
    case TaskKind::Spans: {
        auto spans = value.at("spans");
        std::sort(spans.begin(), spans.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
            return std::tie(a["start"], a["end"], a["label"]) < std::tie(b["start"], b["end"], b["label"]);
        });
        return spans.dump();
    }
    }
    return value.dump();
}

std::vector<std::string> labelsOf(const LabelSchema& schema, const nlohmann::json& value)
{
    std::vector<std::string> names;
    switch (schema.kind) {
    case TaskKind::Single:
    case TaskKind::Multi:
        names = value.at("labels").get<std::vector<std::string>>();
        break;
    case TaskKind::Rating:
        names.push_back(value.at("rating").dump());
        break;
    case TaskKind::Spans:
        for (const auto& span : value.at("spans")) {
            names.push_back(span.at("label").get<std::string>());
        }
        break;
    }
    return names;
}

SampleStats statsFor(const LabelSchema& schema, std::int64_t sample, const std::vector<Vote>& votes)
{
    SampleStats stats;
    stats.sample = sample;
    stats.annotations = static_cast<int>(votes.size());
    nlohmann::json annotators = nlohmann::json::array();
    std::set<std::string> labels;
    std::map<std::string, int> counts;
    for (const auto& vote : votes) {
        annotators.push_back(vote.annotator);
        for (auto& name : labelsOf(schema, vote.value)) {
            labels.insert(std::move(name));
        }
        ++counts[voteKey(schema, vote.value)];
    }
    stats.annotators = annotators.dump();
    stats.labels = nlohmann::json(labels).dump();
    if (votes.empty()) {
        return stats;
    }
    int best = 0;
    for (const auto& [key, count] : counts) {
        if (count > best) { // ties keep the first key in sorted order, so the result is stable
            best = count;
            stats.majority = key;
        }
        const double share = static_cast<double>(count) / static_cast<double>(votes.size());
        stats.entropy -= share * std::log2(share);
    }
    stats.agreement = static_cast<double>(best) / static_cast<double>(votes.size());
    stats.entropy = std::abs(stats.entropy); // -0.0 for a unanimous sample reads oddly
    return stats;
}

} // namespace concord::signals
