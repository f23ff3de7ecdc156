#include "core/quality/leaderboard/Comparisons.hpp"

#include "core/util/Error.hpp"

namespace concord::quality {

std::uint32_t ComparisonSetBuilder::newRecord()
{
    return m_records++;
}

std::uint32_t ComparisonSetBuilder::recordNamed(std::string_view key)
{
    const auto [found, added] = m_recordIndex.try_emplace(std::string(key), m_records);
    if (added) {
        ++m_records;
    }
    return found->second;
}

std::uint32_t ComparisonSetBuilder::modelIndex(std::string_view name)
{
    if (name.empty()) {
        throw InputError("a model name is empty");
    }
    if (name.size() > kMaxModelNameBytes) {
        throw InputError("a model name is longer than " + std::to_string(kMaxModelNameBytes) + " bytes");
    }
    const auto found = m_modelIndex.find(std::string(name));
    if (found != m_modelIndex.end()) {
        return found->second;
    }
    if (m_models.size() >= kMaxModels) {
        throw InputError("more than " + std::to_string(kMaxModels) +
                         " models; the leaderboard ranks at most that many");
    }
    const auto index = static_cast<std::uint32_t>(m_models.size());
    m_models.emplace_back(name);
    m_modelIndex.emplace(m_models.back(), index);
    return index;
}

void ComparisonSetBuilder::add(std::uint32_t record, std::string_view modelA, std::string_view modelB, Outcome outcome)
{
    if (modelA == modelB) {
        throw InputError("both sides are the same model '" + std::string(modelA) + "'");
    }
    const std::uint32_t a = modelIndex(modelA);
    const std::uint32_t b = modelIndex(modelB);
    m_comparisons.push_back({a, b, outcome});
    m_recordOf.push_back(record);
}

ComparisonSet ComparisonSetBuilder::build()
{
    // A stable counting sort by record: votes of one record become contiguous, in file order.
    std::vector<std::size_t> count(std::size_t{m_records} + 1, 0);
    for (const std::uint32_t record : m_recordOf) {
        ++count[record + 1];
    }
    ComparisonSet set;
    set.recordStart.push_back(0);
    std::vector<std::size_t> position(m_records, 0);
    std::size_t at = 0;
    for (std::uint32_t record = 0; record < m_records; ++record) {
        position[record] = at;
        at += count[record + 1];
        if (count[record + 1] > 0) {
            set.recordStart.push_back(at);
        }
    }
    set.comparisons.resize(m_comparisons.size());
    for (std::size_t i = 0; i < m_comparisons.size(); ++i) {
        set.comparisons[position[m_recordOf[i]]++] = m_comparisons[i];
    }
    set.models = std::move(m_models);
    *this = ComparisonSetBuilder();
    return set;
}

} // namespace concord::quality
