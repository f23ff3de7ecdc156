// Filter bar and list; see SamplePanel.hpp.
#include "app/gui/SamplePanel.hpp"

#include "app/gui/SampleListModel.hpp"
#include "app/gui/QueuePicker.hpp"
#include "app/gui/SampleListView.hpp"
#include "core/signals/SampleFilter.hpp"
#include "core/signals/SignalEngine.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <QComboBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTimer>
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
    m_signals = new QComboBox(filters);
    m_signals->setObjectName(QStringLiteral("signalPicker"));
    m_signals->setToolTip(QStringLiteral("Show only the samples a signal selects (concord-cli signal add)"));
    m_signals->setFocusPolicy(Qt::ClickFocus); // keys belong to the labels
    m_search = new QLineEdit(filters);
    m_search->setObjectName(QStringLiteral("sampleSearch"));
    m_search->setPlaceholderText(QStringLiteral("Search ids and texts (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_queue = new QueuePicker(filters);
    filterLayout->addWidget(m_queue);
    filterLayout->addWidget(m_signals);
    filterLayout->addWidget(m_search);

    m_list = new SampleListView(this);
    m_list->setObjectName(QStringLiteral("sampleList"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setMouseTracking(true);
    layout->addWidget(m_header);
    layout->addWidget(filters);
    layout->addWidget(m_list, 1);

    // A query per key stroke would make typing stutter on a large project.
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_searchDelay, &QTimer::timeout, this, &SamplePanel::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &SamplePanel::applyFilter);
    connect(m_signals, &QComboBox::currentIndexChanged, this, &SamplePanel::applyFilter);
    // Enter in the search box applies the search; without this, the labels' Enter shortcut
    // (multi-label and spans) would take it and save the open sample.
    m_search->installEventFilter(this);
}

bool SamplePanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::ShortcutOverride) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            event->accept(); // delivered to the search box as a key press instead
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

SamplePanel::~SamplePanel()
{
    m_list->setModel(nullptr);
}

void SamplePanel::setModel(SampleListModel* model, Project* project)
{
    QItemSelectionModel* oldSelection = m_list->selectionModel();
    m_list->setModel(model);
    delete oldSelection; // setModel() leaves the old one to us
    m_model = model;
    m_project = project;

    const QSignalBlocker blockSignals(m_signals);
    const QSignalBlocker blockSearch(m_search);
    m_signals->clear();
    m_search->clear();
    m_signals->addItem(QStringLiteral("All samples"));
    m_total = 0;
    if (m_project) {
        try {
            m_total = m_project->samples().count();
            for (const Signal& signal : m_project->signals().list()) {
                m_signals->addItem(QString::fromStdString(signal.name), QString::fromStdString(signal.expression));
                m_signals->setItemData(m_signals->count() - 1, QString::fromStdString(signal.expression),
                                       Qt::ToolTipRole);
            }
        } catch (const StoreError& error) {
            Q_EMIT failed(
                QStringLiteral("Reading the project's signals failed: %1").arg(QString::fromUtf8(error.what())));
        }
    }
    m_signals->setEnabled(m_signals->count() > 1);
    if (m_signals->count() == 1) {
        m_signals->setItemText(0, QStringLiteral("All samples (no signals defined)"));
    }
    showCount();
}

void SamplePanel::applyFilter()
{
    m_searchDelay->stop();
    if (!m_model || !m_project) {
        return;
    }
    std::optional<std::string> signal;
    if (m_signals->currentIndex() > 0) {
        signal = m_signals->currentData().toString().toStdString();
    }
    const auto expression = signals::filterExpression(signal, m_search->text().toStdString());
    try {
        std::optional<std::vector<std::int64_t>> keys;
        if (expression) {
            signals::SignalEngine engine(*m_project);
            keys = engine.select(*expression);
        }
        m_model->setFilter(std::move(keys));
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
