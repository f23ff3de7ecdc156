// Layout and wiring of the annotate screen; see AnnotateScreen.hpp.
#include "app/gui/annotate/AnnotateScreen.hpp"

#include "app/gui/annotate/AnnotateView.hpp"
#include "app/gui/annotate/FlagController.hpp"
#include "app/gui/annotate/GuidelinesPanel.hpp"
#include "app/gui/annotate/QueueController.hpp"
#include "app/gui/annotate/QueuePicker.hpp"
#include "app/gui/annotate/SamplePanel.hpp"
#include "app/gui/feedback/FeedbackView.hpp"
#include "app/gui/project/AnnotationSession.hpp"
#include "app/gui/project/OpenProject.hpp"
#include "app/gui/project/SampleListModel.hpp"

#include <QHBoxLayout>
#include <QListView>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace concord::gui {

AnnotateScreen::AnnotateScreen(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setHandleWidth(1);
    m_splitter->setChildrenCollapsible(false);
    m_samples = new SamplePanel(m_splitter);
    // One centre at a time: the label view of a one-question project, or the fields and
    // questions of the others.
    auto* centre = new QWidget(m_splitter);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    m_view = new AnnotateView(centre);
    m_feedback = new FeedbackView(centre);
    m_feedback->hide();
    centreLayout->addWidget(m_view);
    centreLayout->addWidget(m_feedback);
    m_guidelines = new GuidelinesPanel(m_splitter);
    m_splitter->addWidget(m_samples);
    m_splitter->addWidget(centre);
    m_splitter->addWidget(m_guidelines);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({300, 680, 300});
    layout->addWidget(m_splitter);

    m_flags = new FlagController(this);
    connect(m_flags, &FlagController::failed, this, &AnnotateScreen::failed);
    connect(m_flags, &FlagController::notice, this, &AnnotateScreen::notice);
    connect(m_flags, &FlagController::flagChanged, this, [this] { m_view->showFlag(m_flags->currentComment()); });
    m_queue = new QueueController(this);
    QueuePicker* picker = m_samples->queuePicker();
    connect(picker, &QueuePicker::chosen, m_queue, &QueueController::choose);
    connect(picker, &QueuePicker::cancelled, m_queue, &QueueController::cancel);
    connect(m_queue, &QueueController::choiceChanged, picker, &QueuePicker::showChoice);
    connect(m_queue, &QueueController::busy, picker, &QueuePicker::showBusy);
    connect(m_queue, &QueueController::idle, picker, &QueuePicker::showIdle);
    connect(m_queue, &QueueController::failed, this, &AnnotateScreen::failed);
    connect(m_queue, &QueueController::notice, this, &AnnotateScreen::notice);
    connect(m_samples, &SamplePanel::failed, this, &AnnotateScreen::failed);
    connect(m_samples, &SamplePanel::filterApplied, this, [this] {
        if (!m_session) {
            return;
        }
        m_session->setFilter(m_model->filter()); // labeling moves on within the filter
        if (!m_session->current()) {
            return;
        }
        // Keep the open sample when the filter lets it through; else go to the first that it does.
        if (m_model->rowOfKey(m_session->current()->key) >= 0) {
            selectInList(m_session->current()->key);
        } else if (m_model->rowCount() > 0) {
            m_samples->list()->setCurrentIndex(m_model->index(0));
        }
    });
    connect(m_view, &AnnotateView::notice, this, &AnnotateScreen::notice);
    connect(m_feedback, &FeedbackView::notice, this, &AnnotateScreen::notice);
    connect(m_view, &AnnotateView::valueChosen, this, [this](const nlohmann::json& value) {
        if (m_session && !m_session->record(value)) {
            showCurrent(); // undo the buttons' look of a value that was not stored
        }
    });
    connect(m_view, &AnnotateView::valueEdited, this, [this](const nlohmann::json& value) {
        if (m_session && !m_session->store(value)) {
            showCurrent();
        }
    });
}

void AnnotateScreen::setProject(OpenProject* project)
{
    if (m_session) {
        disconnect(m_session, nullptr, this, nullptr);
    }
    AnnotationSession* session = project ? &project->session() : nullptr;
    m_session = session;
    m_model = project ? &project->samples() : nullptr;
    m_samples->setModel(m_model, session ? &session->project() : nullptr);
    m_flags->attach(session);
    m_queue->setProject(project);
    m_samples->queuePicker()->setAssignAvailable(project && project->isReplica());
    if (!session) {
        m_feedback->setSession(nullptr);
        return;
    }
    connect(m_samples->list()->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& index) {
                if (index.isValid() && m_session) {
                    m_session->goTo(m_model->keyAt(index.row()));
                }
            });
    connect(m_session, &AnnotationSession::currentChanged, this, &AnnotateScreen::showCurrent);
    connect(m_session, &AnnotationSession::sampleLabeled, this, [this](qint64 key) { m_model->refreshMark(key); });
    const bool fields = !session->project().isLegacy();
    m_view->setVisible(!fields);
    m_feedback->setVisible(fields);
    m_feedback->setSession(fields ? session : nullptr);
    m_view->setSchema(session->project().schema());
    m_view->showPlaceholder(QString());
    try {
        m_guidelines->setGuidelines(QString::fromStdString(session->project().settings().guidelines));
    } catch (const std::exception& error) {
        Q_EMIT failed(QStringLiteral("Reading the guidelines failed: %1").arg(QString::fromUtf8(error.what())));
    }
}

void AnnotateScreen::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Shown at last at its real size: put the current sample in the middle of the list, where
    // the annotator sees the samples before it and after it.
    QTimer::singleShot(0, this, [this] {
        QListView* list = m_samples->list();
        if (list->currentIndex().isValid()) {
            list->scrollTo(list->currentIndex(), QAbstractItemView::PositionAtCenter);
        }
    });
}

void AnnotateScreen::showPlaceholder(const QString& message)
{
    m_view->showPlaceholder(message);
    m_feedback->showPlaceholder(message);
}

void AnnotateScreen::takeKeyboard()
{
    if (m_feedback->isVisibleTo(this)) {
        m_feedback->takeKeyboard();
    } else {
        m_samples->list()->setFocus();
    }
}

void AnnotateScreen::setGuidelinesVisible(bool visible)
{
    m_guidelines->setVisible(visible);
}

void AnnotateScreen::showCurrent()
{
    if (!m_session) {
        return;
    }
    const auto& sample = m_session->current();
    if (!sample) {
        m_view->showPlaceholder(QStringLiteral("This project has no samples yet.\n\nImport some with:  "
                                               "concord-cli import PROJECT DATA.jsonl"));
        Q_EMIT sampleShown(QString());
        return;
    }
    if (m_feedback->isVisibleTo(this)) {
        m_feedback->showCurrent();
    } else {
        m_view->showSample(*sample, m_session->currentValue());
        m_view->showFlag(m_flags->currentComment());
    }
    Q_EMIT sampleShown(QString::fromStdString(sample->id));
    selectInList(sample->key);
}

void AnnotateScreen::selectInList(std::int64_t key)
{
    QListView* list = m_samples->list();
    const int row = m_model->rowOfKey(key);
    if (row < 0) {
        list->clearSelection(); // filtered out of the list
        return;
    }
    const QModelIndex index = m_model->index(row);
    if (list->currentIndex() != index) {
        list->setCurrentIndex(index); // goTo() of the same key does nothing, so no loop
    }
    list->scrollTo(index);
}

} // namespace concord::gui
