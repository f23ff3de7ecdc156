// Window layout, menus, and handing the open project to the screens. No storage logic here:
// everything goes through the open project and the screens.
#include "app/gui/MainWindow.hpp"

#include "app/gui/annotate/AnnotateScreen.hpp"
#include "app/gui/annotate/AnnotateView.hpp"
#include "app/gui/annotate/FlagController.hpp"
#include "app/gui/annotate/SamplePanel.hpp"
#include "app/gui/dashboard/DashboardScreen.hpp"
#include "app/gui/export/ExportDialog.hpp"
#include "app/gui/importing/FieldImportDialog.hpp"
#include "app/gui/importing/ImportWizard.hpp"
#include "app/gui/newproject/TemplateDialog.hpp"
#include "app/gui/project/AnnotationSession.hpp"
#include "app/gui/project/DemoProject.hpp"
#include "app/gui/project/OpenProject.hpp"
#include "app/gui/project/SampleListModel.hpp"
#include "app/gui/quality/QualityScreen.hpp"
#include "app/gui/review/ReviewScreen.hpp"
#include "app/gui/samples/SamplesScreen.hpp"
#include "app/gui/sync/HostDialog.hpp"
#include "app/gui/sync/JoinServerDialog.hpp"
#include "app/gui/sync/ServerHost.hpp"
#include "app/gui/sync/SyncStatusWidget.hpp"
#include "app/gui/welcome/RecentProjects.hpp"
#include "app/gui/welcome/WelcomeScreen.hpp"
#include "app/gui/widgets/MessageBanner.hpp"
#include "core/util/Error.hpp"

#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QProgressBar>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace concord::gui {

MainWindow::MainWindow(QString annotator, QWidget* parent) : QMainWindow(parent), m_annotator(std::move(annotator))
{
    setWindowTitle(QStringLiteral("Concord"));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner = new MessageBanner(central);
    layout->addWidget(m_banner);

    // The screens' tabs on a white strip across the window, the screens in a stack below.
    auto* strip = new QWidget(central);
    strip->setObjectName(QStringLiteral("screenStrip"));
    auto* stripLayout = new QHBoxLayout(strip);
    stripLayout->setContentsMargins(8, 0, 8, 0);
    m_tabBar = new QTabBar(strip);
    m_tabBar->setObjectName(QStringLiteral("screenTabs"));
    m_tabBar->setFocusPolicy(Qt::NoFocus); // arrows and keys stay with the screen
    m_tabBar->setDrawBase(false);
    m_tabBar->setExpanding(false);
    m_tabBar->addTab(QStringLiteral("Annotate  (Ctrl+1)"));
    m_tabBar->addTab(QStringLiteral("Review  (Ctrl+2)"));
    m_tabBar->addTab(QStringLiteral("Dashboard  (Ctrl+3)"));
    m_tabBar->addTab(QStringLiteral("Quality  (Ctrl+4)"));
    m_tabBar->addTab(QStringLiteral("Samples  (Ctrl+5)"));
    // The style sheet sets the selected tab in bold, which the tab bar's size hint does not
    // measure; without room for it the last tab is cut and scroll arrows appear.
    QFont bold = m_tabBar->font();
    bold.setWeight(QFont::DemiBold);
    int widest = 0;
    for (int i = 0; i < m_tabBar->count(); ++i) {
        widest = std::max(widest, QFontMetrics(bold).horizontalAdvance(m_tabBar->tabText(i)) -
                                      QFontMetrics(m_tabBar->font()).horizontalAdvance(m_tabBar->tabText(i)));
    }
    m_tabBar->setUsesScrollButtons(false);
    m_tabBar->setMinimumWidth(m_tabBar->sizeHint().width() + widest + 8);
    stripLayout->addWidget(m_tabBar);
    stripLayout->addStretch();
    m_stack = new QStackedWidget(central);
    m_annotate = new AnnotateScreen(m_stack);
    m_review = new ReviewScreen(m_stack);
    m_stack->addWidget(m_annotate);
    m_dashboard = new DashboardScreen(m_stack);
    m_quality = new QualityScreen(m_stack);
    m_stack->addWidget(m_review);
    m_stack->addWidget(m_dashboard);
    m_stack->addWidget(m_quality);
    m_samplesScreen = new SamplesScreen(m_stack);
    m_stack->addWidget(m_samplesScreen);
    m_views = {m_annotate, m_review, m_dashboard, m_quality, m_samplesScreen};
    layout->addWidget(strip);
    layout->addWidget(m_stack, 1);
    m_strip = strip;
    m_welcome = new WelcomeScreen(central);
    m_welcome->hide();
    layout->addWidget(m_welcome, 1);
    setCentralWidget(central);

    buildMenus();
    buildStatusBar();
    connect(m_annotate, &AnnotateScreen::failed, this, &MainWindow::showError);
    connect(m_annotate, &AnnotateScreen::notice, this, &MainWindow::showNotice);
    connect(m_review, &ReviewScreen::failed, this, &MainWindow::showError);
    connect(m_review, &ReviewScreen::notice, this, &MainWindow::showNotice);
    connect(m_dashboard, &DashboardScreen::failed, this, &MainWindow::showError);
    connect(m_dashboard, &DashboardScreen::notice, this, &MainWindow::showNotice);
    connect(m_dashboard, &DashboardScreen::openSample, this, &MainWindow::openSample);
    connect(m_quality, &QualityScreen::failed, this, &MainWindow::showError);
    connect(m_quality, &QualityScreen::openSample, this, &MainWindow::openSample);
    connect(m_samplesScreen, &SamplesScreen::openSample, this, &MainWindow::openSample);
    connect(m_samplesScreen, &SamplesScreen::failed, this, &MainWindow::showError);
    connect(m_annotate, &AnnotateScreen::sampleShown, this, [this](const QString& id) {
        m_sampleLabel->setText(id.isEmpty() ? QString() : QStringLiteral("sample %1").arg(id));
    });
    connect(m_tabBar, &QTabBar::currentChanged, this, &MainWindow::screenChanged);
    connect(m_welcome, &WelcomeScreen::newProjectRequested, this, &MainWindow::newProject);
    connect(m_welcome, &WelcomeScreen::templateRequested, this, &MainWindow::newFromTemplate);
    connect(m_welcome, &WelcomeScreen::chooseProjectRequested, this, &MainWindow::chooseProject);
    connect(m_welcome, &WelcomeScreen::demoRequested, this, [this] { openDemo(); });
    connect(m_welcome, &WelcomeScreen::feedbackDemoRequested, this, [this] { openDemo({}, DemoKind::Feedback); });
    connect(m_welcome, &WelcomeScreen::openRequested, this, &MainWindow::openProject);
    m_annotate->showPlaceholder(QStringLiteral("No project is open. Open one with File \u203a Open project\u2026 "
                                               "(Ctrl+O), or try the demo with File \u203a Open demo."));

    const QRect screen = QApplication::primaryScreen() ? QApplication::primaryScreen()->availableGeometry() : QRect();
    resize(screen.isValid() ? QSize(1280, 800).boundedTo(screen.size()) : QSize(1280, 800));
}

MainWindow::~MainWindow()
{
    // The screens drop the project before it goes.
    for (ProjectView* view : m_views) {
        view->setProject(nullptr);
    }
}

AnnotationSession* MainWindow::session() const
{
    return m_project ? &m_project->session() : nullptr;
}

SampleListModel* MainWindow::sampleModel() const
{
    return m_project ? &m_project->samples() : nullptr;
}

AnnotateView* MainWindow::annotateView() const
{
    return m_annotate->view();
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(QStringLiteral("&File"));
    QAction* create = file->addAction(QStringLiteral("&New project\u2026"), this, &MainWindow::newProject);
    file->addAction(QStringLiteral("New project from a &template\u2026"), this, &MainWindow::newFromTemplate);
    file->addAction(QStringLiteral("&Import records\u2026"), this, [this] { importRecords(); });
    create->setShortcut(QKeySequence::New);
    QAction* open = file->addAction(QStringLiteral("&Open project\u2026"), this, &MainWindow::chooseProject);
    open->setShortcut(QKeySequence::Open);
    file->addAction(QStringLiteral("Open &demo"), this, [this] { openDemo(); });
    file->addAction(QStringLiteral("Open &feedback demo"), this, [this] { openDemo({}, DemoKind::Feedback); });
    QAction* exportAction = file->addAction(QStringLiteral("&Export\u2026"), this, &MainWindow::exportDataset);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    file->addAction(QStringLiteral("&Host this project\u2026"), this, &MainWindow::hostProject);
    file->addAction(QStringLiteral("&Join a server\u2026"), this, &MainWindow::joinServer);
    file->addSeparator();
    QAction* quit = file->addAction(QStringLiteral("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(QStringLiteral("&Edit"));
    QAction* undo = edit->addAction(QStringLiteral("&Undo label"), this, [this] {
        if (session()) {
            session()->undo();
        }
    });
    undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    QAction* redo = edit->addAction(QStringLiteral("&Redo label"), this, [this] {
        if (session()) {
            session()->redo();
        }
    });
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    QAction* skip = edit->addAction(QStringLiteral("&Skip sample"), this, [this] {
        if (session()) {
            session()->skip();
        }
    });
    skip->setShortcut(QKeySequence(Qt::Key_Space));
    // The key (F, or Shift+F when a label has F) is the screen's own shortcut; this is the
    // way to find it.
    QAction* flag = edit->addAction(QStringLiteral("&Flag sample…"), this, [this] {
        if (session()) {
            showScreen(Screen::Annotate);
            m_annotate->flags()->flagCurrent();
        }
    });
    edit->addSeparator();
    QAction* find = edit->addAction(QStringLiteral("&Find sample"), this, [this] {
        showScreen(Screen::Annotate);
        m_annotate->samples()->searchBox()->setFocus();
        m_annotate->samples()->searchBox()->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    m_annotateActions = {undo, redo, skip, flag};

    QMenu* view = menuBar()->addMenu(QStringLiteral("&View"));
    QAction* annotate = view->addAction(QStringLiteral("&Annotate"), this, [this] { showScreen(Screen::Annotate); });
    annotate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction* review = view->addAction(QStringLiteral("&Review"), this, [this] { showScreen(Screen::Review); });
    review->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    QAction* dashboard = view->addAction(QStringLiteral("&Dashboard"), this, [this] { showScreen(Screen::Dashboard); });
    dashboard->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    QAction* quality = view->addAction(QStringLiteral("&Quality"), this, [this] { showScreen(Screen::Quality); });
    quality->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    QAction* samples = view->addAction(QStringLiteral("&Samples table"), this, [this] { showScreen(Screen::Samples); });
    samples->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_5));
    view->addSeparator();
    QAction* guidelines = view->addAction(QStringLiteral("&Guidelines"));
    guidelines->setCheckable(true);
    guidelines->setChecked(true);
    guidelines->setShortcut(QKeySequence(Qt::Key_F1));
    connect(guidelines, &QAction::toggled, m_annotate, &AnnotateScreen::setGuidelinesVisible);
}

void MainWindow::buildStatusBar()
{
    m_progressBar = new QProgressBar(this);
    m_progressBar->setTextVisible(false);
    m_progressBar->setFixedWidth(140);
    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_sampleLabel = new QLabel(this);
    m_sampleLabel->setObjectName(QStringLiteral("currentSampleLabel"));
    m_sampleLabel->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_progressBar);
    statusBar()->addPermanentWidget(m_progressLabel);
    statusBar()->addPermanentWidget(m_sampleLabel);
    m_syncStatus = new SyncStatusWidget(this);
    statusBar()->addPermanentWidget(m_syncStatus);
    statusBar()->setSizeGripEnabled(false);
    m_progressBar->hide();
}

void MainWindow::showScreen(Screen screen)
{
    QWidget* widgets[] = {m_annotate, m_review, m_dashboard, m_quality, m_samplesScreen};
    m_tabBar->setCurrentIndex(m_stack->indexOf(widgets[static_cast<int>(screen)]));
}

void MainWindow::screenChanged(int index)
{
    m_stack->setCurrentIndex(index);
    const bool annotating = m_stack->widget(index) == m_annotate;
    for (QAction* action : m_annotateActions) {
        action->setEnabled(annotating);
    }
    // The annotator's progress belongs to the annotate screen; review shows its own count.
    m_progressLabel->setVisible(annotating);
    m_sampleLabel->setVisible(annotating);
    m_progressBar->setVisible(annotating && session() && session()->sampleCount() > 0);
    if (m_stack->widget(index) == m_review) {
        m_review->setFocus();
    } else if (m_stack->widget(index) == m_quality) {
        m_quality->tree()->setFocus();
    } else if (m_stack->widget(index) == m_samplesScreen) {
        m_samplesScreen->table()->setFocus();
    } else if (annotating && session()) {
        m_annotate->takeKeyboard();
    }
}

bool MainWindow::openProject(const QString& path)
{
    // The core's messages usually name the file already; say it only when they do not.
    const auto report = [&](const char* what) {
        const QString message = QString::fromUtf8(what);
        showError(message.contains(path) ? QStringLiteral("Could not open the project: %1").arg(message)
                                         : QStringLiteral("Could not open %1: %2").arg(path, message));
    };
    try {
        adopt(Project::open(QFile::encodeName(path).toStdString()));
        return true;
    } catch (const InputError& error) {
        report(error.what());
    } catch (const StoreError& error) {
        report(error.what());
    }
    return false;
}

bool MainWindow::openDemo(const QString& path, DemoKind kind)
{
    const auto report = [this](const char* what) {
        showError(QStringLiteral("Could not open the demo project: %1").arg(QString::fromUtf8(what)));
    };
    try {
        adopt(DemoProject::open(path, kind));
        return true;
    } catch (const InputError& error) {
        report(error.what());
    } catch (const StoreError& error) {
        report(error.what());
    }
    return false;
}

void MainWindow::adopt(std::unique_ptr<Project> project)
{
    // Build everything for the new project before touching the old one, so that a failure
    // (thrown from here) leaves the window as it was.
    auto opened = std::make_unique<OpenProject>(std::move(project), m_annotator, m_syncTiming);
    m_annotator = opened->user(); // on a replica, the user it was joined as

    for (ProjectView* view : m_views) {
        view->setProject(nullptr);
    }
    m_syncStatus->follow(nullptr);
    qDeleteAll(findChildren<HostDialog*>()); // it shows the old project's server
    m_project = std::move(opened);           // the old project closes here, its sync and server stopped
    m_banner->hide();
    m_welcome->hide();
    m_strip->show();
    m_stack->show();

    AnnotationSession* session = &m_project->session();
    connect(&m_project->samples(), &SampleListModel::failed, this, &MainWindow::showError);
    connect(session, &AnnotationSession::failed, this, &MainWindow::showError);
    connect(session, &AnnotationSession::notice, this, &MainWindow::showNotice);
    connect(session, &AnnotationSession::progressChanged, this, &MainWindow::showProgress);
    m_syncStatus->follow(m_project->sync());
    connect(m_project.get(), &OpenProject::hostCreated, m_syncStatus, &SyncStatusWidget::followHost);
    for (ProjectView* view : m_views) {
        view->setProject(m_project.get());
    }
    RecentProjects::add(m_project->path());

    setWindowTitle(QStringLiteral("%1 \u2014 Concord").arg(m_project->name()));
    statusBar()->clearMessage();
    showProgress();
    session->start(); // shows the first sample through currentChanged
    if (m_stack->currentWidget() != m_review) {
        m_annotate->takeKeyboard();
    }
}

void MainWindow::showWelcome()
{
    // "Join a server…" is the File menu's action, when this build has one.
    for (QAction* action : findChildren<QAction*>()) {
        if (action->text().startsWith(QStringLiteral("&Join a server"))) {
            m_welcome->setJoinAction(action);
        }
    }
    m_welcome->refresh();
    m_strip->hide();
    m_stack->hide();
    m_welcome->show();
}

void MainWindow::newProject()
{
    auto* wizard = new ImportWizard(m_annotator, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ImportWizard::projectCreated, this, &MainWindow::openProject);
    wizard->open();
}

void MainWindow::newFromTemplate()
{
    auto* dialog = new TemplateDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TemplateDialog::projectCreated, this, [this](const QString& path) {
        if (openProject(path)) {
            importRecords();
        }
    });
    dialog->open();
}

void MainWindow::importRecords(const QString& file)
{
    if (!m_project || m_project->project().recordSchema().isLegacy()) {
        showError(m_project ? QStringLiteral("This project has one text and one question: add samples with File \u203a "
                                             "New project\u2026, or concord-cli import.")
                            : QStringLiteral("Open a project first: the records go into the open project."));
        return;
    }
    auto* dialog = new FieldImportDialog(*m_project, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &FieldImportDialog::imported, this, [this](const QString& path, const QString& summary) {
        // Opened again: every screen, the queue and the counts start from the new records.
        if (openProject(path)) {
            showNotice(summary);
        }
    });
    dialog->open();
    if (!file.isEmpty()) {
        dialog->loadFile(file);
    }
}

void MainWindow::exportDataset()
{
    if (!m_project) {
        showError(QStringLiteral("Open a project first: the export writes the open project's labels."));
        return;
    }
    auto* dialog = new ExportDialog(*m_project, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::chooseProject()
{
    const QString path = QFileDialog::getOpenFileName(this, QStringLiteral("Open project"), QString(),
                                                      QStringLiteral("Concord projects (*.concord);;All files (*)"));
    if (!path.isEmpty()) {
        openProject(path);
    }
}

void MainWindow::showProgress()
{
    const AnnotationSession& session = m_project->session();
    const std::int64_t total = session.sampleCount();
    const std::int64_t done = session.labeledCount();
    m_progressLabel->setText(QStringLiteral("%L1 of %L2 labeled by %3")
                                 .arg(done)
                                 .arg(total)
                                 .arg(QString::fromStdString(session.annotator())) +
                             (session.labelsPerHour()
                                  ? QStringLiteral("  \u00b7  %L1 labels/hour").arg(qRound(*session.labelsPerHour()))
                                  : QString()));
    // QProgressBar counts in int; per mille is precise enough for a bar.
    m_progressBar->setRange(0, 1000);
    m_progressBar->setValue(total > 0 ? static_cast<int>(done * 1000 / total) : 0);
    // The bar belongs to the annotate screen, as the label beside it does (screenChanged).
    m_progressBar->setVisible(total > 0 && m_stack->currentWidget() == m_annotate);
}

void MainWindow::showError(const QString& message)
{
    m_banner->showError(message);
}

void MainWindow::showNotice(const QString& message)
{
    statusBar()->showMessage(message, 8000);
}

void MainWindow::openSample(const QString& sampleId)
{
    const auto key = m_project ? m_project->project().samples().keyOf(sampleId.toStdString()) : std::nullopt;
    if (!key) {
        showError(QStringLiteral("The sample %1 is no longer in the project.").arg(sampleId));
        return;
    }
    showScreen(Screen::Annotate);
    m_project->session().goTo(*key); // shows it and selects it in the samples list
}

void MainWindow::hostProject()
{
    if (!m_project) {
        showError(QStringLiteral("Open a project first: hosting serves the open project to your team."));
        return;
    }
    if (auto* open = findChild<HostDialog*>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    // The server is the project's; the dialog shows it and starts it when it is not serving.
    ServerHost& host = m_project->host();
    auto* dialog = new HostDialog(host, m_project->path(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    if (!host.isRunning()) {
        dialog->start();
    }
}

void MainWindow::joinServer()
{
    JoinServerDialog dialog(m_annotator, this);
    if (dialog.exec() == QDialog::Accepted) {
        openProject(dialog.replicaPath());
    }
}

QString MainWindow::progressText() const
{
    return m_progressLabel->text();
}

QString MainWindow::errorText() const
{
    return m_banner->text();
}

} // namespace concord::gui
