#include "core/store/FlagTable.hpp"
#include "core/store/Project.hpp"
#include "tests/support/TempDir.hpp"

#include <catch2/catch.hpp>

using namespace concord;
using concord::test::TempDir;

TEST_CASE("flags: one per sample and annotator, kept in the project file", "[store][flags]")
{
    TempDir dir;
    const std::string path = dir.file("flags.concord");
    {
        auto project = Project::create(path, {}, LabelSchema::fromNames(TaskKind::Single, {"pos", "neg"}));
        REQUIRE(project->samples().insert("a", "first text", "{}"));
        const auto key = project->samples().keyOf("a").value();
        store::FlagTable flags(project->database());
        CHECK_FALSE(flags.get(key, "alice"));
        flags.put(key, "alice", "the text is cut off", 100);
        flags.put(key, "bob", "not English", 200);
        flags.put(key, "alice", "the text is cut off at the end", 300); // raised again: replaced
        CHECK(flags.list().size() == 2);
    }
    auto project = Project::open(path);
    const auto key = project->samples().keyOf("a").value();
    store::FlagTable flags(project->database());
    const auto flag = flags.get(key, "alice");
    REQUIRE(flag);
    CHECK(flag->comment == "the text is cut off at the end");
    CHECK(flag->created == 300);
    CHECK(flags.list().front().annotator == "bob");
    CHECK(flags.remove(key, "bob"));
    CHECK_FALSE(flags.remove(key, "bob"));
    CHECK(flags.list().size() == 1);
}
