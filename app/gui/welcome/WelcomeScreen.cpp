// Layout of the welcome page: a card with the actions on the left and the recent projects on
// the right. Enter on a recent project opens it; each button has a mnemonic.
#include "app/gui/welcome/WelcomeScreen.hpp"

#include "app/gui/welcome/RecentProjects.hpp"

#include <QAction>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace concord::gui {

namespace {

constexpr int pathRole = Qt::UserRole + 1;

QPushButton* actionButton(const QString& text, const QString& detail, QWidget* parent)
{
    auto* button = new QPushButton(text, parent);
    button->setObjectName(QStringLiteral("welcomeAction"));
    button->setToolTip(detail);
    button->setMinimumHeight(40);
    button->setAutoDefault(true); // Enter presses the focused button
    return button;
}

} // namespace

WelcomeScreen::WelcomeScreen(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomeScreen"));
    // Its own look, on top of the application's theme (Theme.cpp).
    setStyleSheet(QStringLiteral(
        "#welcomeCard { background: white; border: 1px solid #e1e4e8; border-radius: 14px; }"
        "#welcomeTitle { font-size: 26pt; font-weight: 600; color: #1f2328; }"
        "#welcomeSubtitle { color: #5f6670; }"
        "#welcomeAction { text-align: left; padding: 8px 16px; border: 1px solid #d5d8dc; border-radius: 8px;"
        "                 background: white; }"
        "#welcomeAction:hover, #welcomeAction:focus { border-color: #3b5bdb; background: #f7f8ff; }"
        "#welcomeAction:disabled { color: #9aa0a8; background: #f7f8fa; }"
        "#recentProjects { border: 1px solid #e1e4e8; border-radius: 8px; }"
        "#recentProjects::item { padding: 8px 10px; border-bottom: 1px solid #eceef1; }"
        "#recentProjects::item:selected { background: #dfe5fb; color: #1f2328; }"
        "#recentProjects::item:disabled { color: #9aa0a8; }"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(48, 40, 48, 40);
    outer->addStretch(1);

    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("welcomeCard"));
    card->setMaximumWidth(920);
    card->setMinimumHeight(460);
    auto* cardLayout = new QHBoxLayout(card);
    cardLayout->setContentsMargins(36, 32, 36, 32);
    cardLayout->setSpacing(36);

    auto* left = new QVBoxLayout;
    left->setSpacing(10);
    auto* title = new QLabel(QStringLiteral("Concord"), card);
    title->setObjectName(QStringLiteral("welcomeTitle"));
    auto* subtitle = new QLabel(QStringLiteral("Label text for training language models, alone or as a team."), card);
    subtitle->setObjectName(QStringLiteral("welcomeSubtitle"));
    subtitle->setWordWrap(true);
    left->addWidget(title);
    left->addWidget(subtitle);
    left->addSpacing(18);
    m_new = actionButton(QStringLiteral("&New project\u2026"),
                         QStringLiteral("Import a JSONL, CSV or text file and define the labels (Ctrl+N)"), card);
    m_template = actionButton(QStringLiteral("New from a &template\u2026"),
                              QStringLiteral("Preference, ranking, SFT correction, evaluation or classification, with "
                                             "a preview of the annotate screen"),
                              card);
    m_open = actionButton(QStringLiteral("&Open project\u2026"), QStringLiteral("Open a .concord file (Ctrl+O)"), card);
    m_demo = actionButton(QStringLiteral("Open the &demo"),
                          QStringLiteral("300 review sentences to label as positive, negative or neutral"), card);
    m_feedbackDemo = actionButton(QStringLiteral("Open the &feedback demo"),
                                  QStringLiteral("300 prompts: say which of two models' responses is better"), card);
    m_join = actionButton(QStringLiteral("&Join a server\u2026"), QString(), card);
    for (QPushButton* button : {m_new, m_template, m_open, m_demo, m_feedbackDemo, m_join}) {
        left->addWidget(button);
    }
    setJoinAction(nullptr);
    left->addStretch(1);
    cardLayout->addLayout(left, 2);

    auto* right = new QVBoxLayout;
    right->setSpacing(8);
    auto* recentTitle = new QLabel(QStringLiteral("&Recent projects"), card);
    recentTitle->setObjectName(QStringLiteral("sectionTitle"));
    m_recent = new QListWidget(card);
    m_recent->setObjectName(QStringLiteral("recentProjects"));
    m_recent->setUniformItemSizes(true);
    m_recent->setTextElideMode(Qt::ElideMiddle);
    recentTitle->setBuddy(m_recent);
    m_emptyNote =
        new QLabel(QStringLiteral("No recent projects yet. Create one from a file of texts, or try the demo."), card);
    m_emptyNote->setObjectName(QStringLiteral("welcomeSubtitle"));
    m_emptyNote->setWordWrap(true);
    right->addWidget(recentTitle);
    right->addWidget(m_recent, 1);
    right->addWidget(m_emptyNote);
    cardLayout->addLayout(right, 3);

    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(card, 10);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);

    setTabOrder(m_recent, m_new);
    setTabOrder(m_new, m_template);
    setTabOrder(m_template, m_open);
    setTabOrder(m_open, m_demo);
    setTabOrder(m_demo, m_feedbackDemo);
    setTabOrder(m_feedbackDemo, m_join);

    connect(m_new, &QPushButton::clicked, this, &WelcomeScreen::newProjectRequested);
    connect(m_open, &QPushButton::clicked, this, &WelcomeScreen::chooseProjectRequested);
    connect(m_demo, &QPushButton::clicked, this, &WelcomeScreen::demoRequested);
    connect(m_feedbackDemo, &QPushButton::clicked, this, &WelcomeScreen::feedbackDemoRequested);
    connect(m_template, &QPushButton::clicked, this, &WelcomeScreen::templateRequested);
    connect(m_join, &QPushButton::clicked, this, [this] {
        if (m_joinAction) {
            m_joinAction->trigger();
        }
    });
    connect(m_recent, &QListWidget::itemActivated, this, &WelcomeScreen::activate);
    refresh();
}

void WelcomeScreen::setJoinAction(QAction* action)
{
    m_joinAction = action;
    m_join->setEnabled(action != nullptr);
    m_join->setToolTip(action ? QStringLiteral("Work on a project hosted by a Concord server: address, user and token")
                              : QStringLiteral("Joining a server is not available in this build yet"));
}

void WelcomeScreen::refresh()
{
    m_recent->clear();
    for (const QString& path : RecentProjects::list()) {
        const QFileInfo info(path);
        auto* item = new QListWidgetItem(m_recent);
        item->setData(pathRole, path);
        item->setToolTip(path);
        if (info.exists()) {
            item->setText(QStringLiteral("%1\n%2").arg(info.completeBaseName(), info.absolutePath()));
        } else {
            item->setText(QStringLiteral("%1  (missing)\n%2 is no longer there").arg(info.completeBaseName(), path));
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled); // greyed, and Enter cannot open it
        }
    }
    const bool empty = m_recent->count() == 0;
    m_recent->setVisible(!empty);
    m_emptyNote->setVisible(empty);
    for (int i = 0; i < m_recent->count(); ++i) {
        if (m_recent->item(i)->flags() & Qt::ItemIsEnabled) {
            m_recent->setCurrentRow(i);
            break;
        }
    }
}

void WelcomeScreen::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_recent->isVisible() && m_recent->currentItem()) {
        m_recent->setFocus();
    } else {
        m_new->setFocus();
    }
}

void WelcomeScreen::activate(QListWidgetItem* item)
{
    if (item && (item->flags() & Qt::ItemIsEnabled)) {
        Q_EMIT openRequested(item->data(pathRole).toString());
    }
}

} // namespace concord::gui
