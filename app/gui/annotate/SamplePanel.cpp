// Filter bar and list; see SamplePanel.hpp.
#include "app/gui/annotate/SamplePanel.hpp"

#include "app/gui/annotate/QueuePicker.hpp"
#include "app/gui/annotate/SampleListView.hpp"
#include "app/gui/project/SampleListModel.hpp"
#include "app/gui/widgets/SampleFilterBar.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

namespace concord::gui {

SamplePanel::SamplePanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_header = new QLabel(QStringLiteral("Samples"), this);
    m_header->setObjectName(QStringLiteral("listHeader"));

    auto* filters = new QWidget(this);
    filters->setObjectName(QStringLiteral("filterBar"));
    auto* filterLayout = new QVBoxLayout(filters);
    filterLayout->setContentsMargins(10, 4, 10, 8);
    filterLayout->setSpacing(6);
    m_queue = new QueuePicker(filters);
    m_filter = new SampleFilterBar(Qt::Vertical, filters);
    filterLayout->addWidget(m_queue);
    filterLayout->addWidget(m_filter);

    m_list = new SampleListView(this);
    m_list->setObjectName(QStringLiteral("sampleList"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setMouseTracking(true);
    layout->addWidget(m_header);
    layout->addWidget(filters);
    layout->addWidget(m_list, 1);

    connect(m_filter, &SampleFilterBar::changed, this, &SamplePanel::applyFilter);
    connect(m_filter, &SampleFilterBar::failed, this, &SamplePanel::failed);
}

SamplePanel::~SamplePanel()
{
    m_list->setModel(nullptr);
}

QComboBox* SamplePanel::signalPicker() const
{
    return m_filter->signalPicker();
}

QLineEdit* SamplePanel::searchBox() const
{
    return m_filter->searchBox();
}

void SamplePanel::setModel(SampleListModel* model, Project* project)
{
    QItemSelectionModel* oldSelection = m_list->selectionModel();
    m_list->setModel(model);
    delete oldSelection; // setModel() leaves the old one to us
    m_model = model;
    m_project = project;
    m_filter->setProject(project);
    m_total = 0;
    if (m_project) {
        try {
            m_total = m_project->samples().count();
        } catch (const StoreError& error) {
            Q_EMIT failed(QStringLiteral("Counting the samples failed: %1").arg(QString::fromUtf8(error.what())));
        }
    }
    showCount();
}

void SamplePanel::applyFilter()
{
    if (!m_model || !m_project) {
        return;
    }
    try {
        m_model->setFilter(m_filter->selectedKeys());
        m_list->scrollToTop();
        Q_EMIT filterApplied();
    } catch (const InputError& error) {
        Q_EMIT failed(QStringLiteral("The filter could not be applied: %1").arg(QString::fromUtf8(error.what())));
    } catch (const StoreError& error) {
        Q_EMIT failed(QStringLiteral("The filter failed: %1").arg(QString::fromUtf8(error.what())));
    }
    showCount();
}

void SamplePanel::showCount()
{
    if (m_model && m_model->isFiltered()) {
        m_header->setText(QStringLiteral("Samples \u00b7 %L1 of %L2").arg(m_model->filteredCount()).arg(m_total));
    } else {
        m_header->setText(m_project ? QStringLiteral("Samples \u00b7 %L1").arg(m_total) : QStringLiteral("Samples"));
    }
}

} // namespace concord::gui
