#include "core/store/Project.hpp"

#include "core/store/Migrations.hpp"
#include "core/store/ReadSnapshot.hpp"
#include "core/store/SqlFunctions.hpp"
#include "core/util/Error.hpp"
#include "core/util/HybridClock.hpp"
#include "core/util/RandomId.hpp"

#include <filesystem>

namespace concord {

Project::Project(const std::string& path, sqlite::Database::Mode mode, Clock clock)
    : m_db(path, mode), m_clock(std::move(clock))
{
    // WAL lets the GUI read while a sync or import writes; NORMAL synchronous is durable
    // against application crashes, which is what a desktop replica needs.
    // Only a new, empty file takes this: a record of several fields of a kilobyte or more then
    // sits in one page without an overflow chain (measured on import, docs/benchmarks.md).
    m_db.exec("PRAGMA page_size = 16384");
    m_db.exec("PRAGMA journal_mode = WAL");
    m_db.exec("PRAGMA synchronous = NORMAL");
    m_db.exec("PRAGMA foreign_keys = ON");
    store::registerSqlFunctions(m_db.handle());
    store::migrate(m_db);
}

std::unique_ptr<Project> Project::create(const std::string& path, const ProjectSettings& settings,
                                         const LabelSchema& schema, Clock clock)
{
    return create(path, settings, RecordSchema::fromLegacy(schema), std::move(clock));
}

std::unique_ptr<Project> Project::create(const std::string& path, const ProjectSettings& settings,
                                         const RecordSchema& schema, Clock clock)
{
    if (std::filesystem::exists(path)) {
        throw InputError(path + " already exists; choose another file name or open it instead");
    }
    std::unique_ptr<Project> project(new Project(path, sqlite::Database::Mode::ReadWriteCreate, std::move(clock)));
    sqlite::Transaction transaction(project->m_db);
    project->m_settings.saveSettings(settings);
    project->m_settings.saveRecordSchema(schema);
    project->m_settings.set("order_seed", std::to_string(randomSeed()));
    transaction.commit();
    project->adoptSchema(schema);
    return project;
}

std::unique_ptr<Project> Project::open(const std::string& path, Clock clock)
{
    if (!std::filesystem::exists(path)) {
        throw InputError(path + ": no such project file");
    }
    std::unique_ptr<Project> project(new Project(path, sqlite::Database::Mode::ReadWrite, std::move(clock)));
    project->adoptSchema(project->m_settings.loadRecordSchema());
    return project;
}

void Project::adoptSchema(const RecordSchema& schema)
{
    m_recordSchema = schema;
    m_legacy = schema.isLegacy();
    const Question& primary = schema.primary();
    m_schema = primary.asksLabels() ? primary.labels : LabelSchema{};
    m_annotations.bind(primary.name);
    m_resolutions.bind(primary.name);
}

std::uint64_t Project::orderSeed()
{
    const auto stored = m_settings.get("order_seed");
    return stored ? std::stoull(*stored) : 0;
}

RecordContent Project::recordFor(const Sample& sample, const Question& question) const
{
    return question.kind == QuestionKind::Spans ? recordOf(sample) : RecordContent{};
}

void Project::setOrderSeed(std::uint64_t seed)
{
    if (m_replica.load()) {
        throw InputError(path() + " is a replica; its order seed is the server's");
    }
    for (const Question& question : m_recordSchema.questions) {
        if (m_annotations.forQuestion(question.name).anyAnswer()) {
            throw InputError(path() + " has answers already, whose orders were drawn from its seed");
        }
    }
    m_settings.set("order_seed", std::to_string(seed));
}

RecordContent Project::recordOf(const Sample& sample) const
{
    return concord::recordOf(sample);
}

RecordLimits Project::recordLimits()
{
    RecordLimits limits;
    limits.textBytes = settings().maxTextBytes;
    return limits;
}

Sample Project::requireSample(const std::string& sampleId)
{
    auto sample = m_samples.findById(sampleId);
    if (!sample) {
        throw InputError("no sample with id '" + sampleId + "' in " + path());
    }
    return *sample;
}

void Project::annotate(const std::string& sampleId, const std::string& annotator, const nlohmann::json& value)
{
    annotate(requireSample(sampleId).key, annotator, value);
}

std::string Project::annotate(std::int64_t sampleKey, const std::string& annotator, const nlohmann::json& value)
{
    return answer(sampleKey, annotator, m_recordSchema.primary().name, value);
}

bool Project::takeBack(std::int64_t sampleKey, const std::string& annotator, const std::string& question)
{
    store::releaseReadSnapshot(m_db); // as in annotate(): the sync may write the same file
    sqlite::Transaction transaction(m_db);
    if (m_replica.load()) {
        throw InputError("on a project joined to a server a label cannot be taken back yet; label the sample "
                         "again instead");
    }
    const bool removed = question.empty() ? m_annotations.remove(sampleKey, annotator, now())
                                          : m_annotations.forQuestion(question).remove(sampleKey, annotator, now());
    transaction.commit();
    return removed;
}

void Project::resolve(const std::string& sampleId, const std::string& author, const nlohmann::json& value,
                      const std::string& note, const std::string& questionName)
{
    const Sample sample = requireSample(sampleId);
    const Question& question = questionName.empty() ? m_recordSchema.primary() : m_recordSchema.question(questionName);
    checkAnswer(question, value, recordFor(sample, question), !m_legacy);
    auto gold = m_resolutions.forQuestion(question.name);
    checkNameSize(author, "the reviewer's name");
    checkNoteSize(note);
    // A statement left unreset holds an old snapshot; with a sync writing the same file (the
    // GUI's replica), the write would then fail at once with "database is locked".
    store::releaseReadSnapshot(m_db);
    sqlite::Transaction transaction(m_db);
    if (auto replica = m_replica.load()) {
        if (!canResolve(replica->role)) {
            throw InputError("this replica belongs to " + replica->user + ", an " +
                             std::string(toString(replica->role)) + "; only reviewers and admins resolve samples");
        }
        if (author != replica->user) {
            throw InputError("this replica belongs to " + replica->user + "; it cannot resolve as " + author);
        }
        PendingOperation operation;
        operation.opId = randomId();
        operation.kind = OperationKind::Resolve;
        operation.sampleId = sample.id;
        operation.annotator = author;
        operation.question = question.name;
        operation.value = value.dump();
        operation.note = note;
        operation.stamp = Stamp{m_replica.tick(now()), replica->clientId};
        operation.createdAt = now();
        // The row's time is its stamp's, as the server stores it.
        gold.set(sample.key, operation.value, note, author, hlc::toMs(operation.stamp.hlc), operation.stamp);
        m_outbox.add(operation);
    } else {
        gold.set(sample.key, value.dump(), note, author, now());
    }
    transaction.commit();
}

} // namespace concord
