// Sparse feature vectors: one vector as a view of sorted bucket indices with their weights, and
// many of them packed in compressed rows (CSR), which keeps a 100,000-sample data set in a few
// large arrays instead of 200,000 small allocations.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace concord::learn {

struct SparseView
{
    std::span<const std::uint32_t> indices; // strictly increasing
    std::span<const float> values;

    std::size_t size() const { return indices.size(); }
};

// Dot product of two sorted sparse vectors (cosine similarity when both are L2-normalised).
double dot(SparseView a, SparseView b);

class SparseRows
{
public:
    SparseRows() { m_offsets.push_back(0); }

    std::size_t rows() const { return m_offsets.size() - 1; }
    std::size_t nonZeros() const { return m_indices.size(); }
    SparseView row(std::size_t i) const
    {
        const std::size_t begin = m_offsets[i];
        const std::size_t count = m_offsets[i + 1] - begin;
        return {std::span<const std::uint32_t>(m_indices).subspan(begin, count),
                std::span<const float>(m_values).subspan(begin, count)};
    }

    // Appends a row from parallel, already sorted and merged, index and value arrays.
    void append(std::span<const std::uint32_t> indices, std::span<const float> values)
    {
        m_indices.insert(m_indices.end(), indices.begin(), indices.end());
        m_values.insert(m_values.end(), values.begin(), values.end());
        m_offsets.push_back(m_indices.size());
    }
    void append(SparseView row) { append(row.indices, row.values); }
    void reserve(std::size_t rows, std::size_t nonZeros)
    {
        m_offsets.reserve(rows + 1);
        m_indices.reserve(nonZeros);
        m_values.reserve(nonZeros);
    }

private:
    std::vector<std::size_t> m_offsets;
    std::vector<std::uint32_t> m_indices;
    std::vector<float> m_values;
};

} // namespace concord::learn
