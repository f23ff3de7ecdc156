// The samples an export writes when a signal selects some: a walk beside the samples' scan over
// keys in ascending order, so that each sample is checked without a lookup.
#pragma once

#include <cstdint>
#include <vector>

namespace concord::io {

class KeySelection
{
public:
    // `only` null: every sample is wanted.
    explicit KeySelection(const std::vector<std::int64_t>* only) : m_only(only) {}

    // Keys must be asked in ascending order.
    bool wants(std::int64_t key)
    {
        if (m_only == nullptr) {
            return true;
        }
        while (m_next < m_only->size() && (*m_only)[m_next] < key) {
            ++m_next;
        }
        return m_next < m_only->size() && (*m_only)[m_next] == key;
    }

private:
    const std::vector<std::int64_t>* m_only;
    std::size_t m_next = 0;
};

} // namespace concord::io
