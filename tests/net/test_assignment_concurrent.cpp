// Assignment on a real server: ten annotators asking at once, overlap three.
#include "tests/net/SyncFixture.hpp"

#include <map>
#include <mutex>
#include <set>
#include <thread>

using namespace concord;
using namespace std::chrono_literals;
using test::ServerThread;
using test::SyncFixture;

TEST_CASE("assignment: ten annotators at once, every sample ends with exactly three",
          "[integration][assignment][stores]")
{
    SyncFixture fixture(60, false, 3);
    std::vector<std::string> names;
    for (int i = 0; i < 10; ++i) {
        names.push_back("annotator" + std::to_string(i));
        fixture.tokens[names.back()] = fixture.project.addUser(names.back(), Role::Annotator);
    }
    // Short reservations, so that the absent annotator's lapse within the test.
    ServerThread server(fixture.project, 0,
                        [](net::ServerOptions& options) { options.reservationTime = std::chrono::milliseconds(300); });

    // One more annotator takes samples and disappears without labeling them.
    {
        net::Client absent(server.endpoint(), 20s);
        absent.connect();
        absent.hello("carol", fixture.tokens.at("carol"), "", "gone");
        CHECK(absent.next(5).samples.size() == 5);
    }

    std::mutex mutex;
    std::map<std::string, std::multiset<std::string>> labeled;
    std::vector<std::string> errors;
    std::vector<std::thread> threads;
    for (const auto& name : names) {
        threads.emplace_back([&, name] {
            try {
                net::Client client(server.endpoint(), 20s);
                client.connect();
                client.hello(name, fixture.tokens.at(name), "", name + "-device");
                int op = 0;
                // Bounded: 60 samples need 180 labels; waiting for lapsed reservations takes
                // at most a few rounds of short sleeps.
                for (int round = 0; round < 2000; ++round) {
                    const auto assignment = client.next(3);
                    if (assignment.samples.empty()) {
                        if (assignment.waiting == 0) {
                            return;
                        }
                        std::this_thread::sleep_for(20ms);
                        continue;
                    }
                    std::vector<net::Operation> ops;
                    for (const auto& sample : assignment.samples) {
                        net::Operation operation;
                        operation.opId = name + "-" + std::to_string(++op);
                        operation.sampleId = sample;
                        operation.annotator = name;
                        operation.value = {{"labels", {"pos"}}};
                        operation.stamp = Stamp{hlc::fromMs(systemNowMs()) + op, name + "-device"};
                        ops.push_back(std::move(operation));
                    }
                    for (const auto& result : client.push(ops).results) {
                        if (result.status != net::OpStatus::Applied) {
                            std::lock_guard lock(mutex);
                            errors.push_back(name + ": " + result.reason);
                        }
                    }
                    std::lock_guard lock(mutex);
                    for (const auto& sample : assignment.samples) {
                        labeled[sample].insert(name);
                    }
                }
                std::lock_guard lock(mutex);
                errors.push_back(name + ": did not finish");
            } catch (const std::exception& error) {
                std::lock_guard lock(mutex);
                errors.push_back(name + ": " + error.what());
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    CHECK(errors.empty());
    for (const auto& error : errors) {
        UNSCOPED_INFO(error);
    }
    REQUIRE(labeled.size() == 60);
    for (const auto& [sample, who] : labeled) {
        INFO(sample);
        CHECK(who.size() == 3);
        CHECK(std::set<std::string>(who.begin(), who.end()).size() == 3);
    }
    CHECK(fixture.serverAnnotations() == 180);
    CHECK(fixture.serverMostAnnotatorsOnARecord() == 3);
    // The absent annotator's five samples were handed out again.
    CHECK(fixture.serverAnnotations("carol") == 0);
}
