// Disjoint sets over indices 0..size-1 with path halving, for grouping records (near-duplicate
// clusters, the duplicate groups a dataset split keeps together).
#pragma once

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

namespace concord {

class UnionFind
{
public:
    explicit UnionFind(std::size_t size) : m_parent(size) { std::iota(m_parent.begin(), m_parent.end(), 0U); }

    std::uint32_t find(std::uint32_t x)
    {
        while (m_parent[x] != x) {
            m_parent[x] = m_parent[m_parent[x]]; // path halving
            x = m_parent[x];
        }
        return x;
    }
    void join(std::uint32_t a, std::uint32_t b)
    {
        a = find(a);
        b = find(b);
        // The smaller index becomes the root, so roots do not depend on the order of joins.
        m_parent[std::max(a, b)] = std::min(a, b);
    }

private:
    std::vector<std::uint32_t> m_parent;
};

} // namespace concord
