// How the dashboard writes the core's numbers: coefficients with three decimals, an undefined
// one as the core's reason, a bootstrap interval with its level and resamples.
#pragma once

#include "core/quality/agreement/AlphaBootstrap.hpp"
#include "core/quality/agreement/Coefficient.hpp"

#include <QString>

namespace concord::gui {

inline QString number(double value)
{
    return QString::number(value, 'f', 3);
}

inline QString words(const quality::Coefficient& coefficient)
{
    return QString::fromStdString(coefficient.reason());
}

// "95% interval 0.412 to 0.530 (bootstrap, 1,000 resamples of the samples)"; a defined interval.
inline QString bootstrapText(const quality::BootstrapInterval& interval, const QString& of)
{
    return QStringLiteral("%1% interval %2 to %3 (bootstrap, %L4 resamples of the %5)")
        .arg(qRound(interval.level * 100))
        .arg(number(interval.lower), number(interval.upper))
        .arg(interval.replicates)
        .arg(of);
}

} // namespace concord::gui
