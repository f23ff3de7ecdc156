#include "app/gui/review/FeedbackReviewView.hpp"

#include "app/gui/feedback/FieldsPane.hpp"
#include "app/gui/feedback/QuestionBox.hpp"
#include "app/gui/feedback/TextAnswerBox.hpp"
#include "app/gui/project/OpenProject.hpp"
#include "app/gui/review/ReviewFilterBar.hpp"
#include "app/gui/review/SetGold.hpp"
#include "core/store/Project.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>

namespace concord::gui {

namespace feedback_review {

constexpr std::size_t kMaxAnswerKeys = 9;

// The fields a question shows side by side, in schema order (the reviewer sees no draw).
std::vector<std::string> comparedOf(const Question& question)
{
    return question.kind == QuestionKind::Preference || question.kind == QuestionKind::Ranking
               ? question.fields
               : std::vector<std::string>{};
}

} // namespace feedback_review

FeedbackReviewView::FeedbackReviewView(QWidget* parent) : QWidget(parent)
{
    auto* outer = new QHBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* side = new QWidget(this);
    side->setFixedWidth(300);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(8, 8, 8, 8);
    m_questions = new QComboBox(side);
    m_questions->setObjectName(QStringLiteral("reviewQuestion"));
    m_questions->setFocusPolicy(Qt::ClickFocus);
    sideLayout->addWidget(m_questions);
    m_filters = new ReviewFilterBar(side);
    sideLayout->addWidget(m_filters);
    m_queueHeader = new QLabel(QStringLiteral("Disagreements"), side);
    m_queueHeader->setObjectName(QStringLiteral("listHeader"));
    sideLayout->addWidget(m_queueHeader);
    m_queue = new QListWidget(side);
    m_queue->setObjectName(QStringLiteral("feedbackReviewQueue"));
    sideLayout->addWidget(m_queue, 1);
    outer->addWidget(side);

    auto* main = new QWidget(this);
    auto* mainLayout = new QVBoxLayout(main);
    mainLayout->setContentsMargins(16, 12, 16, 12);
    m_title = new QLabel(main);
    m_title->setStyleSheet(QStringLiteral("color: #666;"));
    mainLayout->addWidget(m_title);
    auto* splitter = new QSplitter(Qt::Vertical, main);
    splitter->setChildrenCollapsible(false);
    m_fields = new FieldsPane(splitter);
    auto* lower = new QWidget(splitter);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    auto* answersTitle =
        new QLabel(QStringLiteral("The annotators' answers  (Alt+1\u20139 accepts one as gold)"), lower);
    answersTitle->setObjectName(QStringLiteral("sectionTitle"));
    lowerLayout->addWidget(answersTitle);
    m_answersLayout = new QVBoxLayout;
    lowerLayout->addLayout(m_answersLayout);
    m_goldHolder = new QVBoxLayout;
    lowerLayout->addLayout(m_goldHolder);
    m_note = new QLineEdit(lower);
    m_note->setObjectName(QStringLiteral("reviewNote"));
    m_note->setPlaceholderText(QStringLiteral("Note stored with the gold value (optional)"));
    lowerLayout->addWidget(m_note);
    m_goldLabel = new QLabel(lower);
    m_goldLabel->setObjectName(QStringLiteral("goldLabel"));
    m_goldLabel->setWordWrap(true);
    lowerLayout->addWidget(m_goldLabel);
    lowerLayout->addStretch(1);
    splitter->addWidget(m_fields);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setSizes({100000, 1}); // the answers and the gold value take what they need, the fields the rest
    mainLayout->addWidget(splitter, 1);
    outer->addWidget(main, 1);

    for (std::size_t i = 0; i < feedback_review::kMaxAnswerKeys; ++i) {
        auto* key = new QShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)), this);
        key->setContext(Qt::WidgetWithChildrenShortcut);
        connect(key, &QShortcut::activated, this, [this, i] { accept(i); });
    }
    // A written gold value is given with Ctrl+S (or by leaving the editor), as on the annotate screen.
    auto* give = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_S), this);
    give->setContext(Qt::WidgetWithChildrenShortcut);
    connect(give, &QShortcut::activated, this, [this] {
        if (auto* text = qobject_cast<TextAnswerBox*>(m_gold); text && !text->editor()->toPlainText().isEmpty()) {
            resolve({{"text", text->editor()->toPlainText().toStdString()}});
        }
    });
    connect(m_questions, &QComboBox::currentIndexChanged, this, [this] { pickQuestion(); });
    connect(m_filters, &ReviewFilterBar::changed, this, &FeedbackReviewView::refresh);
    connect(m_queue, &QListWidget::currentRowChanged, this, &FeedbackReviewView::showRow);
    m_loader.onDone([this](std::vector<review::QuestionReviewItem>&& items) {
        showQueue(std::move(items));
        if (!m_loader.isRunning()) {
            Q_EMIT queueLoaded();
        }
    });
    m_loader.onFailed([this](const QString& message) {
        Q_EMIT failed(QStringLiteral("The review queue could not be built: %1").arg(message));
    });
}

const Question* FeedbackReviewView::question() const
{
    if (!m_open || m_questions->currentIndex() < 0) {
        return nullptr;
    }
    const auto& questions = m_open->project().recordSchema().questions;
    const auto index = static_cast<std::size_t>(m_questions->currentData().toInt());
    return index < questions.size() ? &questions[index] : nullptr;
}

void FeedbackReviewView::setProject(OpenProject* project)
{
    if (m_open) {
        disconnect(m_open, nullptr, this, nullptr);
    }
    m_loader.cancel();
    m_open = project;
    m_items.clear();
    m_queue->clear();
    const QSignalBlocker block(m_questions);
    m_questions->clear();
    if (!project) {
        return;
    }
    // The team's answers (or this screen's own gold values) change the queue: built again when
    // it is seen.
    connect(project, &OpenProject::labelsMayHaveChanged, this, [this] {
        m_stale = true;
        if (isVisible()) {
            refresh();
        }
    });
    const auto& questions = project->project().recordSchema().questions;
    for (std::size_t i = 0; i < questions.size(); ++i) {
        m_questions->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(questions[i].name),
                                                           QString::fromUtf8(toString(questions[i].kind).data())),
                             static_cast<int>(i));
    }
    pickQuestion();
}

void FeedbackReviewView::pickQuestion()
{
    setFocusProxy(nullptr);
    delete m_gold;
    m_gold = nullptr;
    const Question* picked = question();
    if (!picked) {
        return;
    }
    m_filters->setQuestion(*picked, m_open->project().suggestions().agentsFor(picked->name));
    m_gold = makeQuestionBox(*picked, this);
    m_goldHolder->addWidget(m_gold);
    setFocusProxy(m_gold); // the screen's keys are the gold value's
    connect(m_gold, &QuestionBox::answered, this, [this](const nlohmann::json& value) { resolve(value); });
    refresh();
}

void FeedbackReviewView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        refresh();
    }
}

void FeedbackReviewView::refresh()
{
    const Question* picked = question();
    if (!m_open || !picked) {
        return;
    }
    m_stale = false;
    m_queueHeader->setText(QStringLiteral("%1 \u00b7 finding\u2026").arg(m_filters->listName()));
    m_loader.run(m_open,
                 [path = m_open->pathBytes(), question = *picked, filter = m_filters->filter()](const Progress&) {
                     auto project = Project::open(path);
                     return review::questionReviewQueue(*project, question, filter);
                 });
}

void FeedbackReviewView::showQueue(std::vector<review::QuestionReviewItem> items)
{
    const QString keep = currentId();
    m_items = std::move(items);
    const QSignalBlocker block(m_queue);
    m_queue->clear();
    int keepRow = -1;
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        const auto& item = m_items[i];
        QString text = QString::fromStdString(item.id);
        if (item.pending.empty()) {
            text += QStringLiteral("   %1% agree").arg(QString::number(100.0 * item.agreement, 'f', 0));
        } else {
            QStringList who;
            for (const auto& pending : item.pending) {
                who << QString::fromStdString(pending.annotator);
            }
            text += QStringLiteral("   %1").arg(who.join(QStringLiteral(", ")));
        }
        if (item.opposite) {
            text += QStringLiteral(" \u00b7 opposite winners");
        }
        if (item.resolved) {
            text += QStringLiteral(" \u00b7 gold set");
        }
        m_queue->addItem(text);
        if (QString::fromStdString(item.id) == keep) {
            keepRow = static_cast<int>(i);
        }
    }
    m_queueHeader->setText(QStringLiteral("%1 \u00b7 %2").arg(m_filters->listName()).arg(m_items.size()));
    if (m_items.empty()) {
        const review::QuestionReviewFilter filter = m_filters->filter();
        const bool narrowed = filter.biasFlagged || !filter.agent.empty();
        const QString among = narrowed ? QStringLiteral(" among the filtered records") : QString();
        m_title->setText(filter.status == ResponseStatus::Draft ? QStringLiteral("No record has a draft%1.").arg(among)
                         : filter.status == ResponseStatus::Discarded
                             ? QStringLiteral("No record was set aside%1.").arg(among)
                         : narrowed ? QStringLiteral("No disagreement matches the filters.")
                                    : QStringLiteral("The annotators agree on every record with two answers or more."));
        clearAnswers();
        m_fields->clear();
        return;
    }
    m_queue->setCurrentRow(keepRow >= 0 ? keepRow : 0);
    showRow(m_queue->currentRow());
}

void FeedbackReviewView::showRow(int row)
{
    const Question* picked = question();
    if (!m_open || !picked || row < 0 || row >= static_cast<int>(m_items.size()) || !m_gold) {
        return;
    }
    const auto& item = m_items[static_cast<std::size_t>(row)];
    Project& project = m_open->project();
    const auto sample = project.samples().findByKey(item.key);
    if (!sample) {
        return;
    }
    const RecordContent record = project.recordOf(*sample);
    const auto compared = feedback_review::comparedOf(*picked);
    m_title->setText(QStringLiteral("record %1").arg(QString::fromStdString(item.id)));
    const Field* inBox = fieldShownInBox(project.recordSchema(), *picked); // shown in the gold box, not twice
    m_fields->showRecord(project.recordSchema(), record, compared,
                         inBox ? std::vector<std::string>{inBox->name} : std::vector<std::string>{});
    std::optional<nlohmann::json> gold;
    if (const auto stored = project.resolutions().forQuestion(picked->name).get(item.key)) {
        gold = nlohmann::json::parse(stored->value, nullptr, false);
    }
    m_gold->showAnswer(record, gold, compared);
    m_goldLabel->setText(gold ? QStringLiteral("Gold: %1").arg(m_gold->describe(*gold))
                              : QStringLiteral("No gold value yet: answer below, or accept an annotator's"));
    clearAnswers();
    for (std::size_t i = 0; i < item.answers.size(); ++i) {
        const auto& [annotator, value] = item.answers[i];
        auto* button = new QPushButton(
            QStringLiteral("%1%2: %3")
                .arg(i < feedback_review::kMaxAnswerKeys ? QStringLiteral("[Alt+%1]  ").arg(i + 1) : QString(),
                     QString::fromStdString(annotator), m_gold->describe(value)),
            this);
        button->setFocusPolicy(Qt::NoFocus);
        button->setStyleSheet(QStringLiteral("text-align: left; padding: 4px 8px;"));
        connect(button, &QPushButton::clicked, this, [this, i] { accept(i); });
        m_answersLayout->addWidget(button);
        m_answers.push_back(button);
    }
    for (const auto& pending : item.pending) {
        const QString who = QString::fromStdString(pending.annotator);
        auto* label =
            new QLabel(pending.status == ResponseStatus::Discarded
                           ? (pending.reason.empty() ? QStringLiteral("%1 set it aside, without a reason").arg(who)
                                                     : QStringLiteral("%1 set it aside: \u201c%2\u201d")
                                                           .arg(who, QString::fromStdString(pending.reason)))
                           : QStringLiteral("%1 has a draft, not yet submitted").arg(who),
                       this);
        label->setObjectName(QStringLiteral("pendingResponse"));
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        m_answersLayout->addWidget(label);
        m_pending.push_back(label);
    }
    m_gold->setFocus();
}

void FeedbackReviewView::clearAnswers()
{
    for (QPushButton* button : m_answers) {
        delete button;
    }
    m_answers.clear();
    for (QLabel* label : m_pending) {
        delete label;
    }
    m_pending.clear();
}

QStringList FeedbackReviewView::pendingTexts() const
{
    QStringList texts;
    for (const QLabel* label : m_pending) {
        texts << label->text();
    }
    return texts;
}

void FeedbackReviewView::accept(std::size_t answer)
{
    const int row = m_queue->currentRow();
    if (row < 0 || row >= static_cast<int>(m_items.size()) || !m_gold) {
        return;
    }
    const auto& answers = m_items[static_cast<std::size_t>(row)].answers;
    if (answer >= answers.size()) {
        return;
    }
    const nlohmann::json& value = answers[answer].second;
    if (m_gold->question().kind == QuestionKind::Text) {
        // The final text starts from the chosen one: the reviewer finishes it and gives it.
        const Sample sample = *m_open->project().samples().findByKey(m_items[static_cast<std::size_t>(row)].key);
        m_gold->showAnswer(m_open->project().recordOf(sample), value, {});
        m_gold->setFocus();
        Q_EMIT notice(QStringLiteral("Edit the text and give it with Ctrl+S, or Tab away"));
        return;
    }
    resolve(value);
}

void FeedbackReviewView::resolve(const nlohmann::json& value)
{
    const Question* picked = question();
    const int row = m_queue->currentRow();
    if (!m_open || !picked || row < 0 || row >= static_cast<int>(m_items.size())) {
        return;
    }
    auto& item = m_items[static_cast<std::size_t>(row)];
    if (const auto failure = setGold(m_open->project(), item.id, m_open->user().toStdString(), value,
                                     m_note->text().trimmed().toStdString(), picked->name)) {
        Q_EMIT failed(*failure);
        return;
    }
    Q_EMIT m_open->labelsChanged();
    item.resolved = true;
    m_note->clear();
    m_queue->item(row)->setText(m_queue->item(row)->text() + QStringLiteral(" \u00b7 gold set"));
    Q_EMIT notice(QStringLiteral("Gold value of %1: %2").arg(QString::fromStdString(item.id), m_gold->describe(value)));
    // The next record without a gold value, else stay.
    for (int next = row + 1; next < static_cast<int>(m_items.size()); ++next) {
        if (!m_items[static_cast<std::size_t>(next)].resolved) {
            m_queue->setCurrentRow(next);
            return;
        }
    }
    showRow(row);
}

QStringList FeedbackReviewView::queueIds() const
{
    QStringList ids;
    for (const auto& item : m_items) {
        ids << QString::fromStdString(item.id);
    }
    return ids;
}

QString FeedbackReviewView::currentId() const
{
    const int row = m_queue->currentRow();
    return row >= 0 && row < static_cast<int>(m_items.size())
               ? QString::fromStdString(m_items[static_cast<std::size_t>(row)].id)
               : QString();
}

QStringList FeedbackReviewView::answerTexts() const
{
    QStringList texts;
    for (const QPushButton* button : m_answers) {
        texts << button->text().section(QStringLiteral("]  "), -1);
    }
    return texts;
}

} // namespace concord::gui
