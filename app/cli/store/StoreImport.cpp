#include "app/cli/store/StoreImport.hpp"

#include "core/util/Error.hpp"
#include "net/server/ProjectCopy.hpp"
#include "net/server/ServerProject.hpp"
#include "pgstore/PgServerStore.hpp"
#include "pgstore/StoreAddress.hpp"

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <sstream>
#include <system_error>

namespace concord::cli {

namespace {

// A temporary folder removed with this.
class TemporaryFolder
{
public:
    TemporaryFolder()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "concord-import-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) {
            throw StoreError("cannot make a temporary folder in " + std::filesystem::temp_directory_path().string() +
                             ": " + std::generic_category().message(errno));
        }
        m_path = pattern;
    }
    ~TemporaryFolder()
    {
        std::error_code ignored; // left behind, it is the OS's to clean; not worth failing the import
        std::filesystem::remove_all(m_path, ignored);
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

// The records up to `lastKey` as one value, to see whether the import changed any.
std::size_t recordsDigest(net::ServerStore& store, std::int64_t lastKey)
{
    std::size_t digest = 0;
    for (std::int64_t after = 0; after < lastKey;) {
        const auto page = store.samplesAfter(after, 1000);
        for (const auto& record : page) {
            if (record.key > lastKey) {
                return digest;
            }
            for (const std::string* part : {&record.id, &record.text, &record.meta, &record.record}) {
                digest = digest * 1099511628211u ^ std::hash<std::string>{}(*part);
            }
        }
        if (page.size() < 1000) {
            break;
        }
        after = page.back().key;
    }
    return digest;
}

std::int64_t lastKeyOf(net::ServerStore& store)
{
    std::int64_t last = 0;
    for (;;) {
        const auto page = store.samplesAfter(last, 1000);
        if (page.empty()) {
            return last;
        }
        last = page.back().key;
    }
}

} // namespace

std::int64_t importIntoStore(const std::string& store, const std::string& project,
                             const std::function<void(const std::string& file)>& import)
{
    auto connection = pg::openStore(store);
    const auto row = pg::findProject(*connection, project);
    if (!row) {
        throw SettingError("project", "no project named '" + project + "' in " + connection->describe() +
                                          " (concord-cli project list --store shows them)");
    }
    const std::string where = "project " + project + " in " + connection->describe();
    TemporaryFolder folder;
    const std::string file = (folder.path() / (project + ".concord")).string();
    {
        pg::PgServerStore source(*connection, *row);
        net::ServerProject::createCopy(file, source);
    }
    std::int64_t lastKey = 0;
    std::size_t before = 0;
    {
        net::ServerProject copy(file);
        net::inBatch(copy, [&] {
            lastKey = lastKeyOf(copy);
            before = recordsDigest(copy, lastKey);
        });
    }

    // The import's own report, with the temporary file's name replaced by the project's.
    std::ostringstream said;
    {
        auto* const out = std::cout.rdbuf(said.rdbuf());
        try {
            import(file);
        } catch (...) {
            std::cout.rdbuf(out);
            throw;
        }
        std::cout.rdbuf(out);
    }
    std::string report = said.str();
    for (auto at = report.find(file); at != std::string::npos; at = report.find(file, at + where.size())) {
        report.replace(at, file.size(), where);
    }

    std::vector<Sample> added;
    net::ServerProject copy(file); // numbers answers written by the import, which the tally counts
    net::ProjectTally tally = net::tallyProject(copy);
    net::inBatch(copy, [&] {
        if (recordsDigest(copy, lastKey) != before) {
            throw InputError("this import would change records the project has already (a re-import's new fields "
                             "or metadata); on a store, import adds new records only: nothing was added to " +
                             where);
        }
        for (std::int64_t after = lastKey;;) {
            const auto page = copy.samplesAfter(after, 1000);
            added.insert(added.end(), page.begin(), page.end());
            if (page.size() < 1000) {
                break;
            }
            after = page.back().key;
        }
    });
    if (tally.operations > 0) {
        throw InputError("the file brings answers, gold labels or suggestions (" +
                         std::to_string(tally.annotations + tally.resolutions + tally.suggestions) +
                         "); on a store, import adds records only: label them in a replica and sync. Nothing was "
                         "added to " +
                         where);
    }
    {
        pg::Transaction transaction(*connection);
        pg::addRecords(*connection, row->id, added);
        transaction.commit();
    }
    std::cout << report;
    return static_cast<std::int64_t>(added.size());
}

} // namespace concord::cli
