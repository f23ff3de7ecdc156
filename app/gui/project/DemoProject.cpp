// Builds the demo projects from the Qt resources through the same importers the CLI uses: the
// review demo's schema and guidelines into the settings and its reviews through Importer; the
// feedback demo from the preference template, its records and each annotator's votes through
// FieldImporter.
#include "app/gui/project/DemoProject.hpp"

#include "core/feedback/FieldImport.hpp"
#include "core/feedback/Templates.hpp"
#include "core/io/Importer.hpp"
#include "core/io/RecordReader.hpp"
#include "core/util/Error.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <sstream>

// Q_INIT_RESOURCE must be used outside any namespace; the resources live in a static library,
// so nothing would pull them into the executable otherwise.
static void initDemoResources()
{
    Q_INIT_RESOURCE(demo);
}

namespace concord::gui {

namespace {

std::string readResource(const QString& name)
{
    QFile file(name);
    if (!file.open(QIODevice::ReadOnly)) {
        throw StoreError("the demo resource " + name.toStdString() + " is missing from this build");
    }
    const QByteArray bytes = file.readAll();
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

LabelSchema demoSchema()
{
    try {
        return LabelSchema::fromJson(nlohmann::json::parse(readResource(QStringLiteral(":/demo/schema.json"))));
    } catch (const nlohmann::json::exception& error) {
        throw InputError(std::string("demo/schema.json: ") + error.what());
    }
}

void removeDatabaseFiles(const QString& path)
{
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        QFile::remove(path + QLatin1String(suffix));
    }
}

// The first of an import's problems, for the message of a demo that could not be built.
template <typename Problems> std::string firstProblem(const Problems& problems)
{
    if (problems.empty()) {
        return "unknown problem";
    }
    return "line " + std::to_string(problems.front().line) + ": " + problems.front().message;
}

// Creates the review demo at `path`; the project is closed on return, which folds the
// write-ahead log back into the file.
void buildReviews(const QString& path)
{
    ProjectSettings settings;
    settings.name = "Demo: review sentiment";
    settings.guidelines = readResource(QStringLiteral(":/demo/guidelines.md"));
    auto project = Project::create(QFile::encodeName(path).toStdString(), settings, demoSchema());

    std::istringstream input(readResource(QStringLiteral(":/demo/reviews.jsonl")));
    auto reader = io::makeReader(io::Format::Jsonl, input);
    io::ImportOptions options;
    options.sourceName = "reviews.jsonl";
    options.labelField = "reference";
    options.annotator = DemoProject::referenceAnnotator;
    const io::ImportReport report = io::Importer(*project, options).run(*reader);
    if (!report.committed) {
        throw InputError("the demo data could not be imported (" + firstProblem(report.problems) + ")");
    }
}

void importFeedback(Project& project, const QString& resource, FieldImportOptions options)
{
    std::istringstream input(readResource(resource));
    auto reader = io::makeReader(io::Format::Jsonl, input);
    const std::string name = resource.mid(resource.lastIndexOf(QLatin1Char('/')) + 1).toStdString();
    options.sourceName = name;
    const FieldImportReport report = FieldImporter(project, std::move(options)).run(*reader);
    if (!report.committed) {
        throw InputError("the demo data " + name + " could not be imported (" + firstProblem(report.problems) + ")");
    }
}

// Creates the feedback demo at `path`: the records with the model behind each response and the
// judge's suggestion, then each annotator's column of votes.jsonl as that annotator's answers.
void buildFeedback(const QString& path)
{
    ProjectSettings settings;
    settings.name = "Demo: which response is better?";
    settings.guidelines = readResource(QStringLiteral(":/feedback-demo/guidelines.md"));
    auto project = Project::create(QFile::encodeName(path).toStdString(), settings,
                                   RecordSchema::fromJson(templateSchema("preference")));
    project->setOrderSeed(DemoProject::feedbackOrderSeed);

    FieldImportOptions records;
    records.metaKeys = {{"response_a.model", "model_a"}, {"response_b.model", "model_b"}};
    records.suggestion = {{"preference", "judge"}};
    records.scoreKeys = {{"preference", "judge_score"}};
    records.agents = {{"preference", DemoProject::judgeAgent}};
    importFeedback(*project, QStringLiteral(":/feedback-demo/records.jsonl"), records);
    for (const char* annotator : DemoProject::feedbackAnnotators) {
        FieldImportOptions votes;
        votes.answerKeys = {{"preference", annotator}};
        votes.annotator = annotator;
        importFeedback(*project, QStringLiteral(":/feedback-demo/votes.jsonl"), votes);
    }
}

} // namespace

QString DemoProject::defaultPath(DemoKind kind)
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(kind == DemoKind::Feedback ? QStringLiteral("feedback-demo.concord")
                                             : QStringLiteral("demo.concord"));
}

std::unique_ptr<Project> DemoProject::open(const QString& path, DemoKind kind)
{
    const QString target = path.isEmpty() ? defaultPath(kind) : path;
    if (!QFileInfo::exists(target)) {
        create(kind, target);
    }
    return Project::open(QFile::encodeName(target).toStdString());
}

void DemoProject::create(DemoKind kind, const QString& path)
{
    initDemoResources();
    const QFileInfo target(path);
    if (!QDir().mkpath(target.absolutePath())) {
        throw StoreError("cannot create the folder " + target.absolutePath().toStdString());
    }
    // Build under a temporary name and rename at the end, so that an interrupted first start
    // never leaves a half-imported demo that later starts would open as it is.
    const QString partial = path + QStringLiteral(".part");
    removeDatabaseFiles(partial);
    try {
        if (kind == DemoKind::Feedback) {
            buildFeedback(partial);
        } else {
            buildReviews(partial);
        }
    } catch (...) {
        removeDatabaseFiles(partial);
        throw;
    }
    if (!QFile::rename(partial, path)) {
        removeDatabaseFiles(partial);
        throw StoreError("cannot move the new demo project to " + path.toStdString());
    }
}

} // namespace concord::gui
