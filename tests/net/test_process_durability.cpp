// Durability with a real crash: `concord-cli serve` runs as a separate process, several clients
// push operations to it at once, and the server is killed with SIGKILL at a random moment (no
// destructor, no final commit). After a restart every operation it acknowledged must be there
// exactly once, with the sequence number it was acknowledged with. Operations in flight at the
// kill are sent again and must be applied at most once.
#include "core/util/HybridClock.hpp"
#include "core/util/RandomId.hpp"
#include "net/NetError.hpp"
#include "net/client/Client.hpp"
#include "tests/net/ServeProcess.hpp"
#include "tests/net/SyncFixture.hpp"

#include <atomic>
#include <map>
#include <mutex>
#include <random>
#include <thread>

using namespace concord;

namespace {

struct Acknowledged
{
    std::string user;
    std::string sample;
    std::int64_t seq = 0;
    std::int64_t hlc = 0;
};

// One client's state across rounds: the operations it sent without an answer (to send again
// first), and what the server acknowledged.
class PushingClient
{
public:
    PushingClient(std::string user, std::string token, int samples, unsigned seed)
        : m_user(std::move(user)), m_token(std::move(token)), m_client(randomId()), m_samples(samples), m_random(seed)
    {}

    // Pushes batches until the connection fails or `stop` is set. A failure is expected only
    // once `killing` is set.
    void run(std::uint16_t port, const std::atomic<bool>& stop, const std::atomic<bool>& killing)
    {
        try {
            net::Client client(net::Endpoint{"127.0.0.1", port}, std::chrono::seconds(10));
            client.connect();
            client.hello(m_user, m_token, "", m_client);
            while (!m_unanswered.empty() || !stop.load()) {
                if (m_unanswered.empty()) {
                    m_unanswered = makeBatch();
                }
                const net::Ack ack = client.push(m_unanswered);
                for (std::size_t i = 0; i < ack.results.size(); ++i) {
                    const auto& result = ack.results[i];
                    const auto& sent = m_unanswered[i];
                    // Catch2 assertions are not thread-safe: record, check on the main thread.
                    if (result.opId != sent.opId || result.status == net::OpStatus::Rejected) {
                        m_errors.push_back(m_user + ": " + sent.opId + " answered with " + result.opId + " " +
                                           std::string(toString(result.status)) + " " + result.reason);
                    }
                    m_acknowledged[sent.opId] = Acknowledged{m_user, sent.sampleId, result.seq, sent.stamp.hlc};
                }
                m_unanswered.clear();
            }
        } catch (const net::NetError& error) {
            // The server was killed under us: the batch stays unanswered, to be sent again.
            if (!killing.load()) {
                m_errors.push_back(m_user + " failed before the kill: " + error.what());
            }
        }
    }

    const std::map<std::string, Acknowledged>& acknowledged() const { return m_acknowledged; }
    const std::string& user() const { return m_user; }
    std::size_t unanswered() const { return m_unanswered.size(); }
    const std::vector<std::string>& errors() const { return m_errors; }

private:
    std::vector<net::Operation> makeBatch()
    {
        std::uniform_int_distribution<int> size(1, 12);
        std::uniform_int_distribution<int> sample(1, m_samples);
        std::vector<net::Operation> batch(static_cast<std::size_t>(size(m_random)));
        static const char* kLabels[] = {"pos", "neg", "neutral"};
        for (auto& operation : batch) {
            operation.opId = randomId();
            operation.kind = OperationKind::Annotate;
            operation.sampleId = "s" + std::to_string(sample(m_random));
            operation.annotator = m_user;
            operation.value = {{"labels", {kLabels[m_random() % 3]}}};
            m_hlc = hlc::next(m_hlc, systemNowMs());
            operation.stamp = Stamp{m_hlc, m_client};
        }
        return batch;
    }

    std::string m_user;
    std::string m_token;
    std::string m_client;
    int m_samples;
    std::minstd_rand m_random;
    std::int64_t m_hlc = 0;
    std::vector<net::Operation> m_unanswered;
    std::map<std::string, Acknowledged> m_acknowledged;
    std::vector<std::string> m_errors;
};

} // namespace

TEST_CASE("process: SIGKILL of the server at random moments loses no acknowledged operation", "[process][sync][stores]")
{
    constexpr int kSamples = 40;
    constexpr int kRounds = 6;
    test::SyncFixture fixture(kSamples);
    std::vector<std::unique_ptr<PushingClient>> clients;
    std::random_device device;
    const unsigned seed = device();
    INFO("seed " << seed);
    std::minstd_rand random(seed);
    for (const char* user : {"alice", "bob", "carol", "rita"}) {
        clients.push_back(std::make_unique<PushingClient>(user, fixture.tokens.at(user), kSamples, random()));
    }

    const auto serve = fixture.project.serveArguments();
    int killedWithUnanswered = 0;
    for (int round = 1; round <= kRounds; ++round) {
        test::ServeProcess server(CONCORD_CLI, serve.project, fixture.dir.file("serve.log"), 0, serve.extra);
        std::atomic<bool> stop{false};
        std::atomic<bool> killing{false};
        std::vector<std::thread> threads;
        for (auto& client : clients) {
            threads.emplace_back([&, port = server.port()] { client->run(port, stop, killing); });
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(150, 900)(random)));
        killing = true;
        server.kill();
        stop = true;
        for (auto& thread : threads) {
            thread.join();
        }
        for (const auto& client : clients) {
            killedWithUnanswered += client->unanswered() > 0 ? 1 : 0;
            CHECK(client->errors().empty());
        }
    }
    // Otherwise the kills all fell between batches and the test showed nothing.
    CHECK(killedWithUnanswered > 0);

    // A final round sends what is still unanswered, then checks against the file directly.
    {
        test::ServeProcess server(CONCORD_CLI, serve.project, fixture.dir.file("serve.log"), 0, serve.extra);
        std::atomic<bool> stop{true};
        std::atomic<bool> killing{false};
        for (auto& client : clients) {
            client->run(server.port(), stop, killing);
            CHECK(client->unanswered() == 0);
            CHECK(client->errors().empty());
        }
        CHECK(server.stop(SIGTERM) == 0);
    }

    // Checked against the store directly.
    auto store = fixture.project.open();
    store->beginBatch();
    std::size_t total = 0;
    std::map<std::pair<std::string, std::string>, std::int64_t> latestAcknowledged;
    for (const auto& client : clients) {
        REQUIRE(client->acknowledged().size() > 0);
        for (const auto& [opId, ack] : client->acknowledged()) {
            INFO(ack.user << " " << opId);
            const auto logged = store->log().find(ack.user, opId); // (user, op id) is unique
            REQUIRE(logged);
            CHECK(logged->seq == ack.seq);
            auto& latest = latestAcknowledged[{ack.sample, ack.user}];
            latest = std::max(latest, ack.hlc);
            ++total;
        }
    }
    // Each row is at least as new as the newest version acknowledged for it.
    for (const auto& [row, hlc] : latestAcknowledged) {
        const auto key = store->sampleKey(row.first);
        REQUIRE(key);
        const auto current = store->findAnnotation(store->recordSchema().primary().name, *key, row.second);
        REQUIRE(current);
        CHECK(current->stamp.hlc >= hlc);
    }
    store->commitBatch();
    // Every logged operation was acknowledged at some point (the unanswered ones were sent
    // again until answered), so the log holds exactly the acknowledged operations.
    CHECK(fixture.project.operations() == static_cast<std::int64_t>(total));
    CHECK(total > 100);
}
