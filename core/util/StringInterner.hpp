// Maps strings to dense indices in order of first appearance, the way item, annotator and value
// names become the indices of a RatingTable. Lookups take a string_view, so callers can pass
// views into a read buffer and pay for a copy only the first time a name is seen. It is an
// open-addressing table of indices (no node per name: a million rows of CSV spend their time
// here, and std::unordered_map's allocations and heterogeneous lookup were most of it).
// Consecutive repeats (rows grouped by item) and small vocabularies skip the hash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace concord {

class StringInterner
{
public:
    // The index of `name`, and whether it was seen for the first time.
    std::pair<std::uint32_t, bool> intern(std::string_view name)
    {
        if (m_last < m_names.size() && m_names[m_last] == name) {
            return {m_last, false};
        }
        if (m_names.size() <= kScanLimit) {
            // A handful of names (annotators, labels): comparing them beats hashing.
            for (std::uint32_t index = 0; index < m_names.size(); ++index) {
                if (m_names[index] == name) {
                    m_last = index;
                    return {index, false};
                }
            }
        }
        if (2 * (m_names.size() + 1) > m_slots.size()) {
            grow();
        }
        const std::uint64_t hash = std::hash<std::string_view>{}(name);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
            const std::uint32_t entry = m_slots[slot];
            if (entry == 0) {
                const auto index = static_cast<std::uint32_t>(m_names.size());
                m_names.emplace_back(name);
                m_hashes.push_back(hash);
                m_slots[slot] = index + 1;
                m_last = index;
                return {index, true};
            }
            if (m_hashes[entry - 1] == hash && m_names[entry - 1] == name) {
                m_last = entry - 1;
                return {entry - 1, false};
            }
        }
    }

    std::size_t size() const { return m_names.size(); }
    const std::vector<std::string>& names() const { return m_names; }
    // Hands the names over; the interner is empty afterwards.
    std::vector<std::string> release()
    {
        std::vector<std::string> names = std::move(m_names);
        *this = StringInterner();
        return names;
    }

private:
    static constexpr std::size_t kScanLimit = 8;

    // Doubles the slot array (at most half full keeps probe runs short) and reinserts by the
    // stored hashes, without hashing any name again.
    void grow()
    {
        std::vector<std::uint32_t> slots(m_slots.empty() ? 16 : 2 * m_slots.size(), 0);
        const std::size_t mask = slots.size() - 1;
        for (std::uint32_t index = 0; index < m_names.size(); ++index) {
            std::size_t slot = m_hashes[index] & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = index + 1;
        }
        m_slots = std::move(slots);
    }

    std::vector<std::string> m_names;
    std::vector<std::uint64_t> m_hashes; // per name
    std::vector<std::uint32_t> m_slots;  // index + 1 per slot; 0 is empty
    std::uint32_t m_last = UINT32_MAX;
};

} // namespace concord
