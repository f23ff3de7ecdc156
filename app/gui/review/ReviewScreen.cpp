// Layout, queue and candidates of the review screen; see ReviewScreen.hpp.
#include "app/gui/review/ReviewScreen.hpp"

#include "app/gui/project/OpenProject.hpp"
#include "app/gui/review/FeedbackReviewView.hpp"
#include "app/gui/review/SetGold.hpp"
#include "app/gui/widgets/LabelBar.hpp"
#include "app/gui/widgets/SampleTextView.hpp"
#include "app/gui/widgets/SpanEditing.hpp"
#include "app/gui/widgets/ValueSummary.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace concord::gui {

namespace {

constexpr std::size_t maxCandidates = 9; // keys 1..9

// The whole text with the value's spans highlighted and labelled, as rich text: one such line per
// annotator puts their spans over the same words, one above the other.
QString spansHtml(const LabelSchema& schema, const std::string& text, const nlohmann::json& value)
{
    const QList<uint> codePoints = QString::fromStdString(text).toUcs4();
    const std::vector<SpanMark> marks = spanMarks(schema, value);
    std::vector<int> owner(static_cast<std::size_t>(codePoints.size()), -1);
    for (std::size_t m = 0; m < marks.size(); ++m) {
        for (std::size_t p = marks[m].start; p < marks[m].end && p < owner.size(); ++p) {
            owner[p] = owner[p] < 0 ? static_cast<int>(m) : owner[p]; // overlaps: the first span shows
        }
    }
    QString html;
    for (std::size_t p = 0; p < owner.size();) {
        std::size_t end = p;
        while (end < owner.size() && owner[end] == owner[p]) {
            ++end;
        }
        const QString run = QString::fromUcs4(reinterpret_cast<const char32_t*>(codePoints.constData()) + p,
                                              static_cast<qsizetype>(end - p))
                                .toHtmlEscaped();
        if (owner[p] < 0) {
            html += run;
        } else {
            const SpanMark& mark = marks[static_cast<std::size_t>(owner[p])];
            QColor tint = mark.color;
            tint.setAlpha(70);
            html += QStringLiteral("<span style=\"background-color: %1;\">%2</span>"
                                   "<span style=\"color: %3; font-size: small; font-weight: 700;\">&#8201;%4</span>")
                        .arg(tint.name(QColor::HexArgb), run, mark.color.name(), mark.label.toHtmlEscaped());
        }
        p = end;
    }
    return html;
}

QString queueText(const review::ReviewItem& item)
{
    QString detail =
        QStringLiteral("%1% agree \u00b7 %2 votes").arg(qRound(item.majorityShare * 100)).arg(item.ratings);
    if (item.tie) {
        detail += QStringLiteral(" \u00b7 tied");
    }
    return QStringLiteral("%1%2\n%3")
        .arg(item.resolved ? QStringLiteral("\u2713 ") : QString(), QString::fromStdString(item.id), detail);
}

} // namespace

ReviewScreen::ReviewScreen(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("reviewScreen"));
    m_loader.onDone([this](std::vector<review::ReviewItem>&& items) {
        showQueue(std::move(items));
        if (!m_loader.isRunning()) {
            Q_EMIT queueLoaded();
        }
    });
    m_loader.onFailed([this](const QString& message) {
        m_queueHeader->setText(QStringLiteral("Disagreements"));
        Q_EMIT failed(QStringLiteral("The review queue could not be built: %1").arg(message));
    });
    auto* outer = new QHBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);

    auto* side = m_side = new QWidget(this);
    side->setFixedWidth(300);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->setSpacing(0);
    m_queueHeader = new QLabel(QStringLiteral("Disagreements"), side);
    m_queueHeader->setObjectName(QStringLiteral("listHeader"));
    m_queue = new QListWidget(side);
    m_queue->setObjectName(QStringLiteral("reviewQueue"));
    sideLayout->addWidget(m_queueHeader);
    sideLayout->addWidget(m_queue, 1);
    outer->addWidget(side);

    auto* main = m_main = new QWidget(this);
    auto* mainLayout = new QVBoxLayout(main);
    mainLayout->setContentsMargins(40, 24, 40, 20);
    m_placeholder = new QLabel(main);
    m_placeholder->setObjectName(QStringLiteral("labelHint"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    mainLayout->addWidget(m_placeholder, 1);

    m_detail = new QWidget(main);
    auto* detail = new QVBoxLayout(m_detail);
    detail->setContentsMargins(0, 0, 0, 0);
    detail->setSpacing(12);
    auto* card = new QFrame(m_detail);
    card->setObjectName(QStringLiteral("sampleCard"));
    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(28, 20, 28, 24);
    cardLayout->setSpacing(12);
    auto* header = new QHBoxLayout();
    m_title = new QLabel(card);
    m_title->setObjectName(QStringLiteral("sampleId"));
    m_title->setTextFormat(Qt::PlainText);
    m_stats = new QLabel(card);
    m_stats->setObjectName(QStringLiteral("sampleMeta"));
    header->addWidget(m_title);
    header->addStretch();
    header->addWidget(m_stats);
    cardLayout->addLayout(header);
    m_text = new SampleTextView(card);
    m_text->setObjectName(QStringLiteral("reviewText"));
    cardLayout->addWidget(m_text);
    detail->addWidget(card);

    auto* candidatesTitle = new QLabel(QStringLiteral("Accept a value as gold  (keys 1\u20139)"), m_detail);
    candidatesTitle->setObjectName(QStringLiteral("sectionTitle"));
    detail->addWidget(candidatesTitle);
    m_candidateLayout = new QVBoxLayout();
    m_candidateLayout->setSpacing(6);
    detail->addLayout(m_candidateLayout);

    m_goldPrompt = new QLabel(QStringLiteral("Or set the gold value  (Alt + the label's key)"), m_detail);
    m_goldPrompt->setObjectName(QStringLiteral("sectionTitle"));
    detail->addWidget(m_goldPrompt);
    m_barHolder = new QVBoxLayout();
    detail->addLayout(m_barHolder);

    m_note = new QLineEdit(m_detail);
    m_note->setObjectName(QStringLiteral("reviewNote"));
    m_note->setPlaceholderText(QStringLiteral("Note stored with the gold value (Ctrl+L to write, Esc to leave)"));
    detail->addWidget(m_note);
    m_gold = new QLabel(m_detail);
    m_gold->setObjectName(QStringLiteral("goldLabel"));
    m_gold->setTextFormat(Qt::PlainText);
    m_gold->setWordWrap(true);
    detail->addWidget(m_gold);
    detail->addStretch(1);
    mainLayout->addWidget(m_detail, 1);
    outer->addWidget(main, 1);
    m_feedback = new FeedbackReviewView(this);
    m_feedback->hide();
    outer->addWidget(m_feedback, 1);
    connect(m_feedback, &FeedbackReviewView::failed, this, &ReviewScreen::failed);
    connect(m_feedback, &FeedbackReviewView::notice, this, &ReviewScreen::notice);
    connect(m_feedback, &FeedbackReviewView::queueLoaded, this, &ReviewScreen::queueLoaded);

    for (std::size_t i = 0; i < maxCandidates; ++i) {
        auto* shortcut = new QShortcut(QKeySequence(static_cast<int>(Qt::Key_1 + i)), this);
        connect(shortcut, &QShortcut::activated, this, [this, i] { acceptCandidate(i); });
        m_candidateKeys.push_back(shortcut);
    }
    auto* noteKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), this);
    connect(noteKey, &QShortcut::activated, m_note, [this] { m_note->setFocus(); });
    auto* leaveNote = new QShortcut(QKeySequence(Qt::Key_Escape), m_note);
    leaveNote->setContext(Qt::WidgetShortcut);
    connect(leaveNote, &QShortcut::activated, m_queue, [this] { m_queue->setFocus(); });
    connect(m_queue, &QListWidget::currentRowChanged, this, &ReviewScreen::showRow);
    setFocusProxy(m_queue); // arrows walk the queue; digits and Alt+keys are shortcuts
    showPlaceholder(QStringLiteral("No project is open."));
}

void ReviewScreen::setProject(OpenProject* project)
{
    if (m_open) {
        disconnect(m_open, nullptr, this, nullptr);
    }
    m_loader.cancel(); // a load still running is for the project before
    m_open = project;
    m_project = project ? &project->project() : nullptr;
    m_reviewer = project ? project->user().toStdString() : std::string();
    m_items.clear();
    m_queue->clear();
    delete m_bar;
    m_bar = nullptr;
    // A project of fields and questions is reviewed question by question, with its own keys.
    const bool fields = m_project && !m_project->isLegacy();
    m_side->setVisible(!fields);
    m_main->setVisible(!fields);
    m_feedback->setVisible(fields);
    for (QShortcut* key : m_candidateKeys) {
        key->setEnabled(!fields);
    }
    m_feedback->setProject(fields ? project : nullptr);
    if (fields) {
        setFocusProxy(m_feedback);
        return;
    }
    setFocusProxy(m_queue);
    if (!m_project) {
        showPlaceholder(QStringLiteral("No project is open."));
        return;
    }
    connect(m_open, &OpenProject::labelsMayHaveChanged, this, &ReviewScreen::labelsChanged);
    const LabelSchema& schema = m_project->schema();
    // Spans are set by accepting an annotator's; the others can be set directly, by Alt+key so
    // that the plain digits stay with the candidates.
    if (schema.kind != TaskKind::Spans) {
        m_bar = new LabelBar(schema, m_detail, Qt::AltModifier); // Enter saves a multi-label set
        m_bar->setObjectName(QStringLiteral("goldBar"));
        m_barHolder->addWidget(m_bar);
        connect(m_bar, &LabelBar::valueChosen, this,
                [this](const nlohmann::json& value) { resolve(value, QStringLiteral("set by hand")); });
        connect(m_bar, &LabelBar::notice, this, &ReviewScreen::notice);
    }
    m_goldPrompt->setVisible(m_bar != nullptr);
    m_stale = true;
    if (isVisible()) {
        refresh();
    }
}

ReviewScreen::~ReviewScreen() = default;

void ReviewScreen::labelsChanged()
{
    if (m_resolving) {
        return; // the queue already shows this screen's own gold value
    }
    m_stale = true;
    if (isVisible()) {
        refresh();
    }
}

void ReviewScreen::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        refresh();
    }
}

bool ReviewScreen::isLoading() const
{
    return m_loader.isRunning() || m_feedback->isLoading();
}

void ReviewScreen::refresh()
{
    if (!m_open || m_feedback->isVisibleTo(this)) {
        return; // the question review builds its queue itself
    }
    m_stale = false;
    m_queueHeader->setText(QStringLiteral("Disagreements \u00b7 finding\u2026"));
    if (m_items.empty()) {
        showPlaceholder(QStringLiteral("Finding the samples the annotators disagree on\u2026"));
    }
    m_loader.run(m_open, [path = m_open->pathBytes()](const Progress&) {
        auto project = Project::open(path);
        return review::disagreementQueue(*project);
    });
}

void ReviewScreen::showQueue(std::vector<review::ReviewItem> items)
{
    const QString keep = currentId();
    m_items = std::move(items);
    const QSignalBlocker blocker(m_queue);
    m_queue->clear();
    int kept = -1;
    int firstOpen = -1;
    int open = 0;
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        m_queue->addItem(queueText(m_items[i]));
        if (QString::fromStdString(m_items[i].id) == keep) {
            kept = static_cast<int>(i);
        }
        if (!m_items[i].resolved) {
            firstOpen = firstOpen < 0 ? static_cast<int>(i) : firstOpen;
            ++open;
        }
    }
    // The sample on show stays; else the most contested open one.
    const int select = kept >= 0 ? kept : std::max(firstOpen, 0);
    m_queueHeader->setText(QStringLiteral("Disagreements \u00b7 %L1 open of %L2").arg(open).arg(m_items.size()));
    if (m_items.empty()) {
        showPlaceholder(QStringLiteral("No disagreements to review: every sample labeled by two or more "
                                       "annotators has one value."));
        return;
    }
    m_queue->setCurrentRow(select);
    showRow(m_queue->currentRow());
}

void ReviewScreen::showPlaceholder(const QString& message)
{
    m_placeholder->setText(message);
    m_placeholder->show();
    m_detail->hide();
    m_candidates.clear();
}

void ReviewScreen::showRow(int row)
{
    if (!m_project || row < 0 || row >= static_cast<int>(m_items.size())) {
        return;
    }
    const review::ReviewItem& item = m_items[static_cast<std::size_t>(row)];
    m_placeholder->hide();
    m_detail->show();
    m_title->setText(QString::fromStdString(item.id));
    m_stats->setText(QStringLiteral("%1 annotators \u00b7 %2% agree%3")
                         .arg(item.ratings)
                         .arg(qRound(item.majorityShare * 100))
                         .arg(item.tie ? QStringLiteral(" \u00b7 tied") : QString()));
    try {
        const auto sample = m_project->samples().findByKey(item.key);
        m_text->setSampleText(sample ? QString::fromStdString(sample->text) : QString());
        if (m_project->schema().kind == TaskKind::Spans && !item.suggestion.empty()) {
            // Over the text, the majority's spans; each annotator's are listed below it.
            m_text->setSpans(spanMarks(m_project->schema(), nlohmann::json::parse(item.suggestion, nullptr, false)));
        }
        buildCandidates(item);
        const auto gold = m_project->resolutions().get(item.key);
        if (gold) {
            const ValueSummary summary = summarize(m_project->schema(), gold->value);
            m_gold->setText(
                QStringLiteral("Gold: %1, set by %2%3")
                    .arg(summary.text, QString::fromStdString(gold->author),
                         gold->note.empty()
                             ? QString()
                             : QStringLiteral(" \u2014 \u201c%1\u201d").arg(QString::fromStdString(gold->note))));
        } else {
            m_gold->setText(QStringLiteral("No gold value yet."));
        }
        if (m_bar) {
            m_bar->setEnabled(true);
            m_bar->showValue(gold ? std::optional(nlohmann::json::parse(gold->value, nullptr, false)) : std::nullopt);
        }
    } catch (const StoreError& error) {
        Q_EMIT failed(QStringLiteral("Reading sample '%1' failed: %2")
                          .arg(QString::fromStdString(item.id), QString::fromUtf8(error.what())));
    }
}

void ReviewScreen::buildCandidates(const review::ReviewItem& item)
{
    for (QPushButton* button : m_candidateButtons) {
        delete button;
    }
    m_candidateButtons.clear();
    m_candidates.clear();
    const LabelSchema& schema = m_project->schema();
    const auto sample = m_project->samples().findByKey(item.key);
    const std::string text = sample ? sample->text : std::string();
    const auto describe = [&](const nlohmann::json& value, Candidate& candidate) {
        const ValueSummary summary = summarize(schema, value);
        candidate.what = schema.kind == TaskKind::Spans ? describeSpans(text, value) : summary.text;
        if (schema.kind == TaskKind::Spans) {
            candidate.html = spansHtml(schema, text, value);
        }
        candidate.color = summary.color;
    };

    auto annotations = m_project->annotations().forSample(item.key);
    std::sort(annotations.begin(), annotations.end(),
              [](const Annotation& a, const Annotation& b) { return a.annotator < b.annotator; });
    for (const Annotation& annotation : annotations) {
        Candidate candidate;
        candidate.who = QString::fromStdString(annotation.annotator);
        candidate.value = nlohmann::json::parse(annotation.value, nullptr, false);
        describe(candidate.value, candidate);
        m_candidates.push_back(std::move(candidate));
    }
    if (!item.suggestion.empty()) {
        Candidate candidate;
        candidate.who = QStringLiteral("majority vote (%1 of %2%3)")
                            .arg(item.suggestionVotes)
                            .arg(item.ratings)
                            .arg(item.tie ? QStringLiteral(", tie") : QString());
        candidate.value = nlohmann::json::parse(item.suggestion, nullptr, false);
        describe(candidate.value, candidate);
        m_candidates.push_back(std::move(candidate));
    }
    addPrediction(item.key);
    if (m_candidates.size() > maxCandidates) {
        m_candidates.resize(maxCandidates); // more than nine annotators: the rest by the gold bar
    }

    for (std::size_t i = 0; i < m_candidates.size(); ++i) {
        const Candidate& candidate = m_candidates[i];
        auto* button = new QPushButton(m_detail);
        button->setObjectName(QStringLiteral("candidate_%1").arg(i + 1));
        button->setProperty("candidate", true); // styled by the theme
        button->setFocusPolicy(Qt::NoFocus);
        button->setCursor(Qt::PointingHandCursor);
        button->setEnabled(!candidate.value.is_null() && !candidate.value.is_discarded());
        auto* row = new QHBoxLayout(button);
        row->setContentsMargins(12, 8, 12, 8);
        auto* key = new QLabel(QString::number(i + 1), button);
        key->setObjectName(QStringLiteral("candidateKey"));
        auto* who = new QLabel(candidate.who, button);
        who->setObjectName(QStringLiteral("candidateWho"));
        who->setMinimumWidth(220);
        auto* what = new QLabel(button);
        what->setObjectName(QStringLiteral("candidateWhat"));
        for (QLabel* label : {key, who, what}) {
            label->setTextFormat(Qt::PlainText);
            label->setAttribute(Qt::WA_TransparentForMouseEvents);
        }
        if (candidate.html.isEmpty()) {
            what->setText(candidate.what);
            what->setStyleSheet(QStringLiteral("color: %1; font-weight: 600;").arg(candidate.color.name()));
        } else {
            what->setTextFormat(Qt::RichText);
            what->setWordWrap(true);
            what->setText(candidate.html);
        }
        row->addWidget(key);
        row->addWidget(who);
        row->addWidget(what, 1);
        button->setMinimumHeight(40);
        m_candidateLayout->addWidget(button);
        m_candidateButtons.push_back(button);
        connect(button, &QPushButton::clicked, this, [this, i] { acceptCandidate(i); });
    }
    QTimer::singleShot(0, this, &ReviewScreen::fitCandidates); // once the rows have their widths
}

void ReviewScreen::fitCandidates()
{
    // A button sizes itself by its own text, not by the labels laid out in it: give each row
    // the height its wrapped value needs at the width it got.
    for (QPushButton* button : m_candidateButtons) {
        auto* what = button->findChild<QLabel*>(QStringLiteral("candidateWhat"));
        if (what != nullptr && what->wordWrap()) {
            button->setMinimumHeight(std::max(40, what->heightForWidth(what->width()) + 18));
        }
    }
}

void ReviewScreen::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitCandidates();
}

void ReviewScreen::addPrediction(std::int64_t key)
{
    // Only a single-label prediction is a whole value; for the other kinds it is not shown.
    if (m_project->schema().kind != TaskKind::Single) {
        return;
    }
    const auto models = m_project->predictions().models();
    if (models.empty()) {
        return;
    }
    const std::string model =
        std::find(models.begin(), models.end(), "builtin") != models.end() ? "builtin" : models.front();
    const auto prediction = m_project->predictions().get(key, model);
    if (!prediction) {
        return;
    }
    const auto probabilities = nlohmann::json::parse(prediction->probabilities, nullptr, false);
    if (!probabilities.is_object() || probabilities.empty()) {
        return;
    }
    std::string best;
    double top = -1.0;
    for (const auto& [label, probability] : probabilities.items()) {
        if (probability.is_number() && probability.get<double>() > top) {
            top = probability.get<double>();
            best = label;
        }
    }
    Candidate candidate;
    candidate.who = QStringLiteral("model %1 (p = %2)").arg(QString::fromStdString(model)).arg(top, 0, 'f', 2);
    candidate.value = {{"labels", {best}}};
    const ValueSummary summary = summarize(m_project->schema(), candidate.value);
    candidate.what = summary.text;
    candidate.color = summary.color;
    m_candidates.push_back(std::move(candidate));
}

void ReviewScreen::acceptCandidate(std::size_t index)
{
    if (index >= m_candidates.size() || !m_candidateButtons.at(index)->isEnabled()) {
        return;
    }
    resolve(m_candidates[index].value, QStringLiteral("from %1").arg(m_candidates[index].who));
}

void ReviewScreen::resolve(const nlohmann::json& value, const QString& source)
{
    const int row = m_queue->currentRow();
    if (!m_project || row < 0 || row >= static_cast<int>(m_items.size())) {
        return;
    }
    review::ReviewItem& item = m_items[static_cast<std::size_t>(row)];
    if (const auto failure = setGold(*m_project, item.id, m_reviewer, value, m_note->text().trimmed().toStdString())) {
        Q_EMIT failed(*failure);
        return;
    }
    // The sync sends it, the other screens count it; this queue shows it already.
    m_resolving = true;
    Q_EMIT m_open->labelsChanged();
    m_resolving = false;
    item.resolved = true;
    m_note->clear();
    updateQueueRow(row);
    Q_EMIT notice(QStringLiteral("Gold value of %1: %2 (%3)")
                      .arg(QString::fromStdString(item.id), summarize(m_project->schema(), value).text, source));
    moveToNextUnresolved();
    m_queue->setFocus();
}

void ReviewScreen::updateQueueRow(int row)
{
    m_queue->item(row)->setText(queueText(m_items[static_cast<std::size_t>(row)]));
    const auto open = std::count_if(m_items.begin(), m_items.end(), [](const auto& item) { return !item.resolved; });
    m_queueHeader->setText(QStringLiteral("Disagreements \u00b7 %L1 open of %L2").arg(open).arg(m_items.size()));
}

void ReviewScreen::moveToNextUnresolved()
{
    const int count = static_cast<int>(m_items.size());
    const int from = m_queue->currentRow();
    for (int step = 1; step <= count; ++step) {
        const int row = (from + step) % count;
        if (!m_items[static_cast<std::size_t>(row)].resolved) {
            m_queue->setCurrentRow(row);
            return;
        }
    }
    showRow(from); // all resolved: show the gold value just set
    Q_EMIT notice(QStringLiteral("Every disagreement has a gold value."));
}

QStringList ReviewScreen::queueIds() const
{
    QStringList ids;
    for (const auto& item : m_items) {
        ids << QString::fromStdString(item.id);
    }
    return ids;
}

QString ReviewScreen::currentId() const
{
    const int row = m_queue->currentRow();
    return row >= 0 && row < static_cast<int>(m_items.size())
               ? QString::fromStdString(m_items[static_cast<std::size_t>(row)].id)
               : QString();
}

QStringList ReviewScreen::candidateTexts() const
{
    QStringList texts;
    for (std::size_t i = 0; i < m_candidates.size(); ++i) {
        texts << QStringLiteral("%1 %2: %3").arg(i + 1).arg(m_candidates[i].who, m_candidates[i].what);
    }
    return texts;
}

} // namespace concord::gui
