// How `concord-cli agreement` prints: a readable report (tables of coefficients and
// breakdowns) or JSON with every value at full precision. Undefined values are printed as the
// reason they are undefined, never as NaN.
#pragma once

#include "core/quality/agreement/AgreementData.hpp"
#include "core/quality/agreement/AgreementReport.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <ostream>
#include <string>

namespace concord::cli {

struct OutputOptions
{
    std::string source;   // the project or triples file, for the heading
    int digits = 4;       // decimals in the text report
    std::size_t top = 10; // contested samples to list; 0: all
};

// One coefficient as JSON: {"value": v, "items", "ratings", "excluded_items"} or, when undefined,
// {"value": null, "undefined": "no_variation", "reason": "..."} plus the counts.
nlohmann::json coefficientJson(const quality::Coefficient& coefficient);
nlohmann::json bootstrapJson(const quality::BootstrapInterval& interval, quality::AlphaMetric metric);

nlohmann::json reportJson(const quality::AgreementData& data, const quality::AgreementReport& report,
                          const OutputOptions& options);
void printReport(std::ostream& out, const quality::AgreementData& data, const quality::AgreementReport& report,
                 const OutputOptions& options);

// "0.7434" or "undefined: <reason>".
std::string formatCoefficient(const quality::Coefficient& coefficient, int digits);

} // namespace concord::cli
