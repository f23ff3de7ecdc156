// bench/feedback's driver for the sync step and the import step's split (compiled by run.sh with g++ against the
// build's libconcord_net.a and libconcord_core.a, as bench/sync's load generator is):
//   answer REPLICA --records N
//        offline on a replica of the three-question project (answers-schema.json), as its user:
//        for each of the first N records, the answers to correct, helpfulness and comment, each
//        in its own transaction through Project::answer, then the status submitted through
//        Project::setStatus: what three `concord-cli label --question Q --value V` calls do
//        (the first answer opens a draft, the last one completes the response). Queues
//        3 annotate + 2 respond operations a record.
//   label REPLICA --samples M
//        offline on a replica of a one-question label project, as its user: one label for
//        each of the first M samples through Project::answer, what `concord-cli label ID
//        --label L` does. Queues 1 annotate operation a sample.
//   phases REPLICA
//        one sync of the replica (what `concord-cli sync` runs: connect and hello, the welcome's
//        settings, fetch samples, push the outbox, pull changes), each step timed. Prints JSON.
//   parse FILE.jsonl
//        the import step's split: the JSONL reader of `concord-cli import` alone over the file
//        (each line parsed into JSON, nothing else). Prints JSON.
// Values are deterministic. Every loop is bounded by the records or the outbox.
#include "core/io/JsonlReader.hpp"
#include "core/store/Project.hpp"
#include "net/client/Client.hpp"
#include "net/client/ReplicaApplier.hpp"
#include "net/client/ReplicaSync.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

using namespace concord;
using Steady = std::chrono::steady_clock;

namespace {

[[noreturn]] void usage()
{
    std::cerr << "usage: feedback_bench answer REPLICA --records N\n"
                 "       feedback_bench label REPLICA --samples M\n"
                 "       feedback_bench phases REPLICA\n"
                 "       feedback_bench parse FILE.jsonl\n";
    std::exit(2);
}

double since(Steady::time_point start)
{
    return std::chrono::duration<double>(Steady::now() - start).count();
}

// The first `count` samples in the replica's order (its keys follow the server's pages).
std::vector<Sample> firstSamples(Project& project, std::int64_t count)
{
    std::vector<Sample> samples;
    std::int64_t after = 0;
    while (static_cast<std::int64_t>(samples.size()) < count) {
        auto page = project.samples().pageAfter(after, 1000);
        if (page.empty()) {
            break;
        }
        for (auto& sample : page) {
            after = sample.key;
            if (static_cast<std::int64_t>(samples.size()) < count) {
                samples.push_back(std::move(sample));
            }
        }
    }
    if (static_cast<std::int64_t>(samples.size()) < count) {
        throw std::runtime_error(project.path() + " holds " + std::to_string(samples.size()) + " samples, not " +
                                 std::to_string(count));
    }
    return samples;
}

std::string userOf(Project& project)
{
    const auto replica = project.replica().load();
    if (!replica) {
        throw std::runtime_error(project.path() + " is not a replica (make it with concord-cli join)");
    }
    return replica->user;
}

void answerRecords(const std::string& path, std::int64_t records)
{
    auto project = Project::open(path);
    const std::string user = userOf(*project);
    const auto samples = firstSamples(*project, records);
    static const char* kComments[] = {
        "Cite a source for the second claim.",
        "Shorter, and answer the question in the first sentence.",
        "The list repeats itself; merge the last two points.",
        "Fine as it is.",
    };
    const auto start = Steady::now();
    std::int64_t i = 0;
    for (const auto& sample : samples) {
        project->answer(sample.key, user, "correct", {{"labels", {i % 3 == 0 ? "no" : "yes"}}});
        project->answer(sample.key, user, "helpfulness", {{"rating", 1 + i % 7}});
        project->answer(sample.key, user, "comment", {{"text", kComments[i % 4]}});
        // What `concord-cli label` does once every required question is answered.
        if (project->missingRequired(sample.key, user).empty() &&
            project->statusOf(sample.key, user) == ResponseStatus::Draft) {
            project->setStatus(sample.key, user, ResponseStatus::Submitted);
        }
        ++i;
    }
    std::cout << nlohmann::json{{"records", records},
                                {"answers", 3 * records},
                                {"outbox", project->outbox().pendingCount()},
                                {"seconds", since(start)}}
                     .dump()
              << '\n';
}

void labelSamples(const std::string& path, std::int64_t count)
{
    auto project = Project::open(path);
    const std::string user = userOf(*project);
    const std::string question = project->recordSchema().primary().name;
    const auto samples = firstSamples(*project, count);
    const auto start = Steady::now();
    std::int64_t i = 0;
    for (const auto& sample : samples) {
        project->answer(sample.key, user, question, {{"labels", {i % 3 == 0 ? "b" : "a"}}});
        ++i;
    }
    std::cout << nlohmann::json{{"labels", count},
                                {"outbox", project->outbox().pendingCount()},
                                {"seconds", since(start)}}
                     .dump()
              << '\n';
}

void phases(const std::string& path)
{
    const auto total = Steady::now();
    auto replica = Project::open(path);
    const std::int64_t outbox = replica->outbox().pendingCount();
    net::SyncOptions options;
    net::SyncReport report;
    auto step = Steady::now();
    net::Client client(net::serverOf(*replica), options.timeout);
    const net::Welcome welcome = net::openSession(*replica, client, options, report);
    const double connect = since(step);
    step = Steady::now();
    net::ReplicaApplier(*replica).applyWelcome(welcome);
    net::fetchSamples(*replica, client, options, report);
    const double fetch = since(step);
    step = Steady::now();
    net::pushOutbox(*replica, client, options, report);
    const double push = since(step);
    step = Steady::now();
    net::pullChanges(*replica, client, options, report);
    const double pull = since(step);
    std::cout << nlohmann::json{{"outbox", outbox},
                                {"pushed", report.pushed},
                                {"duplicates", report.duplicates},
                                {"rejected", report.rejections.size()},
                                {"pulled_annotations", report.pulledAnnotations},
                                {"pulled_responses", report.pulledResponses},
                                {"connect_seconds", connect},
                                {"fetch_seconds", fetch},
                                {"push_seconds", push},
                                {"pull_seconds", pull},
                                {"seconds", since(total)}}
                     .dump()
              << '\n';
}

// One pass of the import's reader over the file; returns the records read.
std::int64_t readAll(const std::string& path)
{
    std::ifstream input(path, std::ios::binary);
    if (!input) {
        throw std::runtime_error("cannot read " + path);
    }
    io::JsonlReader reader(input);
    std::int64_t records = 0;
    while (auto result = reader.next()) {
        if (!std::holds_alternative<io::SourceRecord>(*result)) {
            throw std::runtime_error(path + ": a line that is not a record");
        }
        ++records;
    }
    return records;
}

void parse(const std::string& path)
{
    const auto start = Steady::now();
    const std::int64_t records = readAll(path);
    std::cout << nlohmann::json{{"records", records}, {"parse_seconds", since(start)}}.dump() << '\n';
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() < 2) {
        usage();
    }
    try {
        if (args[0] == "answer" && args.size() == 4 && args[2] == "--records") {
            answerRecords(args[1], std::stoll(args[3]));
        } else if (args[0] == "label" && args.size() == 4 && args[2] == "--samples") {
            labelSamples(args[1], std::stoll(args[3]));
        } else if (args[0] == "phases" && args.size() == 2) {
            phases(args[1]);
        } else if (args[0] == "parse" && args.size() == 2) {
            parse(args[1]);
        } else {
            usage();
        }
    } catch (const std::exception& error) {
        std::cerr << "feedback_bench: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
