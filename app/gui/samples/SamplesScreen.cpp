// See SamplesScreen.hpp.
#include "app/gui/samples/SamplesScreen.hpp"

#include "app/gui/project/OpenProject.hpp"
#include "app/gui/samples/SampleTableModel.hpp"
#include "app/gui/widgets/SampleFilterBar.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace concord::gui {

SamplesScreen::SamplesScreen(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("samplesScreen"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto* bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("filterBar"));
    auto* barLayout = new QHBoxLayout(bar);
    barLayout->setContentsMargins(14, 8, 14, 8);
    m_header = new QLabel(QStringLiteral("Samples"), bar);
    m_header->setObjectName(QStringLiteral("sectionTitle"));
    m_filter = new SampleFilterBar(Qt::Horizontal, bar);
    barLayout->addWidget(m_header, 1);
    barLayout->addWidget(m_filter);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("samplesTable"));
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // One height for every row: the view then never measures a million of them.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->installEventFilter(this);
    layout->addWidget(bar);
    layout->addWidget(m_table, 1);

    m_task.onDone([this](store::SampleOverview&& overview) {
        m_model->setOverview(std::move(overview));
        showCount();
        if (!m_task.isRunning()) {
            Q_EMIT loaded();
        }
    });
    m_task.onFailed([this](const QString& error) {
        Q_EMIT failed(QStringLiteral("The samples table could not be read: %1").arg(error));
    });
    m_task.onSettled([this] { showCount(); });
    connect(m_filter, &SampleFilterBar::changed, this, &SamplesScreen::applyFilter);
    connect(m_filter, &SampleFilterBar::failed, this, &SamplesScreen::failed);
    connect(m_table, &QTableView::doubleClicked, this, &SamplesScreen::openRow);
}

SamplesScreen::~SamplesScreen()
{
    m_task.cancel(); // its result is dropped with the model
    m_table->setModel(nullptr);
}

bool SamplesScreen::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && m_table->currentIndex().isValid()) {
            openRow(m_table->currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SamplesScreen::setProject(OpenProject* project)
{
    if (m_project) {
        disconnect(m_project, nullptr, this, nullptr);
    }
    m_task.cancel(); // its rows are the project's before
    m_project = project;
    if (project) {
        connect(project, &OpenProject::labelsMayHaveChanged, this, &SamplesScreen::labelsChanged);
    }
    QItemSelectionModel* oldSelection = m_table->selectionModel();
    auto model = project ? std::make_unique<SampleTableModel>(project->project()) : nullptr;
    m_table->setModel(model.get());
    delete oldSelection; // setModel() leaves the old one to us
    m_model = std::move(model);
    if (m_model) {
        connect(m_model.get(), &SampleTableModel::failed, this, &SamplesScreen::failed);
        QHeaderView* header = m_table->horizontalHeader();
        header->setSectionResizeMode(QHeaderView::Interactive);
        header->setSectionResizeMode(SampleTableModel::TextColumn, QHeaderView::Stretch);
        header->resizeSection(SampleTableModel::IdColumn, 130);
        header->resizeSection(SampleTableModel::StatusColumn, 120);
        header->resizeSection(SampleTableModel::LabelColumn, 200);
        header->resizeSection(SampleTableModel::DisagreementColumn, 110);
        header->resizeSection(SampleTableModel::ConfidenceColumn, 150);
        header->setSortIndicator(SampleTableModel::IdColumn, Qt::AscendingOrder);
    }
    m_filter->setProject(project ? &project->project() : nullptr);
    m_stale = true;
    showCount();
    if (isVisible()) {
        reload();
    }
}

void SamplesScreen::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        reload();
    }
}

void SamplesScreen::labelsChanged()
{
    m_stale = true;
    if (isVisible()) {
        reload();
    }
}

void SamplesScreen::reload()
{
    if (!m_project) {
        return;
    }
    m_stale = false;
    // While one runs, this one follows it: labels changed since it read them.
    m_task.run(m_project, [path = m_project->pathBytes()](const Progress&) {
        auto project = Project::open(path);
        return store::computeSampleOverview(*project);
    });
    showCount();
}

void SamplesScreen::applyFilter()
{
    if (!m_model) {
        return;
    }
    try {
        m_model->setFilter(m_filter->selectedKeys());
        m_table->scrollToTop();
    } catch (const InputError& error) {
        Q_EMIT failed(QStringLiteral("The filter could not be applied: %1").arg(QString::fromUtf8(error.what())));
    } catch (const StoreError& error) {
        Q_EMIT failed(QStringLiteral("The filter failed: %1").arg(QString::fromUtf8(error.what())));
    }
    showCount();
}

void SamplesScreen::showCount()
{
    if (!m_model) {
        m_header->setText(QStringLiteral("Samples"));
    } else if (m_task.isRunning() && m_model->totalCount() == 0) {
        m_header->setText(QStringLiteral("Samples \u00b7 reading\u2026"));
    } else if (static_cast<std::size_t>(m_model->rowCount()) != m_model->totalCount()) {
        m_header->setText(
            QStringLiteral("Samples \u00b7 %L1 of %L2").arg(m_model->rowCount()).arg(m_model->totalCount()));
    } else {
        m_header->setText(QStringLiteral("Samples \u00b7 %L1").arg(m_model->totalCount()));
    }
}

QString SamplesScreen::headerText() const
{
    return m_header->text();
}

void SamplesScreen::openRow(const QModelIndex& index)
{
    if (index.isValid()) {
        Q_EMIT openSample(m_model->index(index.row(), SampleTableModel::IdColumn).data().toString());
    }
}

} // namespace concord::gui
