// Sparse dot product by merging the two sorted index lists.
#include "core/learn/SparseRows.hpp"

namespace concord::learn {

double dot(SparseView a, SparseView b)
{
    double sum = 0.0;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        if (a.indices[i] < b.indices[j]) {
            ++i;
        } else if (a.indices[i] > b.indices[j]) {
            ++j;
        } else {
            sum += static_cast<double>(a.values[i]) * b.values[j];
            ++i;
            ++j;
        }
    }
    return sum;
}

} // namespace concord::learn
