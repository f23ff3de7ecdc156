// concord-cli check: the integrity checks as a report grouped by check, or as JSON; with
// --strict, exit code 5 when any finding is an error, so that a pipeline can stop on bad data.
#include "app/cli/Commands.hpp"
#include "app/cli/ExitCodes.hpp"
#include "app/cli/store/StoreSnapshot.hpp"
#include "core/quality/integrity/Integrity.hpp"
#include "core/store/Project.hpp"

#include <array>
#include <iostream>

namespace concord::cli {

namespace {

constexpr std::size_t kFindingsShown = 10; // per check, in the text report
constexpr std::size_t kIdsShown = 5;       // per finding

struct CheckCliOptions
{
    std::string project;
    bool json = false;
    bool strict = false;
    std::vector<std::string> only;
    double nearThreshold = 0.7;
    double biasAlpha = 0.05;
    double nearIdentical = 0.9;
};

std::string withThousands(std::size_t value)
{
    // Built by appending: GCC 12 mis-warns (-Wrestrict) about std::string::insert at -O3.
    const std::string digits = std::to_string(value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            out += ',';
        }
        out += digits[i];
    }
    return out;
}

std::string counted(std::size_t count, const std::string& one, const std::string& many)
{
    return withThousands(count) + " " + (count == 1 ? one : many);
}

void printReport(const std::string& path, std::int64_t samples, const std::vector<quality::Finding>& findings,
                 const std::array<std::size_t, 3>& bySeverity)
{
    std::cout << "Checked " << path << " (" << counted(static_cast<std::size_t>(samples), "sample", "samples")
              << "): " << counted(bySeverity[0], "error", "errors") << ", "
              << counted(bySeverity[1], "warning", "warnings") << ", " << withThousands(bySeverity[2]) << " info\n";
    if (findings.empty()) {
        std::cout << "No problems found.\n";
        return;
    }
    // Findings arrive grouped by check; print each group under a heading.
    for (std::size_t start = 0; start < findings.size();) {
        std::size_t end = start;
        std::size_t sampleCount = 0;
        while (end < findings.size() && findings[end].check == findings[start].check) {
            sampleCount += findings[end].sampleIds.size();
            ++end;
        }
        std::cout << '\n'
                  << findings[start].check << ": " << counted(end - start, "finding", "findings") << ", "
                  << counted(sampleCount, "sample", "samples") << '\n';
        for (std::size_t f = start; f < end && f < start + kFindingsShown; ++f) {
            const auto& finding = findings[f];
            std::cout << "  " << quality::toString(finding.severity) << ": " << finding.message << '\n';
            if (finding.sampleIds.empty()) {
                continue; // a finding about the whole data (an overall bias)
            }
            std::cout << "    samples:";
            for (std::size_t i = 0; i < finding.sampleIds.size() && i < kIdsShown; ++i) {
                std::cout << (i == 0 ? " " : ", ") << finding.sampleIds[i];
            }
            if (finding.sampleIds.size() > kIdsShown) {
                std::cout << " and " << withThousands(finding.sampleIds.size() - kIdsShown) << " more";
            }
            std::cout << '\n';
        }
        if (end - start > kFindingsShown) {
            std::cout << "  ... and " << counted(end - start - kFindingsShown, "more finding", "more findings")
                      << " (--json lists them all)\n";
        }
        start = end;
    }
}

void run(const CheckCliOptions& options)
{
    auto project = Project::open(options.project);
    quality::CheckOptions checkOptions;
    checkOptions.only = options.only;
    checkOptions.nearDuplicateThreshold = options.nearThreshold;
    checkOptions.biasAlpha = options.biasAlpha;
    checkOptions.nearIdenticalThreshold = options.nearIdentical;
    const auto findings = quality::runChecks(*project, checkOptions);
    const std::int64_t samples = project->samples().count();

    std::array<std::size_t, 3> bySeverity{0, 0, 0};
    for (const auto& finding : findings) {
        ++bySeverity[static_cast<std::size_t>(finding.severity)];
    }
    if (options.json) {
        nlohmann::json json = {{"project", options.project}, {"samples", samples},
                               {"errors", bySeverity[0]},    {"warnings", bySeverity[1]},
                               {"info", bySeverity[2]},      {"findings", nlohmann::json::array()}};
        for (const auto& finding : findings) {
            json["findings"].push_back({{"check", finding.check},
                                        {"severity", std::string(quality::toString(finding.severity))},
                                        {"message", finding.message},
                                        {"samples", finding.sampleIds}});
        }
        std::cout << json.dump(2) << '\n';
    } else {
        printReport(options.project, samples, findings, bySeverity);
    }
    if (options.strict && bySeverity[0] > 0) {
        std::cout.flush();
        std::cerr << "check --strict: " << counted(bySeverity[0], "error", "errors") << " found\n";
        throw CLI::RuntimeError(kCheckFoundErrors);
    }
}

} // namespace

void addCheckCommand(CLI::App& app)
{
    auto options = std::make_shared<CheckCliOptions>();
    auto* command = app.add_subcommand("check", "Check a project's data: empty or broken texts, duplicates, labels "
                                                "the schema refuses, thin coverage, doubtful annotators, and "
                                                "position and length bias in preferences");
    auto store = std::make_shared<StoreProjectOptions>();
    command->add_option("project", options->project, "Project file");
    addStoreProjectOptions(*command, *store);
    command->add_flag("--json", options->json, "Print JSON (every finding with all its sample ids)");
    command->add_flag("--strict", options->strict, "Exit with code 5 when any finding is an error");
    std::string ids;
    for (const auto& id : quality::checkIds()) {
        ids += (ids.empty() ? "" : ", ") + id;
    }
    command->add_option("--only", options->only, "Run only this check (repeatable): " + ids)
        ->check(CLI::IsMember(quality::checkIds()));
    command
        ->add_option("--near-threshold", options->nearThreshold,
                     "Word-pair (Jaccard) similarity from which two texts count as near duplicates")
        ->check(CLI::Range(0.05, 1.0))
        ->capture_default_str();
    command
        ->add_option("--bias-alpha", options->biasAlpha,
                     "Preferences: the p-value (Holm-adjusted across annotators) below which a position or "
                     "length bias is flagged")
        ->check(CLI::Range(1e-12, 0.5))
        ->capture_default_str();
    command
        ->add_option("--near-identical", options->nearIdentical,
                     "Preferences: word-pair similarity from which a record's two responses are near-identical")
        ->check(CLI::Range(0.05, 1.0))
        ->capture_default_str();
    command->callback([options, store] {
        const auto snapshot = projectFileFor(options->project, *store);
        run(*options);
    });
}

} // namespace concord::cli
