// Shrout & Fleiss intraclass correlations; see IntraclassCorrelation.hpp and docs/agreement.md.
#include "core/quality/agreement/IntraclassCorrelation.hpp"

#include <string>

namespace concord::quality {

namespace {

std::string metricName(IccModel model, IccUnit unit)
{
    const char* number = model == IccModel::OneWay ? "1" : model == IccModel::TwoWayRandom ? "2" : "3";
    return std::string("icc") + number + (unit == IccUnit::Average ? "k" : "");
}

} // namespace

IccMeanSquares iccMeanSquares(const CompleteRows& rows)
{
    IccMeanSquares squares;
    const std::size_t n = rows.rows();
    const std::size_t k = rows.raters;
    squares.n = n;
    squares.k = k;
    std::vector<double> itemMean(n, 0.0);
    std::vector<double> raterMean(k, 0.0);
    double grand = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < k; ++j) {
            itemMean[i] += rows.at(i, j);
            raterMean[j] += rows.at(i, j);
        }
        grand += itemMean[i];
    }
    const double nd = static_cast<double>(n);
    const double kd = static_cast<double>(k);
    grand /= nd * kd;
    double betweenItems = 0.0;
    for (double& mean : itemMean) {
        mean /= kd;
        betweenItems += (mean - grand) * (mean - grand);
    }
    betweenItems *= kd;
    double betweenRaters = 0.0;
    for (double& mean : raterMean) {
        mean /= nd;
        betweenRaters += (mean - grand) * (mean - grand);
    }
    betweenRaters *= nd;
    // The residual from deviations, not from total minus the rest, so that it cannot come out
    // slightly negative by cancellation.
    double residual = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < k; ++j) {
            const double e = rows.at(i, j) - itemMean[i] - raterMean[j] + grand;
            residual += e * e;
        }
    }
    squares.items = betweenItems / (nd - 1.0);
    squares.annotators = betweenRaters / (kd - 1.0);
    squares.residual = residual / ((nd - 1.0) * (kd - 1.0));
    squares.within = (betweenRaters + residual) / (nd * (kd - 1.0));
    return squares;
}

Coefficient intraclassCorrelation(const RatingTable& table, IccModel model, IccUnit unit)
{
    const CompleteRows rows = completeRows(table, metricName(model, unit));
    Coefficient result = coefficientOver(table, rows);
    if (table.ratings.empty()) {
        return result;
    }
    if (rows.rows() < 2 || rows.raters < 2) {
        result.undefined = Undefined::NotApplicable;
        result.note = "an intraclass correlation needs two or more items rated by every annotator, and two or more "
                      "annotators; there are " +
                      std::to_string(rows.rows()) + " such items and " + std::to_string(rows.raters) + " annotators";
        return result;
    }
    const IccMeanSquares ms = iccMeanSquares(rows);
    const double k = static_cast<double>(ms.k);
    const double n = static_cast<double>(ms.n);
    const double single = unit == IccUnit::Single ? k - 1.0 : 0.0;
    double numerator = 0.0;
    double denominator = 0.0;
    switch (model) {
    case IccModel::OneWay:
        numerator = ms.items - ms.within;
        denominator = ms.items + single * ms.within;
        break;
    case IccModel::TwoWayRandom:
        numerator = ms.items - ms.residual;
        denominator =
            ms.items + single * ms.residual + (unit == IccUnit::Single ? k : 1.0) * (ms.annotators - ms.residual) / n;
        break;
    case IccModel::TwoWayMixed:
        numerator = ms.items - ms.residual;
        denominator = ms.items + single * ms.residual;
        break;
    }
    if (!(denominator != 0.0)) {
        result.undefined = Undefined::NoVariation;
        return result;
    }
    result.undefined = Undefined::No;
    result.value = numerator / denominator;
    return result;
}

} // namespace concord::quality
