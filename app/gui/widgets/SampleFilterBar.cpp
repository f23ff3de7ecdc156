// See SampleFilterBar.hpp.
#include "app/gui/widgets/SampleFilterBar.hpp"

#include "core/signals/SampleFilter.hpp"
#include "core/signals/SignalEngine.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <QBoxLayout>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTimer>

namespace concord::gui {

SampleFilterBar::SampleFilterBar(Qt::Orientation orientation, QWidget* parent) : QWidget(parent)
{
    auto* layout =
        new QBoxLayout(orientation == Qt::Vertical ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight, this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_signals = new QComboBox(this);
    m_signals->setObjectName(QStringLiteral("signalPicker"));
    m_signals->setToolTip(QStringLiteral("Show only the samples a signal selects (concord-cli signal add)"));
    m_signals->setFocusPolicy(Qt::ClickFocus); // keys belong to the labels
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("sampleSearch"));
    m_search->setPlaceholderText(QStringLiteral("Search ids and texts (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    if (orientation == Qt::Horizontal) {
        m_signals->setMinimumWidth(200);
        m_search->setMinimumWidth(300);
    }
    layout->addWidget(m_signals);
    layout->addWidget(m_search);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_searchDelay, &QTimer::timeout, this, &SampleFilterBar::changed);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay->stop();
        Q_EMIT changed();
    });
    connect(m_signals, &QComboBox::currentIndexChanged, this, [this] {
        m_searchDelay->stop();
        Q_EMIT changed();
    });
    // Enter in the search box searches; without this, a label's Enter shortcut (multi-label
    // and spans) would take it and save the open sample.
    m_search->installEventFilter(this);
}

bool SampleFilterBar::eventFilter(QObject* watched, QEvent* event)
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

void SampleFilterBar::setProject(Project* project)
{
    m_project = project;
    const QSignalBlocker blockSignals(m_signals);
    const QSignalBlocker blockSearch(m_search);
    m_searchDelay->stop();
    m_signals->clear();
    m_search->clear();
    m_signals->addItem(QStringLiteral("All samples"));
    if (m_project) {
        try {
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
}

std::optional<std::vector<std::int64_t>> SampleFilterBar::selectedKeys() const
{
    if (!m_project) {
        return std::nullopt;
    }
    std::optional<std::string> signal;
    if (m_signals->currentIndex() > 0) {
        signal = m_signals->currentData().toString().toStdString();
    }
    const auto expression = signals::filterExpression(signal, m_search->text().toStdString());
    if (!expression) {
        return std::nullopt;
    }
    signals::SignalEngine engine(*m_project);
    return engine.select(*expression);
}

} // namespace concord::gui
