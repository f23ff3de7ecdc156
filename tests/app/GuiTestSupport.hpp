// Shared by the offscreen GUI tests: real project files in a temporary folder, read back through
// a fresh Project::open, and key presses sent where the user's would go.
#pragma once

#include "app/gui/MainWindow.hpp"
#include "core/io/Importer.hpp"
#include "core/io/RecordReader.hpp"
#include "core/store/Project.hpp"

#include <QApplication>
#include <QTemporaryDir>
#include <QTest>

#include <sstream>
#include <string>
#include <vector>

namespace guitest {

// A single- or multi-label value of one label.
inline nlohmann::json labelValue(const char* name)
{
    return {{"labels", {name}}};
}

inline const char* const singleSchema = R"({"kind":"single","labels":[
    {"name":"positive","color":"#2e7d32","key":"p"},{"name":"negative","color":"#c62828","key":"n"}]})";

// Creates a project with `count` samples s1..sN whose texts are "text 1".."text N" (or `texts`).
inline QString makeProject(const QTemporaryDir& dir, const char* schemaJson, int count,
                           const std::vector<std::string>& texts = {}, const std::string& guidelines = {})
{
    const QString path = dir.filePath(QStringLiteral("test.concord"));
    concord::ProjectSettings settings;
    settings.name = "Test project";
    settings.guidelines = guidelines;
    auto project = concord::Project::create(path.toStdString(), settings,
                                            concord::LabelSchema::fromJson(nlohmann::json::parse(schemaJson)));
    std::ostringstream jsonl;
    for (int i = 1; i <= count; ++i) {
        const std::string text =
            i <= static_cast<int>(texts.size()) ? texts[static_cast<std::size_t>(i - 1)] : "text " + std::to_string(i);
        jsonl << nlohmann::json{{"id", "s" + std::to_string(i)}, {"text", text}}.dump() << '\n';
    }
    std::istringstream input(jsonl.str());
    auto reader = concord::io::makeReader(concord::io::Format::Jsonl, input);
    const auto report = concord::io::Importer(*project, {}).run(*reader);
    if (!report.committed) {
        qFatal("test project import failed");
    }
    return path;
}

// The annotator's stored value for a sample as compact JSON ("null" when there is none), read
// through a fresh connection to the file.
inline QString storedValue(const QString& path, const std::string& sampleId, const std::string& annotator = "tester")
{
    auto project = concord::Project::open(path.toStdString());
    const auto key = project->samples().keyOf(sampleId);
    const auto annotation = key ? project->annotations().get(*key, annotator) : std::nullopt;
    return QString::fromStdString(annotation ? nlohmann::json::parse(annotation->value).dump() : "null");
}

// Sends a key where the user's key would go: the focused widget (the samples list after opening).
inline void press(QWidget& window, int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : &window;
    QTest::keyClick(target, static_cast<Qt::Key>(key), modifiers);
}

inline bool showAndActivate(QWidget& window)
{
    window.show();
    window.activateWindow();
    return QTest::qWaitForWindowActive(&window);
}

} // namespace guitest
