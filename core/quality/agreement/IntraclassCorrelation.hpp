// The intraclass correlations of Shrout & Fleiss (1979), "Intraclass correlations: uses in
// assessing rater reliability", from the mean squares of a two-way ANOVA of items (targets) by
// annotators (judges) on numeric ratings. Complete data only: an item some annotator did not
// rate is left out and counted in `excludedItems` (psych::ICC on na.omit of the data).
#pragma once

#include "core/quality/agreement/Coefficient.hpp"
#include "core/quality/agreement/CompleteRows.hpp"
#include "core/quality/agreement/RatingTable.hpp"

namespace concord::quality {

enum class IccModel
{
    OneWay,       // ICC(1,*): each item rated by its own random annotators
    TwoWayRandom, // ICC(2,*): random annotators, absolute agreement
    TwoWayMixed   // ICC(3,*): these annotators, consistency
};

enum class IccUnit
{
    Single, // ICC(*,1): the reliability of one annotator's rating
    Average // ICC(*,k): the reliability of the mean of the k annotators' ratings
};

struct IccMeanSquares
{
    double items = 0.0;      // BMS: between items (targets)
    double annotators = 0.0; // JMS: between annotators (judges)
    double residual = 0.0;   // EMS
    double within = 0.0;     // WMS: within items (one-way)
    std::size_t n = 0;       // items
    std::size_t k = 0;       // annotators
};

// Needs n >= 2 and k >= 2.
IccMeanSquares iccMeanSquares(const CompleteRows& rows);

// ICC(1,1) = (BMS - WMS) / (BMS + (k-1) WMS); ICC(2,1) = (BMS - EMS) / (BMS + (k-1) EMS +
// k (JMS - EMS) / n); ICC(3,1) = (BMS - EMS) / (BMS + (k-1) EMS); the average forms drop the
// (k-1) terms and divide k (JMS - EMS) / n by k. Undefined with fewer than two complete items or
// two annotators, and when the denominator is zero (no variation). InputError naming a value
// that is not a number.
Coefficient intraclassCorrelation(const RatingTable& table, IccModel model, IccUnit unit);

} // namespace concord::quality
