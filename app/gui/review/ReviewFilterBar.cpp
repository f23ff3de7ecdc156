#include "app/gui/review/ReviewFilterBar.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QVBoxLayout>

namespace concord::gui {

namespace {

using AgentMatch = review::QuestionReviewFilter::AgentMatch;

} // namespace

ReviewFilterBar::ReviewFilterBar(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("reviewStatus"));
    m_status->addItem(QStringLiteral("Disagreements (submitted answers)"), static_cast<int>(ResponseStatus::Submitted));
    m_status->addItem(QStringLiteral("Drafts"), static_cast<int>(ResponseStatus::Draft));
    m_status->addItem(QStringLiteral("Set aside"), static_cast<int>(ResponseStatus::Discarded));
    m_bias = new QCheckBox(QStringLiteral("Only records behind a bias flag"), this);
    m_bias->setObjectName(QStringLiteral("reviewBiasFlagged"));
    m_bias->setToolTip(QStringLiteral("Identical or empty responses, and every vote of an annotator the position or "
                                      "one-sided check flags (as concord-cli check)"));
    m_suggestion = new QComboBox(this);
    m_suggestion->setObjectName(QStringLiteral("reviewSuggestion"));
    for (QWidget* widget :
         {static_cast<QWidget*>(m_status), static_cast<QWidget*>(m_bias), static_cast<QWidget*>(m_suggestion)}) {
        widget->setFocusPolicy(Qt::ClickFocus); // the keys stay the gold value's
        layout->addWidget(widget);
    }
    connect(m_status, &QComboBox::currentIndexChanged, this, &ReviewFilterBar::changed);
    connect(m_bias, &QCheckBox::toggled, this, &ReviewFilterBar::changed);
    connect(m_suggestion, &QComboBox::currentIndexChanged, this, &ReviewFilterBar::changed);
}

void ReviewFilterBar::setQuestion(const Question& question, const std::vector<std::string>& agents)
{
    const QSignalBlocker blockStatus(m_status);
    const QSignalBlocker blockBias(m_bias);
    const QSignalBlocker blockSuggestion(m_suggestion);
    m_status->setCurrentIndex(0);
    m_bias->setChecked(false);
    m_bias->setVisible(question.kind == QuestionKind::Preference);
    m_suggestion->clear();
    m_suggestion->addItem(QStringLiteral("Any suggestion"));
    for (const std::string& agent : agents) {
        const QString name = QString::fromStdString(agent);
        m_suggestion->addItem(QStringLiteral("%1 agrees with the majority").arg(name),
                              QVariantList{name, static_cast<int>(AgentMatch::Agrees)});
        m_suggestion->addItem(QStringLiteral("%1 differs from the majority").arg(name),
                              QVariantList{name, static_cast<int>(AgentMatch::Differs)});
    }
    // Agreement with a majority is not defined for rankings and written answers.
    m_suggestion->setVisible(!agents.empty() && question.kind != QuestionKind::Ranking &&
                             question.kind != QuestionKind::Text);
}

review::QuestionReviewFilter ReviewFilterBar::filter() const
{
    review::QuestionReviewFilter filter;
    filter.status = static_cast<ResponseStatus>(m_status->currentData().toInt());
    filter.biasFlagged = !m_bias->isHidden() && m_bias->isChecked();
    const QVariantList agent = m_suggestion->currentData().toList();
    if (!m_suggestion->isHidden() && agent.size() == 2) {
        filter.agent = agent[0].toString().toStdString();
        filter.agentMatch = static_cast<AgentMatch>(agent[1].toInt());
    }
    return filter;
}

QString ReviewFilterBar::listName() const
{
    switch (static_cast<ResponseStatus>(m_status->currentData().toInt())) {
    case ResponseStatus::Draft:
        return QStringLiteral("Drafts");
    case ResponseStatus::Discarded:
        return QStringLiteral("Set aside");
    case ResponseStatus::Submitted:
        break;
    }
    return QStringLiteral("Disagreements");
}

} // namespace concord::gui
