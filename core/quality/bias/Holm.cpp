#include "core/quality/bias/Holm.hpp"

#include <algorithm>
#include <numeric>

namespace concord::quality {

std::vector<double> holmAdjusted(const std::vector<double>& pValues)
{
    const std::size_t m = pValues.size();
    std::vector<std::size_t> order(m);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return pValues[a] < pValues[b]; });
    std::vector<double> adjusted(m, 1.0);
    double running = 0.0; // the step-down keeps the adjusted values monotone
    for (std::size_t j = 0; j < m; ++j) {
        running = std::max(running, std::min(1.0, static_cast<double>(m - j) * pValues[order[j]]));
        adjusted[order[j]] = running;
    }
    return adjusted;
}

} // namespace concord::quality
