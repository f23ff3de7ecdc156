// Window layout, menus and the wiring between AnnotationSession, SampleListModel and
// AnnotateView. No storage logic here: everything goes through the session.
#include "app/gui/MainWindow.hpp"

#include "app/gui/AnnotateView.hpp"
#include "app/gui/AnnotationSession.hpp"
#include "app/gui/DemoProject.hpp"
#include "app/gui/MessageBanner.hpp"
#include "app/gui/SampleListDelegate.hpp"
#include "app/gui/SampleListModel.hpp"
#include "core/util/Error.hpp"

#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QProgressBar>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

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

    auto* splitter = new QSplitter(Qt::Horizontal, central);
    splitter->setHandleWidth(1);
    splitter->setChildrenCollapsible(false);
    auto* side = new QWidget(splitter);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->setSpacing(0);
    m_listHeader = new QLabel(QStringLiteral("Samples"), side);
    m_listHeader->setObjectName(QStringLiteral("listHeader"));
    m_list = new QListView(side);
    m_list->setObjectName(QStringLiteral("sampleList"));
    m_list->setUniformItemSizes(true); // lets the view skip measuring every row
    m_list->setItemDelegate(new SampleListDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setMouseTracking(true);
    sideLayout->addWidget(m_listHeader);
    sideLayout->addWidget(m_list);
    m_view = new AnnotateView(splitter);
    splitter->addWidget(side);
    splitter->addWidget(m_view);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({320, 960});
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    buildMenus();
    buildStatusBar();
    connect(m_view, &AnnotateView::notice, this, [this](const QString& text) { statusBar()->showMessage(text, 6000); });
    connect(m_view, &AnnotateView::valueChosen, this, [this](const nlohmann::json& value) {
        if (m_session && !m_session->record(value)) {
            showCurrent(); // undo the buttons' look of a value that was not stored
        }
    });
    m_view->showPlaceholder(QStringLiteral("No project is open. Open one with File \u203a Open project\u2026 "
                                           "(Ctrl+O), or try the demo with File \u203a Open demo."));

    const QRect screen = QApplication::primaryScreen() ? QApplication::primaryScreen()->availableGeometry() : QRect();
    resize(screen.isValid() ? QSize(1280, 800).boundedTo(screen.size()) : QSize(1280, 800));
}

MainWindow::~MainWindow()
{
    // The view must drop the model before the model, and the model before the project.
    m_list->setModel(nullptr);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(QStringLiteral("&File"));
    QAction* open = file->addAction(QStringLiteral("&Open project\u2026"), this, &MainWindow::chooseProject);
    open->setShortcut(QKeySequence::Open);
    file->addAction(QStringLiteral("Open &demo"), this, [this] { openDemo(); });
    file->addSeparator();
    QAction* quit = file->addAction(QStringLiteral("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
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
    statusBar()->setSizeGripEnabled(false);
    m_progressBar->hide();
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

bool MainWindow::openDemo(const QString& path)
{
    const auto report = [this](const char* what) {
        showError(QStringLiteral("Could not open the demo project: %1").arg(QString::fromUtf8(what)));
    };
    try {
        adopt(DemoProject::open(path.isEmpty() ? DemoProject::defaultPath() : path));
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
    auto session = std::make_unique<AnnotationSession>(std::move(project), m_annotator.toStdString());
    auto model = std::make_unique<SampleListModel>(session->project(), session->annotator());

    QItemSelectionModel* oldSelection = m_list->selectionModel();
    m_list->setModel(model.get());
    delete oldSelection; // setModel() leaves the old one to us
    std::swap(m_model, model);
    std::swap(m_session, session);
    model.reset();
    session.reset();
    m_banner->hide();

    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& index) {
        if (index.isValid() && m_session) {
            m_session->goTo(m_model->keyAt(index.row()));
        }
    });
    connect(m_model.get(), &SampleListModel::failed, this, &MainWindow::showError);
    connect(m_session.get(), &AnnotationSession::failed, this, &MainWindow::showError);
    connect(m_session.get(), &AnnotationSession::notice, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_session.get(), &AnnotationSession::currentChanged, this, &MainWindow::showCurrent);
    connect(m_session.get(), &AnnotationSession::progressChanged, this, &MainWindow::showProgress);
    connect(m_session.get(), &AnnotationSession::sampleLabeled, this,
            [this](qint64 key) { m_model->refreshMark(key); });

    setWindowTitle(QStringLiteral("%1 \u2014 Concord").arg(m_session->projectName()));
    m_listHeader->setText(QStringLiteral("Samples \u00b7 %L1").arg(m_session->sampleCount()));
    m_view->setSchema(m_session->project().schema());
    statusBar()->clearMessage();
    showProgress();
    m_view->showPlaceholder(QString());
    m_session->start(); // shows the first sample through currentChanged
    m_list->setFocus();
}

void MainWindow::chooseProject()
{
    const QString path = QFileDialog::getOpenFileName(this, QStringLiteral("Open project"), QString(),
                                                      QStringLiteral("Concord projects (*.concord);;All files (*)"));
    if (!path.isEmpty()) {
        openProject(path);
    }
}

void MainWindow::showCurrent()
{
    if (!m_session) {
        return;
    }
    const auto& sample = m_session->current();
    if (!sample) {
        m_view->showPlaceholder(QStringLiteral("This project has no samples yet.\n\nImport some with:  "
                                               "concord-cli import PROJECT DATA.jsonl"));
        m_sampleLabel->clear();
        return;
    }
    m_view->showSample(*sample, m_session->currentValue());
    m_sampleLabel->setText(QStringLiteral("sample %1").arg(QString::fromStdString(sample->id)));
    selectInList(sample->key);
}

void MainWindow::selectInList(std::int64_t key)
{
    const int row = m_model->rowOfKey(key);
    if (row < 0) {
        return;
    }
    const QModelIndex index = m_model->index(row);
    if (m_list->currentIndex() != index) {
        m_list->setCurrentIndex(index); // goTo() of the same key does nothing, so no loop
    }
    m_list->scrollTo(index);
}

void MainWindow::showProgress()
{
    const std::int64_t total = m_session->sampleCount();
    const std::int64_t done = m_session->labeledCount();
    m_progressLabel->setText(QStringLiteral("%L1 of %L2 labeled by %3")
                                 .arg(done)
                                 .arg(total)
                                 .arg(QString::fromStdString(m_session->annotator())));
    // QProgressBar counts in int; per mille is precise enough for a bar.
    m_progressBar->setRange(0, 1000);
    m_progressBar->setValue(total > 0 ? static_cast<int>(done * 1000 / total) : 0);
    m_progressBar->setVisible(total > 0);
}

void MainWindow::showError(const QString& message)
{
    m_banner->showError(message);
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
