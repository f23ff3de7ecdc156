// Kendall's W; see KendallW.hpp and docs/agreement.md.
#include "core/quality/agreement/KendallW.hpp"

#include "core/quality/agreement/CompleteRows.hpp"

#include <algorithm>
#include <numeric>
#include <string>

namespace concord::quality {

namespace {

// Average ranks (1-based) of `scores`; adds sum (t^3 - t) over its tie groups to `ties`.
std::vector<double> averageRanks(const std::vector<double>& scores, double& ties)
{
    const std::size_t n = scores.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    std::vector<double> ranks(n);
    for (std::size_t start = 0; start < n;) {
        std::size_t end = start + 1;
        while (end < n && scores[order[end]] == scores[order[start]]) {
            ++end;
        }
        const double rank = (static_cast<double>(start + end) + 1.0) / 2.0; // mean of start+1 .. end
        for (std::size_t r = start; r < end; ++r) {
            ranks[order[r]] = rank;
        }
        const double t = static_cast<double>(end - start);
        ties += t * t * t - t;
        start = end;
    }
    return ranks;
}

} // namespace

Coefficient kendallW(const RatingTable& table)
{
    const CompleteRows rows = completeRows(table, "kendall-w");
    Coefficient result = coefficientOver(table, rows);
    if (table.ratings.empty()) {
        return result;
    }
    const std::size_t n = rows.rows();
    const std::size_t m = rows.raters;
    if (n < 2 || m < 2) {
        result.undefined = Undefined::NotApplicable;
        result.note = "Kendall's W needs two or more things ranked by every ranker, and two or more rankers; there "
                      "are " +
                      std::to_string(n) + " such things and " + std::to_string(m) + " rankers";
        return result;
    }
    std::vector<double> rankSums(n, 0.0);
    std::vector<double> column(n);
    double ties = 0.0;
    for (std::size_t j = 0; j < m; ++j) {
        for (std::size_t i = 0; i < n; ++i) {
            column[i] = rows.at(i, j);
        }
        const std::vector<double> ranks = averageRanks(column, ties);
        for (std::size_t i = 0; i < n; ++i) {
            rankSums[i] += ranks[i];
        }
    }
    const double nd = static_cast<double>(n);
    const double md = static_cast<double>(m);
    const double meanSum = md * (nd + 1.0) / 2.0;
    double s = 0.0;
    for (const double sum : rankSums) {
        s += (sum - meanSum) * (sum - meanSum);
    }
    const double denominator = md * md * (nd * nd * nd - nd) - md * ties;
    if (!(denominator > 0.0)) {
        result.undefined = Undefined::NoVariation;
        return result;
    }
    result.undefined = Undefined::No;
    result.value = 12.0 * s / denominator;
    return result;
}

} // namespace concord::quality
