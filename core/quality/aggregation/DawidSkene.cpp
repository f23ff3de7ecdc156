// Dawid–Skene by expectation–maximisation, as described in DawidSkene.hpp.
#include "core/quality/aggregation/DawidSkene.hpp"

#include "core/util/Error.hpp"

#include <algorithm>
#include <cmath>

namespace concord::quality {

namespace {

// Two posteriors closer than this are a tie: EM on symmetric evidence converges to equal
// values only up to rounding.
constexpr double kTieEpsilon = 1e-9;

class Model
{
public:
    Model(const RatingTable& table, const DawidSkeneOptions& options)
        : m_grouped(ItemRatings::of(table)), m_items(table.items.size()), m_values(table.values.size()),
          m_annotators(table.annotators.size()), m_smoothing(options.smoothing), m_posterior(m_items * m_values, 0.0),
          m_prior(m_values, 0.0), m_logConfusion(m_annotators * m_values * m_values, 0.0)
    {
        if (!(options.smoothing > 0.0) || !(options.tolerance > 0.0) || options.maxIterations < 1) {
            throw InputError("Dawid-Skene: smoothing and tolerance must be positive and iterations at least 1");
        }
        initialiseFromVotes();
    }

    // One M-step and one E-step; returns the largest change of any posterior.
    double iterate()
    {
        maximise();
        return expect();
    }

    AggregationResult result() const;

private:
    std::uint32_t votes(std::size_t item) const { return m_grouped.begin[item + 1] - m_grouped.begin[item]; }
    double* posterior(std::size_t item) { return m_posterior.data() + item * m_values; }
    const double* posterior(std::size_t item) const { return m_posterior.data() + item * m_values; }

    void initialiseFromVotes()
    {
        for (std::size_t item = 0; item < m_items; ++item) {
            const std::uint32_t n = votes(item);
            for (std::uint32_t r = m_grouped.begin[item]; r < m_grouped.begin[item + 1]; ++r) {
                posterior(item)[m_grouped.ratings[r].value] += 1.0 / n;
            }
        }
    }

    void maximise()
    {
        std::vector<double> confusion(m_annotators * m_values * m_values, m_smoothing);
        std::fill(m_prior.begin(), m_prior.end(), m_smoothing);
        for (std::size_t item = 0; item < m_items; ++item) {
            if (votes(item) == 0) {
                continue;
            }
            const double* p = posterior(item);
            for (std::size_t k = 0; k < m_values; ++k) {
                m_prior[k] += p[k];
            }
            for (std::uint32_t r = m_grouped.begin[item]; r < m_grouped.begin[item + 1]; ++r) {
                const Rating& rating = m_grouped.ratings[r];
                double* matrix = confusion.data() + rating.annotator * m_values * m_values;
                for (std::size_t k = 0; k < m_values; ++k) {
                    matrix[k * m_values + rating.value] += p[k];
                }
            }
        }
        double priorTotal = 0.0;
        for (double count : m_prior) {
            priorTotal += count;
        }
        for (double& prior : m_prior) {
            prior /= priorTotal;
        }
        for (std::size_t row = 0; row < m_annotators * m_values; ++row) {
            double total = 0.0;
            for (std::size_t l = 0; l < m_values; ++l) {
                total += confusion[row * m_values + l];
            }
            for (std::size_t l = 0; l < m_values; ++l) {
                m_logConfusion[row * m_values + l] = std::log(confusion[row * m_values + l] / total);
            }
        }
    }

    double expect()
    {
        std::vector<double> logPosterior(m_values);
        std::vector<double> logPrior(m_values);
        std::transform(m_prior.begin(), m_prior.end(), logPrior.begin(), [](double p) { return std::log(p); });
        double change = 0.0;
        for (std::size_t item = 0; item < m_items; ++item) {
            if (votes(item) == 0) {
                continue;
            }
            logPosterior = logPrior;
            for (std::uint32_t r = m_grouped.begin[item]; r < m_grouped.begin[item + 1]; ++r) {
                const Rating& rating = m_grouped.ratings[r];
                const double* matrix = m_logConfusion.data() + rating.annotator * m_values * m_values;
                for (std::size_t k = 0; k < m_values; ++k) {
                    logPosterior[k] += matrix[k * m_values + rating.value];
                }
            }
            // Subtracting the maximum before exponentiating keeps many votes from underflowing.
            const double top = *std::max_element(logPosterior.begin(), logPosterior.end());
            double total = 0.0;
            for (double& value : logPosterior) {
                value = std::exp(value - top);
                total += value;
            }
            double* p = posterior(item);
            for (std::size_t k = 0; k < m_values; ++k) {
                const double updated = logPosterior[k] / total;
                change = std::max(change, std::abs(updated - p[k]));
                p[k] = updated;
            }
        }
        return change;
    }

    ItemRatings m_grouped;
    std::size_t m_items;
    std::size_t m_values;
    std::size_t m_annotators;
    double m_smoothing;
    std::vector<double> m_posterior;    // items × values
    std::vector<double> m_prior;        // values
    std::vector<double> m_logConfusion; // annotators × values × values
};

AggregationResult Model::result() const
{
    AggregationResult result;
    result.method = AggregationMethod::DawidSkene;
    result.items.resize(m_items);
    result.annotators.resize(m_annotators);
    result.classPriors = m_prior;
    result.confusion.assign(m_annotators, std::vector<double>(m_values * m_values));
    for (std::size_t a = 0; a < m_annotators; ++a) {
        for (std::size_t cell = 0; cell < m_values * m_values; ++cell) {
            result.confusion[a][cell] = std::exp(m_logConfusion[a * m_values * m_values + cell]);
        }
    }

    std::vector<double> correct(m_annotators, 0.0);
    for (std::size_t item = 0; item < m_items; ++item) {
        ItemEstimate& estimate = result.items[item];
        estimate.votes = votes(item);
        if (estimate.votes == 0) {
            continue;
        }
        const double* p = posterior(item);
        // max_element returns the first maximum: the lowest value index, as the tie rule says.
        const auto best = static_cast<std::size_t>(std::max_element(p, p + m_values) - p);
        estimate.value = static_cast<std::uint32_t>(best);
        estimate.confidence = p[best];
        for (std::size_t k = 0; k < m_values; ++k) {
            estimate.tied = estimate.tied || (k != best && p[best] - p[k] <= kTieEpsilon);
        }
        for (std::uint32_t r = m_grouped.begin[item]; r < m_grouped.begin[item + 1]; ++r) {
            const Rating& rating = m_grouped.ratings[r];
            ++result.annotators[rating.annotator].labels;
            correct[rating.annotator] += p[rating.value];
        }
    }
    for (std::size_t a = 0; a < m_annotators; ++a) {
        const auto labels = result.annotators[a].labels;
        result.annotators[a].accuracy = labels > 0 ? correct[a] / labels : std::nan("");
    }
    return result;
}

} // namespace

AggregationResult dawidSkene(const RatingTable& table, const DawidSkeneOptions& options)
{
    Model model(table, options);
    int iterations = 0;
    bool converged = false;
    while (iterations < options.maxIterations && !converged) {
        ++iterations;
        converged = model.iterate() < options.tolerance;
    }
    AggregationResult result = model.result();
    result.iterations = iterations;
    result.converged = converged;
    return result;
}

} // namespace concord::quality
