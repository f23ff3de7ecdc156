// The first page when Concord starts without a project: the recent projects (missing files
// greyed, with a note), and buttons for a new project (the import wizard), opening a project,
// the demo and joining a server. It only asks; MainWindow does the opening.
#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace concord::gui {

class WelcomeScreen : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomeScreen(QWidget* parent = nullptr);

    // Reads the recent projects list again (RecentProjects) and puts the focus on its first row.
    void refresh();
    // The button "Join a server…" triggers `action`; without one (nullptr) it stays disabled.
    void setJoinAction(QAction* action);

    QListWidget* recentList() const { return m_recent; }
    QPushButton* newButton() const { return m_new; }
    QPushButton* openButton() const { return m_open; }
    QPushButton* demoButton() const { return m_demo; }
    QPushButton* feedbackDemoButton() const { return m_feedbackDemo; }
    QPushButton* joinButton() const { return m_join; }

Q_SIGNALS:
    void newProjectRequested();
    void chooseProjectRequested();
    void demoRequested();
    void feedbackDemoRequested();
    void templateRequested();
    void openRequested(const QString& path);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void activate(QListWidgetItem* item);

    QListWidget* m_recent = nullptr;
    QLabel* m_emptyNote = nullptr;
    QPushButton* m_new = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_demo = nullptr;
    QPushButton* m_feedbackDemo = nullptr;
    QPushButton* m_template = nullptr;
    QPushButton* m_join = nullptr;
    QAction* m_joinAction = nullptr;
};

} // namespace concord::gui
