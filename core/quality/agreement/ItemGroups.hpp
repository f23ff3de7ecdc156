// The ratings of a RatingTable grouped by item (a compressed index: offsets plus rating
// indices), and the count of each value within one item. Every per-item statistic (alpha's
// coincidences, Fleiss, percent agreement, how contested a sample is) walks these.
#pragma once

#include "core/quality/agreement/RatingTable.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace concord::quality {

struct ItemGroups
{
    std::vector<std::uint32_t> start;   // size items + 1: item i's ratings are [start[i], start[i+1])
    std::vector<std::uint32_t> ratings; // indices into RatingTable::ratings

    std::size_t itemCount() const { return start.empty() ? 0 : start.size() - 1; }
    std::uint32_t size(std::uint32_t item) const { return start[item + 1] - start[item]; }
    std::span<const std::uint32_t> of(std::uint32_t item) const
    {
        return {ratings.data() + start[item], ratings.data() + start[item + 1]};
    }
};

// O(ratings + items), by counting sort; the order within an item is the table's.
ItemGroups groupByItem(const RatingTable& table);

// Counts the values of one item at a time in a scratch array the size of the value set, and
// remembers which values it touched so that clearing costs only what was counted.
class ValueCounter
{
public:
    explicit ValueCounter(std::size_t values) : m_count(values, 0) {}

    void count(const RatingTable& table, std::span<const std::uint32_t> ratings)
    {
        clear();
        for (const std::uint32_t r : ratings) {
            const std::uint32_t value = table.ratings[r].value;
            if (m_count[value]++ == 0) {
                m_touched.push_back(value);
            }
        }
    }
    void clear()
    {
        for (const std::uint32_t value : m_touched) {
            m_count[value] = 0;
        }
        m_touched.clear();
    }
    // The distinct values counted, in order of first appearance, and each one's count.
    const std::vector<std::uint32_t>& values() const { return m_touched; }
    std::uint32_t operator[](std::uint32_t value) const { return m_count[value]; }

private:
    std::vector<std::uint32_t> m_count;
    std::vector<std::uint32_t> m_touched;
};

} // namespace concord::quality
