// concord-cli agreement: how far the annotators agree, on a project or on a CSV of
// item,annotator,value rows (--triples), as a readable report or JSON.
#include "app/cli/Commands.hpp"
#include "app/cli/quality/AgreementOptions.hpp"
#include "app/cli/quality/AgreementOutput.hpp"
#include "app/cli/store/StoreSnapshot.hpp"
#include "core/quality/agreement/AgreementReport.hpp"
#include "core/quality/agreement/ProjectRatings.hpp"
#include "core/quality/agreement/TriplesCsv.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <iostream>

namespace concord::cli {

namespace {

quality::AgreementData load(const AgreementOptions& options)
{
    if (!options.project.empty()) {
        auto project = Project::open(options.project);
        return quality::loadProjectRatings(*project);
    }
    if (options.multi) {
        // --order names the labels here; the values are sets of them.
        const quality::RatingTable table = quality::loadTriplesCsv(options.triples);
        quality::AgreementData data;
        data.kind = quality::DataKind::Sets;
        data.sets = quality::setRatingsFromSeparated(table, ';', options.order);
        data.table = data.sets->table;
        return data;
    }
    quality::ValueOrder order;
    order.listed = options.order;
    return quality::dataFromTable(quality::loadTriplesCsv(options.triples, order));
}

// What the left-out items lack: a second rating, or (for the statistics of complete data) a
// rating from every annotator.
std::string excludedPhrase(quality::Metric metric)
{
    switch (metric) {
    case quality::Metric::KendallW:
    case quality::Metric::Icc1:
    case quality::Metric::Icc2:
    case quality::Metric::Icc3:
    case quality::Metric::Icc1k:
    case quality::Metric::Icc2k:
    case quality::Metric::Icc3k:
        return "items without a rating from every annotator left out";
    default:
        return "items that cannot be paired left out";
    }
}

quality::MetricOptions metricOptions(const AgreementOptions& options)
{
    quality::MetricOptions result;
    result.weights = options.weights == "linear" ? quality::KappaWeights::Linear : quality::KappaWeights::Quadratic;
    result.scale = options.weightsBy == "rank" ? quality::WeightScale::Rank : quality::WeightScale::Value;
    return result;
}

} // namespace

// --metric NAME: that coefficient alone (and its interval), without the breakdowns.
void runAgreementMetric(const AgreementOptions& options, const quality::AgreementData& data, quality::Metric metric)
{
    const quality::Coefficient coefficient = quality::computeMetric(data, metric, metricOptions(options));
    std::optional<quality::BootstrapInterval> interval;
    const auto alpha = quality::alphaMetricOf(metric);
    if (options.bootstrap > 0) {
        if (!alpha) {
            throw InputError("--bootstrap gives an interval for alpha-nominal, alpha-ordinal, alpha-interval and "
                             "alpha-ratio, not for " +
                             std::string(quality::infoOf(metric).name));
        }
        interval = quality::bootstrapAlpha(data.table, *alpha, options.bootstrap, options.seed, options.level);
    }
    const std::string name(quality::infoOf(metric).name);
    if (options.json) {
        nlohmann::json json = coefficientJson(coefficient);
        json["metric"] = name;
        json["source"] = options.project.empty() ? options.triples : options.project;
        if (interval) {
            json["bootstrap"] = bootstrapJson(*interval, *alpha);
        }
        std::cout << json.dump(2) << '\n';
        return;
    }
    std::cout << name << "  " << formatCoefficient(coefficient, options.digits);
    if (coefficient.defined()) {
        std::cout << "  (" << quality::infoOf(metric).title << "; " << coefficient.items << " items, "
                  << coefficient.ratings << " ratings";
        if (coefficient.excludedItems > 0) {
            std::cout << "; " << coefficient.excludedItems << " " << excludedPhrase(metric);
        }
        if (!coefficient.note.empty()) {
            std::cout << "; " << coefficient.note;
        }
        std::cout << ")";
    }
    std::cout << '\n';
    if (interval) {
        std::cout << name << "  " << std::fixed << std::setprecision(0) << 100 * interval->level << "% interval ";
        std::cout.unsetf(std::ios::floatfield);
        if (interval->defined()) {
            std::cout << formatCoefficient(quality::Coefficient::of(interval->lower), options.digits) << " to "
                      << formatCoefficient(quality::Coefficient::of(interval->upper), options.digits);
        } else {
            std::cout << "undefined: alpha was undefined on every resample";
        }
        std::cout << " (bootstrap, " << interval->replicates << " resamples of items, seed " << interval->seed << ")\n";
    }
}

quality::ReportOptions agreementReportOptions(const AgreementOptions& options)
{
    quality::ReportOptions result;
    result.metricOptions = metricOptions(options);
    result.bootstrap = options.bootstrap;
    result.seed = options.seed;
    result.level = options.level;
    return result;
}

OutputOptions agreementOutputOptions(const AgreementOptions& options)
{
    OutputOptions output;
    output.source = options.project.empty() ? options.triples : options.project;
    output.digits = options.digits;
    output.top = options.top;
    return output;
}

namespace {

// Under a readable report only: JSON stays one document.
void printHint(const AgreementOptions& options, const std::string& hint)
{
    if (!hint.empty() && !options.json) {
        std::cout << '\n' << hint << '\n';
    }
}

void run(const AgreementOptions& options)
{
    if (options.project.empty() == options.triples.empty()) {
        throw CLI::ValidationError("agreement", "give either a PROJECT or --triples FILE.csv, not both");
    }
    if (!options.order.empty() && options.triples.empty()) {
        throw CLI::ValidationError("--order", "--order applies to --triples (a project takes its schema's order)");
    }
    if (options.multi && options.triples.empty()) {
        throw CLI::ValidationError("--multi", "--multi applies to --triples (a project knows its task kind)");
    }
    if (!options.question.empty() && options.project.empty()) {
        throw CLI::ValidationError("--question", "--question applies to a PROJECT (a triples file is one question)");
    }
    // Parse the name before reading a large file, so that a typo fails at once.
    std::optional<quality::Metric> metric;
    if (!options.metric.empty()) {
        metric = quality::metricFromName(options.metric);
    }
    std::string hint;
    if (!options.project.empty()) {
        auto project = Project::open(options.project);
        const RecordSchema& schema = project->recordSchema();
        if (options.question.empty() && schema.questions.size() > 1) {
            hint = "This is the first of the project's questions (" + schema.questionNames() +
                   "); --question NAME reports another.";
        }
        // A first question that a label schema cannot ask has no report of today's kinds.
        if (!options.question.empty() || !schema.primary().asksLabels()) {
            runQuestionAgreement(options, *project,
                                 options.question.empty() ? schema.primary() : schema.question(options.question),
                                 metric);
            printHint(options, hint);
            return;
        }
    }
    const quality::AgreementData data = load(options);
    if (metric) {
        runAgreementMetric(options, data, *metric);
    } else if (options.json) {
        std::cout << reportJson(data, quality::buildReport(data, agreementReportOptions(options)),
                                agreementOutputOptions(options))
                         .dump(2)
                  << '\n';
    } else {
        printReport(std::cout, data, quality::buildReport(data, agreementReportOptions(options)),
                    agreementOutputOptions(options));
    }
    printHint(options, hint);
}

std::string metricHelp()
{
    std::string names;
    for (const auto& info : quality::allMetrics()) {
        names += (names.empty() ? "" : ", ") + std::string(info.name);
    }
    return "Print this coefficient alone: " + names;
}

} // namespace

void addAgreementCommand(CLI::App& app)
{
    auto options = std::make_shared<AgreementOptions>();
    auto* command = app.add_subcommand(
        "agreement", "Measure inter-annotator agreement on a project, or on a CSV of item,annotator,value rows");
    auto store = std::make_shared<StoreProjectOptions>();
    command->add_option("project", options->project, "Project file");
    addStoreProjectOptions(*command, *store);
    command->add_option("--question", options->question,
                        "With a PROJECT: the question to measure (default: the first); preference, ranking and text "
                        "questions get their own statistics, and a question with suggestions adds each agent's "
                        "agreement with the annotators' majority");
    command->add_option("--triples", options->triples,
                        "CSV with a header row item,annotator,value (an empty value is missing), instead of a project");
    command
        ->add_option("--order", options->order,
                     "With --triples: the values in order, e.g. low,mid,high (default: numeric order when every "
                     "value is a number, else order of first appearance); with --multi: the labels")
        ->delimiter(',');
    command->add_flag("--multi", options->multi, "With --triples: each value is a set of labels written a;b");
    command->add_option("--metric", options->metric, metricHelp());
    command
        ->add_option("--weights", options->weights,
                     "Weights of gwet-ac2: linear or quadratic (default quadratic), on the values' numbers, else "
                     "their positions in the value order")
        ->check(CLI::IsMember({"linear", "quadratic"}));
    command
        ->add_option("--weights-by", options->weightsBy,
                     "Where weighted kappa (cohen-linear, cohen-quadratic) and gwet-ac2 put a numeric value: value "
                     "(its number, the default) or rank (its position among the values seen, as scikit-learn, "
                     "statsmodels and R's irr do)")
        ->check(CLI::IsMember({"value", "rank"}));
    command->add_flag("--json", options->json, "Print JSON, values at full precision");
    command->add_option("--bootstrap", options->bootstrap,
                        "Resamples of items for a percentile confidence interval of alpha (0: none)");
    command->add_option("--seed", options->seed, "Seed of the bootstrap (default 1)");
    command->add_option("--level", options->level, "Confidence level of the interval (default 0.95)")
        ->check(CLI::Range(0.5, 0.999));
    command->add_option("--digits", options->digits, "Decimals in the readable report (default 4)")
        ->check(CLI::Range(1, 17));
    command->add_option("--top", options->top, "Contested samples to list (default 10; 0: all)");
    command->callback([options, store] {
        // Without a project (file or store) it measures a CSV given with --triples.
        const auto snapshot =
            store->store.empty() && store->project.empty() ? nullptr : projectFileFor(options->project, *store);
        run(*options);
    });
}

} // namespace concord::cli
