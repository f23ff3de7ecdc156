#include "app/cli/store/StoreImport.hpp"

#include "app/cli/store/TemporaryFolder.hpp"
#include "core/util/Error.hpp"
#include "net/server/ProjectCopy.hpp"
#include "net/server/ServerProject.hpp"
#include "pgstore/PgServerStore.hpp"
#include "pgstore/StoreAddress.hpp"

#include <functional>
#include <iostream>
#include <sstream>

namespace concord::cli {

namespace {

// The last record's key, and the records up to it as one value, to see whether the import
// changed any: one pass over the records.
struct RecordsSeen
{
    std::int64_t lastKey = 0;
    std::size_t digest = 0;
};

RecordsSeen recordsUpTo(net::ServerStore& store, std::int64_t lastKey)
{
    RecordsSeen seen;
    net::forEachRecordPage(store, 0, [&](const std::vector<Sample>& page) {
        for (const auto& record : page) {
            if (record.key > lastKey) {
                return;
            }
            seen.lastKey = record.key;
            for (const std::string* part : {&record.id, &record.text, &record.meta, &record.record}) {
                seen.digest = seen.digest * 1099511628211u ^ std::hash<std::string>{}(*part);
            }
        }
    });
    return seen;
}

} // namespace

std::int64_t importIntoStore(const std::string& store, const std::string& project,
                             const std::function<void(const std::string& file)>& import)
{
    auto connection = pg::openStore(store);
    const pg::ProjectRow row = pg::requireProject(*connection, project);
    const std::string where = "project " + project + " in " + connection->describe();
    TemporaryFolder folder("concord-import");
    const std::string file = (folder.path() / (project + ".concord")).string();
    {
        pg::PgServerStore source(*connection, row);
        net::ServerProject::createCopy(file, source); // records and users, no operations
    }
    RecordsSeen before;
    {
        net::ServerProject copy(file);
        net::inBatch(copy, [&] { before = recordsUpTo(copy, INT64_MAX); });
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
    net::ServerProject copy(file); // gives answers the import wrote their operations in its log
    net::inBatch(copy, [&] {
        if (const auto brought = copy.log().count(); brought > 0) {
            throw InputError("the file brings answers, gold labels or suggestions (" + std::to_string(brought) +
                             "); on a store, import adds records only: label them in a replica and sync. Nothing was "
                             "added to " +
                             where);
        }
        if (recordsUpTo(copy, before.lastKey).digest != before.digest) {
            throw InputError("this import would change records the project has already (a re-import's new fields "
                             "or metadata); on a store, import adds new records only: nothing was added to " +
                             where);
        }
        net::forEachRecordPage(copy, before.lastKey, [&](const std::vector<Sample>& page) {
            added.insert(added.end(), page.begin(), page.end());
        });
    });
    {
        pg::Transaction transaction(*connection);
        pg::addRecords(*connection, row.id, added);
        transaction.commit();
    }
    std::cout << report;
    return static_cast<std::int64_t>(added.size());
}

} // namespace concord::cli
