#include "net/server/ProjectCopy.hpp"

#include "core/util/Error.hpp"
#include "net/protocol/RowJson.hpp"

#include <openssl/evp.h>

#include <memory>
#include <sstream>
#include <stdexcept>

namespace concord::net {

namespace {

constexpr int kPage = 1000;

class Sha256
{
public:
    Sha256() : m_context(EVP_MD_CTX_new(), EVP_MD_CTX_free)
    {
        if (!m_context || EVP_DigestInit_ex(m_context.get(), EVP_sha256(), nullptr) != 1) {
            throw std::runtime_error("OpenSSL could not start a SHA-256 digest");
        }
    }
    // Each part ends with a separator byte that no part holds (0x1f, ASCII's unit separator, is
    // not valid unescaped in JSON and never in an id), so that ("ab","c") and ("a","bc") differ.
    Sha256& add(std::string_view part)
    {
        EVP_DigestUpdate(m_context.get(), part.data(), part.size());
        EVP_DigestUpdate(m_context.get(), "\x1f", 1);
        return *this;
    }
    Sha256& add(std::int64_t number) { return add(std::to_string(number)); }
    std::string hex()
    {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int size = 0;
        EVP_DigestFinal_ex(m_context.get(), digest, &size);
        static constexpr char kHex[] = "0123456789abcdef";
        std::string out;
        for (unsigned int i = 0; i < size; ++i) {
            out += kHex[digest[i] >> 4];
            out += kHex[digest[i] & 0xF];
        }
        return out;
    }

private:
    std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> m_context;
};

// Calls `each` on every row `read(after, limit)` returns with a number in (after, upTo], in
// order. Several rows may share a number (a response's answers take its number), so a full
// page's last number is read again in the next page rather than passed.
template <typename Row, typename Read, typename Each>
void forRowsIn(Read read, std::int64_t after, std::int64_t upTo, Each each)
{
    int limit = kPage;
    for (;;) {
        std::vector<Row> page = read(after, limit);
        const bool full = static_cast<int>(page.size()) == limit;
        if (full) {
            const std::int64_t last = page.back().seq;
            while (!page.empty() && page.back().seq == last) {
                page.pop_back();
            }
            if (page.empty()) { // one number fills the page: read it whole
                limit *= 2;
                continue;
            }
        }
        for (const Row& row : page) {
            if (row.seq > upTo) {
                return;
            }
            each(row);
        }
        if (!full) {
            return;
        }
        after = page.back().seq;
        limit = kPage;
    }
}

constexpr std::int64_t kAll = INT64_MAX;

template <typename... Visit> struct Overloaded : Visit...
{
    using Visit::operator()...;
};
template <typename... Visit> Overloaded(Visit...) -> Overloaded<Visit...>;

// Calls `visit` on every current row numbered in (after, upTo], kind by kind: answers and
// response statuses with drafts, resolutions, suggestions.
template <typename Visit> void forEveryRow(ServerStore& store, std::int64_t after, std::int64_t upTo, Visit visit)
{
    forRowsIn<AnnotationChange>([&](std::int64_t from, int limit) { return store.everyAnnotationAfter(from, limit); },
                                after, upTo, visit);
    forRowsIn<ResolutionChange>([&](std::int64_t from, int limit) { return store.resolutionsAfter(from, limit); },
                                after, upTo, visit);
    forRowsIn<ResponseChange>([&](std::int64_t from, int limit) { return store.everyResponseAfter(from, limit); },
                              after, upTo, visit);
    forRowsIn<SuggestionChange>([&](std::int64_t from, int limit) { return store.suggestionsAfter(from, limit); },
                                after, upTo, visit);
}

ProjectTally tallyInBatch(ServerStore& store)
{
    ProjectTally tally;
    forEachRecordPage(
        store, 0, [&](const std::vector<Sample>& page) { tally.records += static_cast<std::int64_t>(page.size()); });
    Sha256 users;
    for (const auto& user : store.users().list()) {
        ++tally.users;
        // Not the credentials: on PostgreSQL accounts are the server's, and a copy into a store
        // keeps an account the store had already (pg::createProjectCopy says so).
        users.add(user.name).add(toString(user.role)).add(user.revokedAt ? std::to_string(*user.revokedAt) : "-");
    }
    tally.userChecksum = users.hex();

    Sha256 log;
    forEachLogEntry(store.log(), 0, [&](const store::LogEntry& entry) {
        log.add(entry.seq).add(entry.opId).add(entry.user).add(entry.kind).add(entry.sampleId).add(entry.body);
        log.add(entry.appliedAt).add(entry.superseded ? 1 : 0);
        ++tally.operations;
    });
    tally.logChecksum = log.hex();
    tally.head = store.log().head();

    Sha256 rows;
    forEveryRow(store, 0, kAll,
                Overloaded{[&](const AnnotationChange& row) {
                               ++tally.annotations;
                               rows.add("annotation").add(annotationToJson(row).dump());
                           },
                           [&](const ResolutionChange& row) {
                               ++tally.resolutions;
                               rows.add("resolution").add(resolutionToJson(row).dump());
                           },
                           [&](const ResponseChange& row) {
                               ++tally.responses;
                               rows.add("response").add(responseToJson(row).dump());
                           },
                           [&](const SuggestionChange& row) {
                               ++tally.suggestions;
                               rows.add("suggestion").add(suggestionToJson(row).dump());
                           }});
    tally.rowChecksum = rows.hex();
    tally.schemaSeq = store.schemaSeq();
    tally.questions = store.recordSchema().toJson().dump();
    return tally;
}

// The current rows of the source numbered in (after, upTo], read in the source's batch.
struct RowsInRange
{
    std::vector<AnnotationChange> annotations;
    std::vector<ResolutionChange> resolutions;
    std::vector<ResponseChange> responses;
    std::vector<SuggestionChange> suggestions;

    std::int64_t size() const
    {
        return static_cast<std::int64_t>(annotations.size() + resolutions.size() + responses.size() +
                                         suggestions.size());
    }
};

RowsInRange rowsInRange(ServerStore& source, std::int64_t after, std::int64_t upTo)
{
    RowsInRange rows;
    forEveryRow(source, after, upTo,
                Overloaded{[&](const AnnotationChange& row) { rows.annotations.push_back(row); },
                           [&](const ResolutionChange& row) { rows.resolutions.push_back(row); },
                           [&](const ResponseChange& row) { rows.responses.push_back(row); },
                           [&](const SuggestionChange& row) { rows.suggestions.push_back(row); }});
    return rows;
}

// Rows name their record by id; each store keys its records its own way.
std::int64_t keyIn(ServerStore& destination, const std::string& sampleId)
{
    const auto key = destination.sampleKey(sampleId);
    if (!key) {
        throw InputError("the source has answers to record '" + sampleId +
                         "', which the copy does not hold: records were added to the source after the copy began; "
                         "copy into a new project or file");
    }
    return *key;
}

void storeRows(ServerStore& destination, RowsInRange rows)
{
    for (auto& row : rows.annotations) {
        row.sampleKey = keyIn(destination, row.sampleId);
        destination.storeAnnotation(row);
    }
    for (auto& row : rows.resolutions) {
        row.sampleKey = keyIn(destination, row.sampleId);
        destination.storeResolution(row);
    }
    for (auto& row : rows.responses) {
        row.sampleKey = keyIn(destination, row.sampleId);
        destination.storeResponse(row);
    }
    for (auto& row : rows.suggestions) {
        row.sampleKey = keyIn(destination, row.sampleId);
        destination.storeSuggestion(row);
    }
}

} // namespace

void forEachRecordPage(ServerStore& store, std::int64_t after,
                       const std::function<void(const std::vector<Sample>&)>& page)
{
    for (;;) {
        const auto records = store.samplesAfter(after, kPage);
        if (!records.empty()) {
            page(records);
        }
        if (records.size() < static_cast<std::size_t>(kPage)) {
            return;
        }
        after = records.back().key;
    }
}

void forEachLogEntry(store::OperationLog& log, std::int64_t after,
                     const std::function<void(const store::LogEntry&)>& entry)
{
    for (;;) {
        const auto entries = log.entriesAfter(after, kPage);
        for (const auto& each : entries) {
            entry(each);
        }
        if (entries.size() < static_cast<std::size_t>(kPage)) {
            return;
        }
        after = entries.back().seq;
    }
}

ProjectTally tallyProject(ServerStore& store)
{
    ProjectTally tally;
    inBatch(store, [&] { tally = tallyInBatch(store); });
    return tally;
}

std::string describeDifferences(const ProjectTally& source, const ProjectTally& copy)
{
    std::ostringstream out;
    const auto count = [&](const char* what, std::int64_t a, std::int64_t b) {
        if (a != b) {
            out << (out.tellp() > 0 ? "; " : "") << what << ": " << a << " in the source, " << b << " in the copy";
        }
    };
    const auto same = [&](const char* what, const std::string& a, const std::string& b) {
        if (a != b) {
            out << (out.tellp() > 0 ? "; " : "") << what << " differ";
        }
    };
    count("records", source.records, copy.records);
    count("users", source.users, copy.users);
    count("operations", source.operations, copy.operations);
    count("last operation", source.head, copy.head);
    count("answers", source.annotations, copy.annotations);
    count("resolutions", source.resolutions, copy.resolutions);
    count("response statuses", source.responses, copy.responses);
    count("suggestions", source.suggestions, copy.suggestions);
    count("last schema change", source.schemaSeq, copy.schemaSeq);
    same("the questions", source.questions, copy.questions);
    same("the operations' checksums", source.logChecksum, copy.logChecksum);
    same("the current rows' checksums", source.rowChecksum, copy.rowChecksum);
    same("the users' checksums", source.userChecksum, copy.userChecksum);
    return out.str();
}

CopyReport copyProject(ServerStore& source, ServerStore& destination, const CopyOptions& options)
{
    if (source.id() != destination.id()) {
        throw InputError("the destination holds another project (id " + destination.id() + "; the source's is " +
                         source.id() + "): copy into a new project or file");
    }
    CopyReport report;
    inBatch(destination, [&] { report.resumedAfter = destination.log().head(); });
    std::int64_t total = 0;
    std::int64_t schemaSeq = 0;
    inBatch(source, [&] {
        total = source.log().head();
        schemaSeq = source.schemaSeq();
    });

    for (std::int64_t after = report.resumedAfter; after < total;) {
        std::vector<store::LogEntry> entries;
        RowsInRange rows;
        inBatch(source, [&] {
            entries = source.log().entriesAfter(after, options.chunk);
            if (!entries.empty()) {
                rows = rowsInRange(source, after, entries.back().seq);
            }
        });
        if (entries.empty()) {
            break; // the source's head is above its last entry: the tally says so
        }
        const std::int64_t rowCount = rows.size();
        inBatch(destination, [&] {
            for (const auto& entry : entries) {
                destination.log().copyEntry(entry);
            }
            storeRows(destination, std::move(rows));
        });
        after = entries.back().seq;
        report.operationsCopied += static_cast<std::int64_t>(entries.size());
        report.rowsCopied += rowCount;
        if (options.progress) {
            options.progress(CopyProgress{after, total});
        }
    }
    inBatch(destination, [&] { destination.setSchemaSeq(schemaSeq); });

    report.source = tallyProject(source);
    report.copy = tallyProject(destination);
    if (const std::string differences = describeDifferences(report.source, report.copy); !differences.empty()) {
        throw InputError("the copy does not match its source (" + differences +
                         "); was the source served while it was copied? Stop its server and run the command again: it "
                         "goes on from the copy's last operation");
    }
    return report;
}

} // namespace concord::net
