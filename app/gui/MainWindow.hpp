// The main window: the samples list on the left, the annotation view in the centre, progress
// in the status bar, the File menu. It owns the open project's session and wires the views to
// it; errors from the core appear in a banner at the top.
#pragma once

#include "core/store/Project.hpp"

#include <QMainWindow>

#include <memory>

class QLabel;
class QListView;
class QProgressBar;

namespace concord::gui {

class AnnotateView;
class AnnotationSession;
class MessageBanner;
class SampleListModel;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QString annotator, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Open a project (or the demo, created on first use) in place of the current one. On
    // failure the error is shown in the banner, the current project stays, and they return false.
    bool openProject(const QString& path);
    bool openDemo(const QString& path = QString());

    AnnotationSession* session() const { return m_session.get(); }
    SampleListModel* sampleModel() const { return m_model.get(); }
    AnnotateView* annotateView() const { return m_view; }
    QString progressText() const;
    QString errorText() const;

private:
    void buildMenus();
    void buildStatusBar();
    void adopt(std::unique_ptr<Project> project);
    void chooseProject();
    void showCurrent();
    void showProgress();
    void showError(const QString& message);
    void selectInList(std::int64_t key);

    QString m_annotator;
    MessageBanner* m_banner = nullptr;
    QListView* m_list = nullptr;
    QLabel* m_listHeader = nullptr;
    AnnotateView* m_view = nullptr;
    QLabel* m_progressLabel = nullptr;
    QProgressBar* m_progressBar = nullptr;
    QLabel* m_sampleLabel = nullptr;
    // The model reads through the session's project: declared after it, destroyed before it.
    std::unique_ptr<AnnotationSession> m_session;
    std::unique_ptr<SampleListModel> m_model;
};

} // namespace concord::gui
