#include "net/server/ServerProject.hpp"

#include "core/util/Error.hpp"
#include "core/util/RandomId.hpp"
#include "net/protocol/RowJson.hpp"

namespace concord::net {

namespace {

constexpr const char* kProjectIdKey = "sync.project_id";

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

std::unique_ptr<Project> openForServerAdmin(const std::string& path)
{
    return openServerFile(path, systemNowMs);
}

} // namespace concord::net
