// The main window: an error banner on top, the screens as tabs (annotate, review, dashboard,
// quality, samples), progress in the status bar, the menus. It owns the open project (an
// OpenProject) and hands the same one to every screen; it only arranges them. Errors from the
// core appear in the banner.
#pragma once

#include "app/gui/project/DemoProject.hpp"
#include "app/gui/sync/SyncBridge.hpp"
#include "core/store/Project.hpp"

#include <QMainWindow>

#include <memory>
#include <vector>

class QAction;
class QLabel;
class QProgressBar;
class QStackedWidget;
class QTabBar;

namespace concord::gui {

class AnnotateScreen;
class AnnotateView;
class AnnotationSession;
class DashboardScreen;
class MessageBanner;
class OpenProject;
class ProjectView;
class QualityScreen;
class SamplesScreen;
class SyncStatusWidget;
class ReviewScreen;
class SampleListModel;
class WelcomeScreen;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Screen
    {
        Annotate,
        Review,
        Dashboard,
        Quality,
        Samples
    };

    explicit MainWindow(QString annotator, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Open a project (or the demo, created on first use) in place of the current one. On
    // failure the error is shown in the banner, the current project stays, and they return false.
    bool openProject(const QString& path);
    bool openDemo(const QString& path = QString(), DemoKind kind = DemoKind::Reviews);
    void showScreen(Screen screen);
    // The welcome page in place of the screens, until a project opens (WelcomeScreen).
    void showWelcome();
    // File ▸ New project…: the import wizard; the project it creates opens.
    void newProject();
    // The templates of feedback data with a live preview (TemplateDialog).
    void newFromTemplate();
    // Records from a file into the open project of fields and questions (FieldImportDialog);
    // `file`: load it at once.
    void importRecords(const QString& file = QString());
    // File ▸ Export…: the export dialog over the open project (ExportDialog).
    void exportDataset();

    // The open project (nullptr: none), and its session and samples list.
    OpenProject* project() const { return m_project.get(); }
    AnnotationSession* session() const;
    SampleListModel* sampleModel() const;
    // Timing of the sync of replicas opened from now on (tests make it quick).
    void setSyncTiming(const SyncTiming& timing) { m_syncTiming = timing; }
    AnnotateScreen* annotateScreen() const { return m_annotate; }
    AnnotateView* annotateView() const;
    ReviewScreen* reviewScreen() const { return m_review; }
    DashboardScreen* dashboard() const { return m_dashboard; }
    QualityScreen* quality() const { return m_quality; }
    SamplesScreen* samplesScreen() const { return m_samplesScreen; }
    WelcomeScreen* welcome() const { return m_welcome; }
    SyncStatusWidget* syncStatus() const { return m_syncStatus; }
    QString progressText() const;
    QString errorText() const;

private:
    void buildMenus();
    void buildStatusBar();
    void adopt(std::unique_ptr<Project> project);
    void chooseProject();
    void screenChanged(int index);
    void showProgress();
    void showError(const QString& message);
    void showNotice(const QString& message);
    void openSample(const QString& sampleId);
    void hostProject();
    void joinServer();

    QString m_annotator;
    MessageBanner* m_banner = nullptr;
    QTabBar* m_tabBar = nullptr;
    QStackedWidget* m_stack = nullptr;
    AnnotateScreen* m_annotate = nullptr;
    ReviewScreen* m_review = nullptr;
    DashboardScreen* m_dashboard = nullptr;
    QualityScreen* m_quality = nullptr;
    SamplesScreen* m_samplesScreen = nullptr;
    WelcomeScreen* m_welcome = nullptr;
    QWidget* m_strip = nullptr; // the screens' tabs
    QLabel* m_progressLabel = nullptr;
    QProgressBar* m_progressBar = nullptr;
    QLabel* m_sampleLabel = nullptr;
    QList<QAction*> m_annotateActions; // undo, redo, skip: only on the annotate screen
    SyncStatusWidget* m_syncStatus = nullptr;
    std::vector<ProjectView*> m_views; // every screen, each handed the open project alike
    SyncTiming m_syncTiming;
    std::unique_ptr<OpenProject> m_project;
};

} // namespace concord::gui
