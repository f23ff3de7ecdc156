#include "app/gui/feedback/FeedbackView.hpp"

#include "app/gui/feedback/FieldsPane.hpp"
#include "app/gui/feedback/QuestionBox.hpp"
#include "app/gui/project/AnnotationSession.hpp"
#include "core/feedback/ShownOrder.hpp"

#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace concord::gui {

namespace feedback_view {

// The fields shown side by side: those of the first question that compares fields, in the
// order this annotator is shown them.
std::vector<std::string> comparedFields(Project& project, const Sample& sample, const std::string& annotator)
{
    for (const Question& question : project.recordSchema().questions) {
        if ((question.kind == QuestionKind::Preference || question.kind == QuestionKind::Ranking) &&
            question.fields.size() >= 2) {
            return shownOrder(project.orderSeed(), sample.id, annotator, question);
        }
    }
    return {};
}

// The fields the question boxes show instead of the pane (fieldShownInBox).
std::vector<std::string> fieldsInBoxes(const RecordSchema& schema)
{
    std::vector<std::string> fields;
    for (const Question& question : schema.questions) {
        if (const Field* field = fieldShownInBox(schema, question)) {
            fields.push_back(field->name);
        }
    }
    return fields;
}

} // namespace feedback_view

FeedbackView::FeedbackView(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    m_idLabel = new QLabel(this);
    m_idLabel->setObjectName(QStringLiteral("recordIdLabel"));
    m_idLabel->setStyleSheet(QStringLiteral("color: #666;"));
    layout->addWidget(m_idLabel);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_splitter = splitter;
    splitter->setChildrenCollapsible(false);
    connect(splitter, &QSplitter::splitterMoved, this, [this] { m_userPlaced = true; }); // only a drag emits it
    m_fields = new FieldsPane(splitter);
    auto* scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_form = new QWidget(scroll);
    m_boxes = new QVBoxLayout(m_form);
    m_boxes->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(m_form);
    m_form->installEventFilter(this); // the divider follows the height the questions need
    splitter->addWidget(m_fields);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    layout->addWidget(splitter, 1);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("discardReason"));
    m_reason->setPlaceholderText(
        QStringLiteral("Why set this record aside? (optional)  Enter: discard   Esc: keep it"));
    m_reason->hide();
    layout->addWidget(m_reason);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("responseStatus"));
    layout->addWidget(m_status);

    const auto shortcut = [this](const QKeySequence& keys, auto slot) {
        auto* made = new QShortcut(keys, this);
        made->setContext(Qt::WidgetWithChildrenShortcut);
        connect(made, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { submit(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), [this] { submit(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_S), [this] { saveDraft(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_D), [this] { askDiscard(); });
    connect(m_reason, &QLineEdit::returnPressed, this, [this] {
        const std::string reason = m_reason->text().trimmed().toStdString();
        m_reason->hide();
        if (m_session && m_session->discard(reason)) {
            Q_EMIT notice(QStringLiteral("Record set aside"));
        }
    });
    m_reason->installEventFilter(this);
}

void FeedbackView::setSession(AnnotationSession* session)
{
    m_session = session;
    for (QuestionBox* box : m_questionBoxes) {
        delete box;
    }
    m_questionBoxes.clear();
    m_userPlaced = false;
    if (!session) {
        return;
    }
    QWidget* previous = nullptr;
    for (const Question& question : session->project().recordSchema().questions) {
        QuestionBox* box = makeQuestionBox(question, m_form);
        m_boxes->addWidget(box);
        if (previous) {
            setTabOrder(previous, box);
        }
        previous = box;
        const auto store = [this, box](const nlohmann::json& value, bool moveOn) {
            if (!m_session || !m_session->answer(box->question().name, value)) {
                showCurrent(); // show what is stored, not the refused value
                return;
            }
            box->markMissing(false);
            box->revealSuggestion();
            showStatus();
            // A choice moves on to the next question; a written answer was given on leaving.
            if (moveOn && box->hasFocus()) {
                focusNextAfter(box);
            }
        };
        connect(box, &QuestionBox::answered, this, [store](const nlohmann::json& value) { store(value, true); });
        connect(box, &QuestionBox::answerEdited, this, [store](const nlohmann::json& value) { store(value, false); });
        m_questionBoxes.push_back(box);
    }
    m_boxes->addStretch(1);
}

QuestionBox* FeedbackView::box(const std::string& question) const
{
    for (QuestionBox* box : m_questionBoxes) {
        if (box->question().name == question) {
            return box;
        }
    }
    return nullptr;
}

void FeedbackView::showPlaceholder(const QString& message)
{
    m_displayedId.clear();
    m_idLabel->setText(message);
    m_fields->clear();
    m_status->clear();
    for (QuestionBox* box : m_questionBoxes) {
        box->setEnabled(false);
    }
}

void FeedbackView::showCurrent()
{
    if (!m_session || !m_session->current()) {
        showPlaceholder(QStringLiteral("No record to show."));
        return;
    }
    const Sample& sample = *m_session->current();
    Project& project = m_session->project();
    const RecordContent record = project.recordOf(sample);
    const bool another = m_displayedId != QString::fromStdString(sample.id);
    m_displayedId = QString::fromStdString(sample.id);
    m_idLabel->setText(QStringLiteral("record %1").arg(m_displayedId));
    m_fields->showRecord(project.recordSchema(), record,
                         feedback_view::comparedFields(project, sample, m_session->annotator()),
                         feedback_view::fieldsInBoxes(project.recordSchema()));
    const auto answers = m_session->currentAnswers();
    const auto suggestions = m_session->currentSuggestions();
    for (QuestionBox* box : m_questionBoxes) {
        const Question& question = box->question();
        const auto found = answers.find(question.name);
        std::vector<std::string> order;
        if (question.kind == QuestionKind::Preference || question.kind == QuestionKind::Ranking) {
            order = shownOrder(project.orderSeed(), sample.id, m_session->annotator(), question);
        }
        box->setEnabled(true);
        box->markMissing(false);
        box->showAnswer(record, found == answers.end() ? std::nullopt : std::optional<nlohmann::json>(found->second),
                        order);
        const auto suggested = suggestions.find(question.name);
        box->showSuggestion(suggested == suggestions.end() ? std::nullopt
                                                           : std::optional<SuggestionChange>(suggested->second),
                            found != answers.end());
    }
    showStatus();
    placeDivider();
    // A new record starts at its first question; the same one shown again keeps the keyboard.
    if (m_takesKeyboard && !m_questionBoxes.empty() && (another || !isAncestorOf(QApplication::focusWidget()))) {
        m_questionBoxes.front()->setFocus();
    }
}

void FeedbackView::placeDivider()
{
    if (m_userPlaced || m_questionBoxes.empty() || m_splitter->height() < 200) {
        return;
    }
    // The questions get the height they need, the fields the rest but at least what they ask
    // for up to half (fields that do not grow only what they ask for); once the annotator moves
    // the divider, it stays where she left it.
    const int height = m_splitter->height();
    const int fields = std::min(m_fields->sizeHint().height(), height / 2);
    if (!m_fields->grows()) {
        m_splitter->setSizes({fields, height - fields}); // short fields: the questions right under them
        return;
    }
    const int questions = std::min(m_form->sizeHint().height() + 8, height - fields);
    m_splitter->setSizes({height - questions, questions});
}

void FeedbackView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    placeDivider();
}

void FeedbackView::takeKeyboard()
{
    if (!m_questionBoxes.empty()) {
        m_questionBoxes.front()->setFocus();
    }
}

bool FeedbackView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_form && event->type() == QEvent::LayoutRequest) {
        // A box's height depends on its width (a text wraps): known only once laid out.
        placeDivider();
    }
    if (watched == m_reason && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
        m_reason->hide();
        if (!m_questionBoxes.empty()) {
            m_questionBoxes.front()->setFocus();
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void FeedbackView::showStatus()
{
    if (!m_session || !m_session->current()) {
        m_status->clear();
        return;
    }
    const auto status = m_session->currentStatus();
    const auto missing = m_session->missingRequired();
    QString text = !status                                ? QStringLiteral("Not started")
                   : *status == ResponseStatus::Draft     ? QStringLiteral("Draft")
                   : *status == ResponseStatus::Submitted ? QStringLiteral("Submitted")
                                                          : QStringLiteral("Discarded");
    if (!missing.empty()) {
        QStringList names;
        for (const auto& name : missing) {
            names << QString::fromStdString(name);
        }
        text += QStringLiteral(" \u2014 to answer: %1").arg(names.join(QStringLiteral(", ")));
    }
    text += QStringLiteral("    Tab: next question   Ctrl+Enter: submit   Ctrl+S: save   Ctrl+D: set aside");
    m_status->setText(text);
}

QString FeedbackView::statusText() const
{
    return m_status->text();
}

bool FeedbackView::giveTypedAnswers()
{
    for (QuestionBox* box : m_questionBoxes) {
        if (const auto pending = box->pendingAnswer()) {
            if (!m_session->answer(box->question().name, *pending)) {
                box->setFocus();
                return false;
            }
        }
    }
    return true;
}

void FeedbackView::saveDraft()
{
    if (!m_session || !m_session->current() || !giveTypedAnswers()) {
        return;
    }
    showCurrent();
    Q_EMIT notice(QStringLiteral("Saved"));
}

void FeedbackView::submit()
{
    if (!m_session || !m_session->current() || !giveTypedAnswers()) {
        return;
    }
    const auto missing = m_session->missingRequired();
    if (!missing.empty()) {
        // Shown, not skipped: each unanswered required question is marked, the first takes the keys.
        QuestionBox* first = nullptr;
        for (const auto& name : missing) {
            if (QuestionBox* unanswered = box(name)) {
                unanswered->markMissing(true);
                first = first ? first : unanswered;
            }
        }
        if (first) {
            first->setFocus();
        }
        showStatus();
        Q_EMIT notice(QStringLiteral("Answer the marked questions first"));
        return;
    }
    m_session->submit();
}

void FeedbackView::askDiscard()
{
    if (!m_session || !m_session->current()) {
        return;
    }
    m_reason->clear();
    m_reason->show();
    m_reason->setFocus();
}

void FeedbackView::focusNextAfter(QuestionBox* box)
{
    const auto it = std::find(m_questionBoxes.begin(), m_questionBoxes.end(), box);
    if (it != m_questionBoxes.end() && it + 1 != m_questionBoxes.end()) {
        (*(it + 1))->setFocus();
    }
}

} // namespace concord::gui
