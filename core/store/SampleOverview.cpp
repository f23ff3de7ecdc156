// See SampleOverview.hpp.
#include "core/store/SampleOverview.hpp"

#include "core/store/Project.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <unordered_map>

namespace concord::store {

namespace {

// Distinct values get one index each: a project has few (its labels' combinations).
class ValueIndex
{
public:
    explicit ValueIndex(std::vector<std::string>& values) : m_values(values) {}
    std::int32_t of(const std::string& value)
    {
        const auto [it, added] = m_index.try_emplace(value, static_cast<std::int32_t>(m_values.size()));
        if (added) {
            m_values.push_back(value);
        }
        return it->second;
    }

private:
    std::vector<std::string>& m_values;
    std::unordered_map<std::string, std::int32_t> m_index;
};

// The row of `key` at or after `from` (rows and keys both ascend); nullptr when there is none.
SampleOverviewRow* rowAt(std::vector<SampleOverviewRow>& rows, std::size_t& from, std::int64_t key)
{
    while (from < rows.size() && rows[from].key < key) {
        ++from;
    }
    return from < rows.size() && rows[from].key == key ? &rows[from] : nullptr;
}

float highestProbability(const std::string& probabilities)
{
    const auto parsed = nlohmann::json::parse(probabilities, nullptr, false);
    float highest = -1.0F;
    if (parsed.is_object()) {
        for (const auto& [label, p] : parsed.items()) {
            if (p.is_number()) {
                highest = std::max(highest, p.get<float>());
            }
        }
    }
    return highest;
}

} // namespace

SampleOverview computeSampleOverview(Project& project, const std::optional<std::string>& model)
{
    SampleOverview overview;
    ValueIndex values(overview.values);
    auto& db = project.database();

    auto samples = db.prepare("SELECT pk, id FROM samples ORDER BY pk");
    while (samples.step()) {
        SampleOverviewRow row;
        row.key = samples.columnInt(0);
        row.id = samples.columnText(1);
        overview.rows.push_back(std::move(row));
    }

    // Annotations grouped by sample: the count of each value, the most common one kept.
    auto annotations = db.prepare("SELECT sample, value FROM annotations ORDER BY sample");
    std::size_t at = 0;
    std::int64_t current = 0;
    std::map<std::int32_t, std::int32_t> counts;
    const auto finish = [&] {
        if (counts.empty()) {
            return;
        }
        if (SampleOverviewRow* row = rowAt(overview.rows, at, current)) {
            for (const auto& [value, count] : counts) {
                row->annotators += count;
                if (count > row->agreeing) { // ties go to the value seen first (lower index)
                    row->agreeing = count;
                    row->value = value;
                }
            }
        }
        counts.clear();
    };
    while (annotations.step()) {
        const std::int64_t sample = annotations.columnInt(0);
        if (sample != current) {
            finish();
            current = sample;
        }
        ++counts[values.of(annotations.columnText(1))];
    }
    finish();

    at = 0;
    auto resolutions = db.prepare("SELECT sample, value FROM resolutions ORDER BY sample");
    while (resolutions.step()) {
        if (SampleOverviewRow* row = rowAt(overview.rows, at, resolutions.columnInt(0))) {
            row->gold = true;
            row->value = values.of(resolutions.columnText(1));
        }
    }

    overview.model = model;
    if (!overview.model) {
        const auto models = project.predictions().models();
        if (std::find(models.begin(), models.end(), "builtin") != models.end()) {
            overview.model = "builtin";
        } else if (!models.empty()) {
            overview.model = models.front();
        }
    }
    if (overview.model) {
        at = 0;
        auto predictions = db.prepare("SELECT sample, probabilities FROM predictions WHERE model = ? ORDER BY sample");
        predictions.bind(1, *overview.model);
        while (predictions.step()) {
            if (SampleOverviewRow* row = rowAt(overview.rows, at, predictions.columnInt(0))) {
                row->confidence = highestProbability(predictions.columnText(1));
            }
        }
    }
    return overview;
}

} // namespace concord::store
