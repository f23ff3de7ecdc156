// migrate-store's copy (net/server/ProjectCopy.hpp) of a project a real server was given answers,
// drafts, versions, a resolution, a suggestion and a schema change through: into the other store
// and back, interrupted once on the way; every operation, row, user and number must come
// through, checked by the tallies and by reading the rows themselves. Run with --store postgresql
// (ctest does): from PostgreSQL to a project file and back, so that each store is both source
// and destination; hidden from the plain SQLite run, which the TSan step runs whole.
#include "net/server/ProjectCopy.hpp"
#include "net/server/ServerProject.hpp"
#include "pgstore/CopyProject.hpp"
#include "pgstore/PgServerStore.hpp"
#include "pgstore/StoreAddress.hpp"
#include "tests/net/FeedbackFixture.hpp"
#include "tests/support/PgCluster.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace concord;
using namespace concord::test;

namespace {

// A destination in `kind`, made from `source` as migrate-store makes it.
std::unique_ptr<net::ServerStore> makeCopy(StoreKind kind, net::ServerStore& source, const TempDir& dir,
                                           const std::string& name)
{
    if (kind == StoreKind::Sqlite) {
        const std::string path = dir.file(name + ".concord");
        net::ServerProject::createCopy(path, source);
        return std::make_unique<net::ServerProject>(path);
    }
    const std::string database = PgCluster::shared().freshDatabase();
    auto connection = pg::openStore(database);
    const pg::ProjectCopyMade made = pg::createProjectCopy(*connection, name, source);
    CHECK(made.notes.empty());
    return std::make_unique<pg::PgServerStore>(std::move(connection), made.project);
}

StoreKind other(StoreKind kind)
{
    return kind == StoreKind::Sqlite ? StoreKind::Postgresql : StoreKind::Sqlite;
}

// alice's answers, as a row's (annotator, question) -> value, drafts included.
std::map<std::string, std::string> answersOf(net::ServerStore& store, const std::string& annotator)
{
    std::map<std::string, std::string> answers;
    net::inBatch(store, [&] {
        for (const auto& row : store.everyAnnotationAfter(0, 1000)) {
            if (row.annotator == annotator) {
                answers[row.sampleId + "/" + row.question] = row.value + " @" + std::to_string(row.seq);
            }
        }
    });
    return answers;
}

} // namespace

TEST_CASE("migrate-store: a served project copied to the other store and back, interrupted once, keeps every "
          "operation, row, user and number",
          "[.][integration][postgresql][migrate]")
{
    FeedbackServer server(templateSchema("evaluate"), {false, 3});
    RawFeedbackClient alice(server.thread());
    alice.login(server, "alice");
    RawFeedbackClient bob(server.thread());
    bob.login(server, "bob");
    RawFeedbackClient rita(server.thread());
    rita.login(server, "rita");
    RawFeedbackClient adam(server.thread());
    adam.login(server, "adam");

    // A draft of four answers (held back from the others' pulls: the copy must still take them).
    for (const auto& result : alice.push(nlohmann::json::array(
             {respondOp("r1", "alice", "draft"), answerOp("r1", "alice", "correct", {{"labels", {"no"}}}),
              answerOp("r1", "alice", "helpfulness", {{"rating", 3}}),
              answerOp("r1", "alice", "hallucinations",
                       {{"spans", {{{"start", 4}, {"end", 12}, {"label", "hallucination"}}}}}),
              answerOp("r1", "alice", "why", {{"text", "the date is wrong"}})}))) {
        checkApplied(result);
    }
    checkApplied(alice.pushOne(answerOp("r2", "alice", "correct", {{"labels", {"yes"}}})));
    checkApplied(alice.pushOne(answerOp("r2", "alice", "helpfulness", {{"rating", 6}})));
    checkApplied(alice.pushOne(respondOp("r2", "alice", "submitted")));
    // Two versions of bob's answer: the second is current.
    checkApplied(bob.pushOne(answerOp("r1", "bob", "correct", {{"labels", {"no"}}})));
    checkApplied(bob.pushOne(answerOp("r1", "bob", "correct", {{"labels", {"yes"}}})));
    nlohmann::json resolve = {{"kind", "resolve"},
                              {"sample", "r1"},
                              {"question", "correct"},
                              {"value", {{"labels", {"yes"}}}},
                              {"note", "bob's second look"}};
    checkApplied(rita.pushOne(resolve));
    checkApplied(adam.pushOne(suggestOp("r3", "model-a", "correct", {{"labels", {"no"}}}, 0.7)));
    nlohmann::json schema = templateSchema("evaluate");
    schema["questions"].push_back(
        {{"name", "tone"}, {"kind", "label"}, {"labels", {"warm", "cold"}}, {"required", false}});
    checkApplied(adam.pushOne(schemaOp(schema)));
    checkApplied(bob.pushOne(answerOp("r3", "bob", "tone", {{"labels", {"warm"}}})));

    const StoreKind here = server.project().kind();
    auto original = server.project().open();
    const net::ProjectTally tally = net::tallyProject(*original);
    CHECK(tally.records == 3);
    CHECK(tally.users == 4);
    CHECK(tally.operations == 14);
    CHECK(tally.head == 14);
    CHECK(tally.annotations == 8); // alice 4 + 2, bob 2 (one is the first's later version)
    CHECK(tally.responses == 2);
    CHECK(tally.resolutions == 1);
    CHECK(tally.suggestions == 1);
    CHECK(tally.schemaSeq > 0);
    const auto aliceAnswers = answersOf(*original, "alice");
    REQUIRE(aliceAnswers.size() == 6);

    TempDir dir;
    INFO("from " << toString(here) << " to " << toString(other(here)) << " and back");
    auto there = makeCopy(other(here), *original, dir, "there");
    const net::CopyReport first = net::copyProject(*original, *there);
    CHECK(first.resumedAfter == 0);
    CHECK(first.operationsCopied == 14);
    CHECK(first.copy == tally);
    CHECK(there->id() == original->id());
    CHECK(answersOf(*there, "alice") == aliceAnswers);

    // Back, four operations a transaction, stopped after the second chunk as a crash would.
    auto back = makeCopy(here, *there, dir, "back");
    net::CopyOptions interrupted;
    interrupted.chunk = 4;
    int chunks = 0;
    interrupted.progress = [&](const net::CopyProgress& progress) {
        CHECK(progress.total == 14);
        if (++chunks == 2) {
            throw std::runtime_error("interrupted");
        }
    };
    CHECK_THROWS_WITH(net::copyProject(*there, *back, interrupted), "interrupted");
    const net::CopyReport resumed = net::copyProject(*there, *back, net::CopyOptions{4, {}});
    CHECK(resumed.resumedAfter == 8);
    CHECK(resumed.operationsCopied == 6);
    CHECK(resumed.copy == tally);
    CHECK(answersOf(*back, "alice") == aliceAnswers);
    net::inBatch(*back, [&] {
        CHECK(back->recordSchema().findQuestion("tone") != nullptr);
        const auto key = back->sampleKey("r1");
        REQUIRE(key);
        const auto gold = back->findResolution("correct", *key);
        REQUIRE(gold);
        CHECK(gold->note == "bob's second look");
        const auto status = back->findResponse(*key, "alice");
        REQUIRE(status);
        CHECK(status->status == "draft");
        // The log's entries keep their numbers, ids and authors: a replica's cursor and its
        // pushes' idempotency mean the same on the copy.
        const auto entries = back->log().entriesAfter(0, 100);
        REQUIRE(entries.size() == 14);
        CHECK(entries.front().seq == 1);
        CHECK(entries.back().seq == 14);
        CHECK(back->log().find(entries[5].user, entries[5].opId).value().seq == entries[5].seq);
    });

    // A second copy into the same destination is the same copy: nothing to do.
    const net::CopyReport again = net::copyProject(*there, *back);
    CHECK(again.operationsCopied == 0);
    CHECK(again.resumedAfter == 14);

    // A destination of another project is refused before anything is written.
    FeedbackServer unrelated(templateSchema("evaluate"));
    auto stranger = unrelated.project().open();
    CHECK_THROWS_WITH(net::copyProject(*original, *stranger), Catch::Contains("holds another project"));
    CHECK(net::tallyProject(*stranger).operations == 0);
}
