// The findings tree and the worker that fills it. The checks themselves, their ids, severities
// and messages are the core's; this file only groups and shows them.
#include "app/gui/quality/QualityScreen.hpp"

#include "app/gui/project/OpenProject.hpp"
#include "core/store/Project.hpp"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <exception>
#include <map>

namespace concord::gui {

namespace {

constexpr int FindingRole = Qt::UserRole + 1; // index into m_findings; -1 on a check's row

QColor severityColor(quality::Severity severity)
{
    switch (severity) {
    case quality::Severity::Error:
        return {198, 40, 40};
    case quality::Severity::Warning:
        return {191, 110, 0};
    case quality::Severity::Info:
        break;
    }
    return {84, 110, 122};
}

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString samplesText(const std::vector<std::string>& ids)
{
    QStringList shown;
    for (std::size_t i = 0; i < ids.size() && i < 3; ++i) {
        shown << QString::fromStdString(ids[i]);
    }
    QString text = shown.join(QStringLiteral(", "));
    if (ids.size() > 3) {
        text += QStringLiteral(" and %L1 more").arg(ids.size() - 3);
    }
    return text;
}

} // namespace

QualityScreen::QualityScreen(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("qualityScreen"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    auto* bar = new QHBoxLayout;
    m_run = new QPushButton(QStringLiteral("Run checks  (F5)"), this);
    m_run->setToolTip(QStringLiteral("Run every integrity check on the project again"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("qualityStatus"));
    m_status->setTextFormat(Qt::PlainText);
    bar->addWidget(m_run);
    bar->addWidget(m_status, 1);
    layout->addLayout(bar);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("findingsTree"));
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels(
        {QStringLiteral("Check"), QStringLiteral("Severity"), QStringLiteral("Samples"), QStringLiteral("Finding")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(0, 230);
    m_tree->setColumnWidth(1, 90);
    m_tree->setColumnWidth(2, 260);
    layout->addWidget(m_tree, 1);
    // The tree cuts long messages and lists only the first samples; the selected finding in full.
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("findingDetails"));
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setFrameShape(QFrame::StyledPanel);
    m_details->setMargin(8);
    m_details->setMinimumHeight(80);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(m_details);
    auto* hint = new QLabel(QStringLiteral("Double-click a finding, or select it and press Enter, to open its first "
                                           "sample on the Annotate screen."),
                            this);
    hint->setObjectName(QStringLiteral("qualityHint"));
    layout->addWidget(hint);

    connect(m_run, &QPushButton::clicked, this, &QualityScreen::runChecks);
    auto* f5 = new QShortcut(QKeySequence::Refresh, this, this, &QualityScreen::runChecks);
    f5->setContext(Qt::WidgetWithChildrenShortcut);
    // itemActivated covers double-click and Enter/Return in the tree.
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) { activate(item); });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) { showDetails(item); });
    m_task.onDone([this](std::vector<quality::Finding>&& findings) {
        m_findings = std::move(findings);
        fill();
        Q_EMIT updated();
    });
    m_task.onFailed([this](const QString& error) {
        m_status->setText(QStringLiteral("The checks failed."));
        Q_EMIT failed(QStringLiteral("Could not run the integrity checks: %1").arg(error));
        Q_EMIT updated();
    });
    m_task.onSettled([this] { m_run->setEnabled(true); });
    m_status->setText(QStringLiteral("No project is open."));
}

void QualityScreen::setProject(OpenProject* project)
{
    if (m_project) {
        disconnect(m_project, nullptr, this, nullptr);
    }
    m_task.cancel(); // its findings would name another project's samples
    m_project = project;
    m_stale = true;
    m_findings.clear();
    m_tree->clear();
    m_details->clear();
    m_status->setText(project ? QString() : QStringLiteral("No project is open."));
    if (!project) {
        return;
    }
    connect(project, &OpenProject::labelsMayHaveChanged, this, &QualityScreen::labelsChanged);
    if (isVisible()) {
        runChecks();
    }
}

void QualityScreen::labelsChanged()
{
    m_stale = true;
    if (isVisible()) {
        runChecks();
    }
}

void QualityScreen::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        runChecks();
    }
}

void QualityScreen::runChecks()
{
    if (!m_project) {
        return;
    }
    m_stale = false;
    m_status->setText(QStringLiteral("Running the checks\u2026"));
    m_run->setEnabled(false);
    m_task.run(m_project, [path = m_project->pathBytes()](const Progress&) {
        auto project = Project::open(path);
        return quality::runChecks(*project);
    });
}

void QualityScreen::fill()
{
    m_tree->clear();
    // The core returns the findings grouped by check, in checkIds() order; keep that order.
    std::map<std::string, QTreeWidgetItem*> groups;
    std::size_t errors = 0;
    for (std::size_t i = 0; i < m_findings.size(); ++i) {
        const quality::Finding& finding = m_findings[i];
        QTreeWidgetItem*& group = groups[finding.check];
        if (!group) {
            group = new QTreeWidgetItem(m_tree);
            group->setText(0, QString::fromStdString(finding.check));
            group->setData(0, FindingRole, -1);
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
        }
        auto* item = new QTreeWidgetItem(group);
        item->setData(0, FindingRole, static_cast<int>(i));
        item->setText(1, fromView(quality::toString(finding.severity)));
        item->setForeground(1, severityColor(finding.severity));
        item->setText(2, samplesText(finding.sampleIds));
        item->setText(3, QString::fromStdString(finding.message));
        item->setToolTip(3, QString::fromStdString(finding.message));
        errors += finding.severity == quality::Severity::Error ? 1 : 0;
    }
    for (auto& [check, group] : groups) {
        group->setText(2, group->childCount() == 1 ? QStringLiteral("1 finding")
                                                   : QStringLiteral("%L1 findings").arg(group->childCount()));
        group->setExpanded(true);
    }
    if (m_findings.empty()) {
        m_status->setText(QStringLiteral("Every check passed: no findings."));
    } else {
        m_status->setText(QStringLiteral("%L1 findings from %L2 checks, %L3 of them errors.")
                              .arg(m_findings.size())
                              .arg(groups.size())
                              .arg(errors));
        // The first finding selected: Enter opens its sample at once.
        m_tree->setCurrentItem(m_tree->topLevelItem(0)->child(0));
    }
}

void QualityScreen::activate(QTreeWidgetItem* item)
{
    if (!item) {
        return;
    }
    const int index = item->data(0, FindingRole).toInt();
    if (index < 0) {
        item->setExpanded(!item->isExpanded()); // a check's row: Enter opens or closes it
        return;
    }
    const quality::Finding& finding = m_findings.at(static_cast<std::size_t>(index));
    if (finding.sampleIds.empty()) {
        return; // a finding about an annotator names no sample
    }
    Q_EMIT openSample(QString::fromStdString(finding.sampleIds.front()));
}

void QualityScreen::showDetails(QTreeWidgetItem* item)
{
    const int index = item ? item->data(0, FindingRole).toInt() : -1;
    if (index < 0) {
        m_details->setText(item ? QStringLiteral("%1: %2").arg(item->text(0), item->text(2)) : QString());
        return;
    }
    const quality::Finding& finding = m_findings.at(static_cast<std::size_t>(index));
    QStringList ids;
    for (const auto& id : finding.sampleIds) {
        ids << QString::fromStdString(id);
    }
    m_details->setText(QStringLiteral("%1 (%2)\n%3\nSamples: %4")
                           .arg(QString::fromStdString(finding.check), fromView(quality::toString(finding.severity)),
                                QString::fromStdString(finding.message),
                                ids.isEmpty() ? QStringLiteral("none named") : ids.join(QStringLiteral(", "))));
}

QString QualityScreen::detailsText() const
{
    return m_details->text();
}

QString QualityScreen::statusText() const
{
    return m_status->text();
}

} // namespace concord::gui
