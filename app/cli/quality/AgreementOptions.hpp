// The options of `concord-cli agreement`, and what its two parts share: the report of one data
// set (AgreementCommand.cpp) and the report of one question of a project (AgreementQuestion.cpp).
#pragma once

#include "app/cli/quality/AgreementOutput.hpp"
#include "core/feedback/RecordSchema.hpp"
#include "core/quality/agreement/AgreementMetrics.hpp"
#include "core/quality/agreement/AgreementReport.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace concord {
class Project;
}

namespace concord::cli {

struct AgreementOptions
{
    std::string project;
    std::string question;
    std::string triples;
    std::vector<std::string> order;
    bool multi = false;
    std::string metric;
    std::string weights = "quadratic";
    std::string weightsBy = "value";
    bool json = false;
    std::size_t bootstrap = 0;
    std::uint64_t seed = 1;
    double level = 0.95;
    int digits = 4;
    std::size_t top = 10;
};

quality::ReportOptions agreementReportOptions(const AgreementOptions& options);
OutputOptions agreementOutputOptions(const AgreementOptions& options);
// --metric NAME: that coefficient alone (and its interval), without the breakdowns.
void runAgreementMetric(const AgreementOptions& options, const quality::AgreementData& data, quality::Metric metric);
// The agreement on one question of a project, with its suggestions' agreement when it has any.
void runQuestionAgreement(const AgreementOptions& options, Project& project, const Question& question,
                          const std::optional<quality::Metric>& metric);

} // namespace concord::cli
