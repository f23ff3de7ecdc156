// A samples × labels matrix of probabilities (row-major), the common currency of prediction,
// ranking, evaluation and label-error finding. Single-label rows sum to 1; multi-label rows
// hold one independent probability per label.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace concord::learn {

// The labels a sample has, as indices into the label list (exactly one for single-label).
using LabelSet = std::vector<std::uint32_t>;

class Probabilities
{
public:
    Probabilities() = default;
    Probabilities(std::size_t rows, std::size_t cols) : m_cols(cols), m_values(rows * cols, 0.0) {}

    std::size_t rows() const { return m_cols == 0 ? 0 : m_values.size() / m_cols; }
    std::size_t cols() const { return m_cols; }
    std::span<double> row(std::size_t i) { return std::span<double>(m_values).subspan(i * m_cols, m_cols); }
    std::span<const double> row(std::size_t i) const
    {
        return std::span<const double>(m_values).subspan(i * m_cols, m_cols);
    }
    double operator()(std::size_t i, std::size_t k) const { return m_values[i * m_cols + k]; }
    double& operator()(std::size_t i, std::size_t k) { return m_values[i * m_cols + k]; }

private:
    std::size_t m_cols = 0;
    std::vector<double> m_values;
};

// Index of the largest value (the first on ties, so results do not depend on anything else).
inline std::uint32_t argmax(std::span<const double> values)
{
    std::uint32_t best = 0;
    for (std::uint32_t k = 1; k < values.size(); ++k) {
        if (values[k] > values[best]) {
            best = k;
        }
    }
    return best;
}

} // namespace concord::learn
