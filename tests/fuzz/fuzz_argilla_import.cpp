// libFuzzer target for `import --format argilla`: the bytes read as JSON Lines (nesting bounded
// at 8 levels) and imported into a project of every question kind, inside a transaction that is
// rolled back after each input so that every input meets the same empty project. Only
// InputError may escape; an input that is accepted exports again with exactly the columns the
// schema gives each record.
#include "FuzzChecks.hpp"

#include "core/feedback/ArgillaExport.hpp"
#include "core/feedback/ArgillaImport.hpp"
#include "core/io/JsonlReader.hpp"
#include "core/util/Error.hpp"

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include <unistd.h>

namespace {

using concord::fuzz::require;

concord::Project& project()
{
    static const std::unique_ptr<concord::Project> made = [] {
        const auto path =
            std::filesystem::temp_directory_path() / ("fuzz_argilla_import_" + std::to_string(::getpid()) + ".concord");
        std::filesystem::remove(path);
        static const std::string scratchPath = path.string();
        std::atexit([] {
            std::error_code ignored; // the file (and its -wal, -shm) is scratch: gone or not, exit goes on
            for (const char* suffix : {"", "-wal", "-shm"}) {
                std::filesystem::remove(scratchPath + suffix, ignored);
            }
        });
        concord::ProjectSettings settings;
        return concord::Project::create(path.string(), settings,
                                        concord::RecordSchema::fromJson(nlohmann::json::parse(R"({
          "fields": [{"name": "prompt"}, {"name": "chat", "kind": "chat", "required": false},
                     {"name": "a"}, {"name": "b"}],
          "questions": [
            {"name": "p", "kind": "preference", "fields": ["a", "b"], "scale": {"points": 5}},
            {"name": "r", "kind": "ranking", "fields": ["a", "b"], "required": false},
            {"name": "l", "kind": "label", "labels": ["x", "y"], "required": false},
            {"name": "m", "kind": "multi_label", "labels": ["x", "y"], "required": false},
            {"name": "s", "kind": "spans", "field": "prompt", "labels": ["x"], "required": false},
            {"name": "n", "kind": "rating", "rating": {"min": 1, "max": 3}, "required": false},
            {"name": "t", "kind": "text", "required": false}]})")));
    }();
    return *made;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    concord::Project& target = project();
    std::istringstream input(std::string(reinterpret_cast<const char*>(data), size));
    concord::io::JsonlReader reader(input, 64 * 1024, 8);
    concord::sqlite::Transaction rolledBack(target.database()); // never committed
    try {
        const auto report = concord::importArgilla(target, reader, "fuzz");
        const auto rows = concord::argillaRows(target);
        require(rows.size() == report.added);
        for (const auto& row : rows) {
            require(row.size() == 1 + target.recordSchema().fields.size() + 6 * target.recordSchema().questions.size());
        }
    } catch (const concord::InputError&) {
        // Refused with a message naming the line and the column.
    }
    return 0;
}
