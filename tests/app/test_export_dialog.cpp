// Offscreen tests of the export dialog: a real project, the dialog's options, the export run
// off the GUI thread into a temporary directory, and the summary with the leakage check.
#include "GuiTestSupport.hpp"
#include "app/gui/MainWindow.hpp"
#include "app/gui/export/ExportDialog.hpp"
#include "app/gui/project/OpenProject.hpp"
#include "core/store/Project.hpp"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using concord::Project;
using concord::gui::ExportDialog;
using concord::gui::MainWindow;
using guitest::makeProject;
using guitest::singleSchema;

namespace {

// 20 samples, each labeled by alice and bob alike (so the majority is their label).
QString labeledProject(const QTemporaryDir& dir)
{
    const QString path = makeProject(dir, singleSchema, 20);
    auto project = Project::open(path.toStdString());
    for (int i = 1; i <= 20; ++i) {
        const nlohmann::json value = {{"labels", {i % 2 == 0 ? "positive" : "negative"}}};
        project->annotate("s" + std::to_string(i), "alice", value);
        project->annotate("s" + std::to_string(i), "bob", value);
    }
    return path;
}

} // namespace

class TestExportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exportsIntoDirectory()
    {
        QTemporaryDir dir;
        const QString path = labeledProject(dir);
        concord::gui::OpenProject project(Project::open(path.toStdString()), QStringLiteral("tester"));
        ExportDialog dialog(project);
        dialog.show();
        const QString out = dir.filePath(QStringLiteral("dataset"));
        dialog.directoryEdit()->setText(out);
        dialog.formatBox()->setCurrentIndex(dialog.formatBox()->findData(QStringLiteral("hf")));
        dialog.trainBox()->setValue(70);
        dialog.validationBox()->setValue(10);
        dialog.testBox()->setValue(20);
        dialog.seedBox()->setValue(7);
        QSignalSpy finished(&dialog, &ExportDialog::finished);
        QVERIFY(dialog.startExport());
        QVERIFY(dialog.isRunning());
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.front().front().toBool(), qPrintable(dialog.errorText()));
        QVERIFY(!dialog.isRunning());
        QVERIFY2(dialog.summaryText().contains(QStringLiteral("Wrote 20 records")), qPrintable(dialog.summaryText()));
        QVERIFY(dialog.summaryText().contains(QStringLiteral("Leakage check passed")));
        const QStringList files = QDir(out).entryList(QDir::Files);
        QVERIFY2(files.contains(QStringLiteral("label_map.json")), qPrintable(files.join(QLatin1Char(' '))));
        QVERIFY(files.contains(QStringLiteral("train.jsonl")));

        // The directory holds files now: a second export is refused unless asked to replace it.
        QVERIFY(dialog.startExport());
        QVERIFY(finished.wait(20000));
        QVERIFY(!finished.back().front().toBool());
        QVERIFY(!dialog.errorText().isEmpty());
        dialog.replaceCheck()->setChecked(true);
        dialog.foldsRadio()->setChecked(true);
        dialog.foldsBox()->setValue(4);
        QVERIFY(dialog.startExport());
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.back().front().toBool(), qPrintable(dialog.errorText()));
        QVERIFY(QDir(out).entryList(QDir::Files).contains(QStringLiteral("fold-4.jsonl")));
    }

    void refusesBadSplits()
    {
        QTemporaryDir dir;
        const QString path = labeledProject(dir);
        concord::gui::OpenProject project(Project::open(path.toStdString()), QStringLiteral("tester"));
        ExportDialog dialog(project);
        dialog.directoryEdit()->setText(dir.filePath(QStringLiteral("out")));
        dialog.trainBox()->setValue(90);
        QVERIFY(!dialog.startExport());
        QVERIFY(dialog.errorText().contains(QStringLiteral("110")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out"))));
    }

    void menuOpensDialog()
    {
        QTemporaryDir dir;
        MainWindow window(QStringLiteral("tester"));
        QVERIFY(window.openProject(labeledProject(dir)));
        QVERIFY(guitest::showAndActivate(window));
        guitest::press(window, Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY(window.findChild<ExportDialog*>() != nullptr);
        QVERIFY(window.findChild<ExportDialog*>()->directoryEdit()->text().endsWith(QStringLiteral("test-dataset")));
    }
};

int runExportDialogTests(int argc, char** argv)
{
    TestExportDialog test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_export_dialog.moc"
