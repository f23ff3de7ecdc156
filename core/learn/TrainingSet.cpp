// Loading samples and their training labels from a project (see TrainingSet.hpp).
#include "core/learn/TrainingSet.hpp"

#include "core/quality/aggregation/MajorityVote.hpp"
#include "core/quality/agreement/RatingTableBuilder.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace concord::learn {

namespace {

// The class names a stored value stands for ({"labels":[...]} or {"rating":n}).
std::vector<std::string> namesOf(const nlohmann::json& value)
{
    std::vector<std::string> names;
    if (const auto labels = value.find("labels"); labels != value.end() && labels->is_array()) {
        for (const auto& name : *labels) {
            names.push_back(name.get<std::string>());
        }
    } else if (const auto rating = value.find("rating"); rating != value.end() && rating->is_number_integer()) {
        names.push_back(std::to_string(rating->get<long long>()));
    }
    return names;
}

LabelSet toLabelSet(const std::vector<std::string>& names, const std::unordered_map<std::string, std::uint32_t>& index)
{
    LabelSet set;
    for (const auto& name : names) {
        if (const auto found = index.find(name); found != index.end()) {
            set.push_back(found->second);
        }
    }
    std::sort(set.begin(), set.end());
    set.erase(std::unique(set.begin(), set.end()), set.end());
    return set;
}

} // namespace

std::vector<std::string> classNamesFor(const LabelSchema& schema)
{
    switch (schema.kind) {
    case TaskKind::Spans:
        throw InputError("the built-in classifier labels whole samples; this project's task is spans");
    case TaskKind::Rating: {
        std::vector<std::string> names;
        for (int r = schema.ratingMin; r <= schema.ratingMax; ++r) {
            names.push_back(std::to_string(r));
        }
        return names;
    }
    default:
        return schema.labelNames();
    }
}

ModelKind modelKindFor(const LabelSchema& schema)
{
    return schema.kind == TaskKind::Multi ? ModelKind::OneVsRest : ModelKind::Softmax;
}

std::vector<std::size_t> TrainingSet::labeledRows() const
{
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < size(); ++i) {
        if (sources[i] != LabelSource::None) {
            rows.push_back(i);
        }
    }
    return rows;
}

std::vector<std::size_t> TrainingSet::unlabeledRows() const
{
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < size(); ++i) {
        if (sources[i] == LabelSource::None) {
            rows.push_back(i);
        }
    }
    return rows;
}

std::vector<std::uint32_t> TrainingSet::singleLabels(const std::vector<std::size_t>& rows) const
{
    std::vector<std::uint32_t> labelsOut;
    labelsOut.reserve(rows.size());
    for (std::size_t row : rows) {
        labelsOut.push_back(targets[row].empty() ? 0 : targets[row].front());
    }
    return labelsOut;
}

TrainingSet loadTrainingSet(Project& project)
{
    const LabelSchema& schema = project.schema();
    TrainingSet set;
    set.labels = classNamesFor(schema);
    set.kind = modelKindFor(schema);
    std::unordered_map<std::string, std::uint32_t> index;
    for (std::uint32_t i = 0; i < set.labels.size(); ++i) {
        index.emplace(set.labels[i], i);
    }

    std::unordered_map<std::int64_t, std::size_t> rowOf;
    project.samples().forEach([&](const Sample& sample) {
        rowOf.emplace(sample.key, set.keys.size());
        set.keys.push_back(sample.key);
        set.ids.push_back(sample.id);
        set.texts.push_back(sample.text);
    });
    set.targets.assign(set.size(), {});
    set.sources.assign(set.size(), LabelSource::None);

    // Annotators' values, aggregated per sample.
    if (set.kind == ModelKind::OneVsRest) {
        std::map<std::int64_t, std::pair<int, std::vector<int>>> votes; // key -> (annotators, count per label)
        project.annotations().forEach([&](const Annotation& annotation) {
            auto& [annotators, counts] = votes[annotation.sample];
            counts.resize(set.labels.size(), 0);
            ++annotators;
            for (std::uint32_t label : toLabelSet(namesOf(nlohmann::json::parse(annotation.value)), index)) {
                ++counts[label];
            }
        });
        for (const auto& [key, tally] : votes) {
            const std::size_t row = rowOf.at(key);
            for (std::uint32_t label = 0; label < tally.second.size(); ++label) {
                if (2 * tally.second[label] >= tally.first) {
                    set.targets[row].push_back(label);
                }
            }
            set.sources[row] = LabelSource::Aggregated;
        }
    } else {
        quality::RatingTableBuilder builder;
        project.annotations().forEach([&](const Annotation& annotation) {
            const auto names = namesOf(nlohmann::json::parse(annotation.value));
            if (names.size() == 1 && index.count(names.front()) > 0) {
                builder.add(std::to_string(annotation.sample), annotation.annotator, names.front());
            }
        });
        if (builder.rows() > 0) {
            const quality::RatingTable table = builder.build(quality::ValueOrder{set.labels, false});
            const quality::AggregationResult result = quality::majorityVote(table);
            for (std::size_t item = 0; item < table.items.size(); ++item) {
                const auto& estimate = result.items[item];
                if (estimate.value == quality::kNoValue) {
                    continue;
                }
                const std::size_t row = rowOf.at(std::stoll(table.items[item]));
                set.targets[row] = {index.at(table.values[estimate.value])};
                set.sources[row] = LabelSource::Aggregated;
            }
        }
    }

    // Gold values win.
    auto gold = project.database().prepare("SELECT sample, value FROM resolutions");
    while (gold.step()) {
        const auto found = rowOf.find(gold.columnInt(0));
        if (found == rowOf.end()) {
            continue;
        }
        LabelSet labels = toLabelSet(namesOf(nlohmann::json::parse(gold.columnView(1))), index);
        if (set.kind == ModelKind::Softmax && labels.size() != 1) {
            continue; // not a usable single label (cannot happen with a validated value)
        }
        set.targets[found->second] = std::move(labels);
        set.sources[found->second] = LabelSource::Gold;
    }
    return set;
}

} // namespace concord::learn
