// Builds the demo project from the Qt resources: schema and guidelines into the settings, the
// reviews through the same Importer the CLI uses.
#include "app/gui/project/DemoProject.hpp"

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

// Creates the project at `path` and imports the reviews; the project is closed on return,
// which folds the write-ahead log back into the file.
void build(const QString& path)
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
        std::string first = "unknown problem";
        if (!report.problems.empty()) {
            first = "line " + std::to_string(report.problems.front().line) + ": " + report.problems.front().message;
        }
        throw InputError("the demo data could not be imported (" + first + ")");
    }
}

} // namespace

QString DemoProject::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("demo.concord"));
}

std::unique_ptr<Project> DemoProject::open(const QString& path)
{
    if (!QFileInfo::exists(path)) {
        create(path);
    }
    return Project::open(QFile::encodeName(path).toStdString());
}

void DemoProject::create(const QString& path)
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
        build(partial);
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
