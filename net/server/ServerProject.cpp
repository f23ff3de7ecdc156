#include "net/server/ServerProject.hpp"

#include "core/store/ReadSnapshot.hpp"
#include "core/util/Error.hpp"
#include "core/util/RandomId.hpp"
#include "net/protocol/RowJson.hpp"
#include "net/server/ProjectCopy.hpp"

#include <filesystem>

namespace concord::net {

namespace {

constexpr const char* kProjectIdKey = "sync.project_id";
constexpr const char* kSchemaSeqKey = "sync.schema_seq";

std::unique_ptr<Project> openServerFile(const std::string& path, Clock clock)
{
    auto project = Project::open(path, std::move(clock));
    if (auto replica = project->replica().load()) {
        throw InputError(path + " is a replica of the project on " + replica->server +
                         "; serve the original project file instead");
    }
    return project;
}

} // namespace

ServerProject::ServerProject(const std::string& path, Clock clock)
    : m_project(openServerFile(path, std::move(clock))), m_users(m_project->database()), m_log(m_project->database()),
      m_reservations(m_project->database())
{
    database().exec("PRAGMA synchronous = FULL");
    // The server's one connection lives for days and every commit touches index pages all over
    // the file; SQLite's default 2 MB cache made it read them back from the OS on each batch.
    database().exec("PRAGMA cache_size = -65536");
    sqlite::Transaction transaction(database());
    auto& settings = m_project->settingsTable();
    if (auto id = settings.get(kProjectIdKey)) {
        m_id = *id;
    } else {
        m_id = randomId();
        settings.set(kProjectIdKey, m_id);
    }
    transaction.commit();
    adoptLocalChanges();
}

void ServerProject::createCopy(const std::string& path, ServerStore& source)
{
    namespace fs = std::filesystem;
    if (fs::exists(path)) {
        throw InputError(path + " exists already; give migrate-store a new file to copy into, or the file an "
                                "interrupted copy made to go on with it");
    }
    const std::string part = path + ".part";
    for (const char* suffix : {"", "-wal", "-shm"}) {
        fs::remove(part + suffix); // what an interrupted earlier attempt left
    }
    inBatch(source, [&] {
        const ProjectInfo info = source.info();
        auto project = Project::create(part, settingsFrom(info), source.recordSchema());
        project->setOrderSeed(info.orderSeed);
        sqlite::Transaction transaction(project->database());
        project->settingsTable().set(kProjectIdKey, info.id);
        forEachRecordPage(source, 0, [&](const std::vector<Sample>& page) {
            for (const auto& sample : page) {
                if (!project->samples().insert(sample.id, sample.text, sample.meta, sample.record)) {
                    throw InputError("the source holds two records with id '" + sample.id + "'");
                }
            }
        });
        store::UserTable users(project->database());
        for (const auto& user : source.users().list()) {
            users.add(user);
            if (user.revokedAt) {
                users.revoke(user.name, *user.revokedAt);
            }
        }
        transaction.commit();
    });
    fs::rename(part, path);
}

ProjectInfo ServerProject::info()
{
    const ProjectSettings settings = m_project->settings();
    ProjectInfo info;
    info.id = m_id;
    info.name = settings.name;
    info.schema = m_project->schema().toJson();
    info.records = m_project->recordSchema().toJson();
    info.orderSeed = m_project->orderSeed();
    info.overlap = settings.overlap;
    info.blind = settings.blind;
    info.guidelines = settings.guidelines;
    return info;
}

std::int64_t ServerProject::adoptLocalChanges()
{
    sqlite::Transaction transaction(database());
    const std::int64_t adopted = adoptLocalChangesInTransaction();
    transaction.commit();
    return adopted;
}

std::int64_t ServerProject::adoptLocalChangesInTransaction()
{
    constexpr int kBatch = 1000;
    std::int64_t adopted = 0;
    for (;;) {
        const auto rows = m_project->annotations().unsequenced(kBatch);
        for (const auto& row : rows) {
            const auto seq = m_log.append("local-" + randomId(), row.annotator, "annotate", row.sampleId,
                                          annotationToJson(row).dump(), now(), false);
            m_project->annotations().forQuestion(row.question).setSeq(row.sampleKey, row.annotator, seq);
        }
        adopted += static_cast<std::int64_t>(rows.size());
        if (rows.size() < kBatch) {
            break;
        }
    }
    for (;;) {
        const auto rows = m_project->responses().unsequenced(kBatch);
        for (const auto& row : rows) {
            const auto seq = m_log.append("local-" + randomId(), row.annotator, "respond", row.sampleId,
                                          responseToJson(row).dump(), now(), false);
            m_project->responses().setSeq(row.sampleKey, row.annotator, seq);
        }
        adopted += static_cast<std::int64_t>(rows.size());
        if (rows.size() < kBatch) {
            break;
        }
    }
    for (;;) {
        const auto rows = m_project->suggestions().unsequenced(kBatch);
        for (const auto& row : rows) {
            const auto seq = m_log.append("local-" + randomId(), row.agent, "suggest", row.sampleId,
                                          suggestionToJson(row).dump(), now(), false);
            m_project->suggestions().setSeq(row.sampleKey, row.question, row.agent, seq);
        }
        adopted += static_cast<std::int64_t>(rows.size());
        if (rows.size() < kBatch) {
            break;
        }
    }
    for (;;) {
        const auto rows = m_project->resolutions().unsequenced(kBatch);
        for (const auto& row : rows) {
            const auto seq = m_log.append("local-" + randomId(), row.author, "resolve", row.sampleId,
                                          resolutionToJson(row).dump(), now(), false);
            m_project->resolutions().forQuestion(row.question).setSeq(row.sampleKey, seq);
        }
        adopted += static_cast<std::int64_t>(rows.size());
        if (rows.size() < kBatch) {
            break;
        }
    }
    return adopted;
}

std::int64_t ServerProject::schemaSeq()
{
    const auto stored = m_project->settingsTable().get(kSchemaSeqKey);
    return stored ? std::stoll(*stored) : 0;
}

void ServerProject::setSchemaSeq(std::int64_t seq)
{
    m_project->settingsTable().set(kSchemaSeqKey, std::to_string(seq));
}

bool ServerProject::beginBatch()
{
    store::releaseReadSnapshot(database()); // others (user commands, imports) may have written
    m_batch.emplace(database());
    // Labels written to the file by another connection (the hosting app's own) join the log
    // here, so they reach clients within a sync round rather than at the next restart. One
    // indexed lookup when there are none.
    return adoptLocalChangesInTransaction() > 0;
}

void ServerProject::commitBatch()
{
    m_batch->commit();
    m_batch.reset();
}

void ServerProject::rollbackBatch()
{
    m_batch.reset();
}

void ServerProject::beginJob()
{
    database().exec("SAVEPOINT job");
}

void ServerProject::endJob(bool keep)
{
    if (!keep) {
        database().exec("ROLLBACK TO job");
    }
    database().exec("RELEASE job");
}

std::optional<std::int64_t> ServerProject::sampleKey(std::string_view id)
{
    return m_project->samples().keyOf(id);
}

std::optional<Sample> ServerProject::sample(std::int64_t key)
{
    return m_project->samples().findByKey(key);
}

std::vector<Sample> ServerProject::samplesAfter(std::int64_t key, int limit)
{
    return m_project->samples().pageAfter(key, limit);
}

std::optional<AnnotationChange> ServerProject::findAnnotation(std::string_view question, std::int64_t sample,
                                                              std::string_view annotator)
{
    return m_project->annotations().forQuestion(std::string(question)).find(sample, annotator);
}

void ServerProject::storeAnnotation(const AnnotationChange& row)
{
    m_project->annotations().forQuestion(row.question).store(row);
}

void ServerProject::keepAnnotationHistory(std::string_view question, std::int64_t sample, std::string_view annotator,
                                          std::string_view value, std::int64_t at)
{
    m_project->annotations()
        .forQuestion(std::string(question))
        .appendHistory(sample, annotator, std::string(value), at);
}

void ServerProject::setAnnotationSeq(std::string_view question, std::int64_t sample, std::string_view annotator,
                                     std::int64_t seq)
{
    m_project->annotations().forQuestion(std::string(question)).setSeq(sample, annotator, seq);
}

std::vector<AnnotationChange> ServerProject::answersOf(std::int64_t sample, std::string_view annotator)
{
    return m_project->annotations().forResponse(sample, annotator);
}

std::vector<AnnotationChange> ServerProject::annotationsAfter(std::int64_t seq, int limit, std::string_view viewer,
                                                              bool onlyViewers)
{
    return m_project->annotations().changesAfter(seq, limit, viewer, onlyViewers);
}

std::optional<ResolutionChange> ServerProject::findResolution(std::string_view question, std::int64_t sample)
{
    return m_project->resolutions().forQuestion(std::string(question)).find(sample);
}

void ServerProject::storeResolution(const ResolutionChange& row)
{
    m_project->resolutions().forQuestion(row.question).store(row);
}

void ServerProject::keepResolutionHistory(std::string_view question, std::int64_t sample, std::string_view value,
                                          std::string_view note, std::string_view author, std::int64_t at)
{
    m_project->resolutions().forQuestion(std::string(question)).appendHistory(sample, value, note, author, at);
}

std::vector<ResolutionChange> ServerProject::resolutionsAfter(std::int64_t seq, int limit)
{
    return m_project->resolutions().changesAfter(seq, limit);
}

std::optional<ResponseChange> ServerProject::findResponse(std::int64_t sample, std::string_view annotator)
{
    return m_project->responses().find(sample, annotator);
}

void ServerProject::storeResponse(const ResponseChange& row)
{
    m_project->responses().store(row);
}

std::vector<AnnotationChange> ServerProject::everyAnnotationAfter(std::int64_t seq, int limit)
{
    return m_project->annotations().allChangesAfter(seq, limit);
}

std::vector<ResponseChange> ServerProject::everyResponseAfter(std::int64_t seq, int limit)
{
    return m_project->responses().allChangesAfter(seq, limit);
}

std::vector<ResponseChange> ServerProject::responsesAfter(std::int64_t seq, int limit, std::string_view viewer,
                                                          bool onlyViewers)
{
    return m_project->responses().changesAfter(seq, limit, viewer, onlyViewers);
}

void ServerProject::storeSuggestion(const SuggestionChange& row)
{
    m_project->suggestions().store(row);
}

std::vector<SuggestionChange> ServerProject::suggestionsAfter(std::int64_t seq, int limit)
{
    return m_project->suggestions().changesAfter(seq, limit);
}

std::unique_ptr<Project> openForServerAdmin(const std::string& path)
{
    return openServerFile(path, systemNowMs);
}

} // namespace concord::net
