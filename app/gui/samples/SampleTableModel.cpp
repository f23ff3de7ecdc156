// See SampleTableModel.hpp.
#include "app/gui/samples/SampleTableModel.hpp"

#include "app/gui/widgets/ValueSummary.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <QMetaObject>

#include <algorithm>

namespace concord::gui {

namespace {

constexpr int pageSize = 200;
constexpr std::size_t textsKept = 20'000; // previews held before the cache starts afresh
constexpr int previewLength = 200;

QString statusOf(const store::SampleOverviewRow& row)
{
    if (row.gold) {
        return QStringLiteral("gold");
    }
    if (row.annotators == 0) {
        return QStringLiteral("unlabeled");
    }
    return row.annotators == 1 ? QStringLiteral("1 annotator") : QStringLiteral("%1 annotators").arg(row.annotators);
}

// What sorting compares for a column: a number, so that one comparison serves them all (the
// id column sorts by the ids themselves).
double sortValue(const store::SampleOverviewRow& row, int column)
{
    switch (column) {
    case SampleTableModel::StatusColumn:
        return row.gold ? 1e9 : row.annotators;
    case SampleTableModel::LabelColumn:
        return row.value;
    case SampleTableModel::DisagreementColumn:
        return row.disagreement();
    case SampleTableModel::ConfidenceColumn:
        return row.confidence;
    default:
        return static_cast<double>(row.key);
    }
}

} // namespace

SampleTableModel::SampleTableModel(Project& project, QObject* parent)
    : QAbstractTableModel(parent), m_project(project), m_schema(project.schema())
{}

void SampleTableModel::setOverview(store::SampleOverview overview)
{
    beginResetModel();
    m_overview = std::move(overview);
    m_texts.clear();
    rebuildOrder();
    endResetModel();
}

void SampleTableModel::setFilter(std::optional<std::vector<std::int64_t>> keys)
{
    beginResetModel();
    m_filter = std::move(keys);
    rebuildOrder();
    endResetModel();
}

void SampleTableModel::rebuildOrder()
{
    m_order.clear();
    m_order.reserve(m_filter ? m_filter->size() : m_overview.rows.size());
    for (std::uint32_t i = 0; i < m_overview.rows.size(); ++i) {
        if (!m_filter || std::binary_search(m_filter->begin(), m_filter->end(), m_overview.rows[i].key)) {
            m_order.push_back(i);
        }
    }
    // Rows come in key order; any other order is sorted (stable: ties stay in key order).
    if (m_sortColumn == IdColumn) {
        std::stable_sort(m_order.begin(), m_order.end(), [this](std::uint32_t a, std::uint32_t b) {
            return m_overview.rows[a].id < m_overview.rows[b].id;
        });
    } else if (m_sortColumn != TextColumn) {
        std::stable_sort(m_order.begin(), m_order.end(), [this](std::uint32_t a, std::uint32_t b) {
            return sortValue(m_overview.rows[a], m_sortColumn) < sortValue(m_overview.rows[b], m_sortColumn);
        });
    }
    if (m_sortOrder == Qt::DescendingOrder) {
        std::reverse(m_order.begin(), m_order.end());
    }
}

void SampleTableModel::sort(int column, Qt::SortOrder order)
{
    if (column == TextColumn) {
        return; // texts are read lazily: there is nothing to sort them by
    }
    Q_EMIT layoutAboutToBeChanged();
    m_sortColumn = column;
    m_sortOrder = order;
    rebuildOrder();
    Q_EMIT layoutChanged();
}

int SampleTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_order.size());
}

int SampleTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SampleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case IdColumn:
        return QStringLiteral("Id");
    case TextColumn:
        return QStringLiteral("Text");
    case StatusColumn:
        return QStringLiteral("Status");
    case LabelColumn:
        return QStringLiteral("Label (gold, else most given)");
    case DisagreementColumn:
        return QStringLiteral("Disagreement");
    case ConfidenceColumn:
        return m_overview.model ? QStringLiteral("Confidence (%1)").arg(QString::fromStdString(*m_overview.model))
                                : QStringLiteral("Confidence");
    default:
        return {};
    }
}

QVariant SampleTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const store::SampleOverviewRow& row = m_overview.rows[m_order[static_cast<std::size_t>(index.row())]];
    if (role == KeyRole) {
        return QVariant::fromValue<qint64>(row.key);
    }
    if (role == SortRole) {
        return sortValue(row, index.column());
    }
    const bool hasValue = row.value >= 0 && static_cast<std::size_t>(row.value) < m_overview.values.size();
    if (role == Qt::ForegroundRole && index.column() == LabelColumn && hasValue) {
        return summarize(m_schema, m_overview.values[static_cast<std::size_t>(row.value)]).color;
    }
    if (role == Qt::TextAlignmentRole && (index.column() == DisagreementColumn || index.column() == ConfidenceColumn)) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (index.column()) {
    case IdColumn:
        return QString::fromStdString(row.id);
    case TextColumn:
        return textOf(row.key, index.row());
    case StatusColumn:
        return statusOf(row);
    case LabelColumn:
        return hasValue ? summarize(m_schema, m_overview.values[static_cast<std::size_t>(row.value)]).text : QString();
    case DisagreementColumn:
        return row.annotators < 2 ? QString() : QStringLiteral("%1%").arg(qRound(row.disagreement() * 100.0));
    case ConfidenceColumn:
        return row.confidence < 0.0F ? QString() : QString::number(row.confidence, 'f', 2);
    default:
        return {};
    }
}

QString SampleTableModel::textOf(std::int64_t key, int row) const
{
    if (const auto found = m_texts.find(key); found != m_texts.end()) {
        return found->second;
    }
    if (m_texts.size() > textsKept) {
        m_texts.clear();
    }
    // The page of shown rows around it, each read by key (in sorted order they are anywhere).
    const int first = row - row % pageSize;
    const int last = std::min(rowCount(), first + pageSize);
    try {
        for (int r = first; r < last; ++r) {
            const std::int64_t k = m_overview.rows[m_order[static_cast<std::size_t>(r)]].key;
            if (m_texts.count(k) != 0) {
                continue;
            }
            QString text;
            if (auto sample = m_project.samples().findByKey(k)) {
                text = QString::fromUtf8(sample->text.data(),
                                         static_cast<qsizetype>(std::min<std::size_t>(sample->text.size(), 1024)))
                           .simplified()
                           .left(previewLength);
            }
            m_texts.emplace(k, std::move(text));
        }
    } catch (const StoreError& error) {
        m_texts.emplace(key, QString()); // not read again on every paint
        // data() is const and runs inside painting: report it from the event loop.
        const QString message = QStringLiteral("Reading samples failed: %1").arg(QString::fromUtf8(error.what()));
        auto* self = const_cast<SampleTableModel*>(this);
        QMetaObject::invokeMethod(
            self, [self, message] { Q_EMIT self->failed(message); }, Qt::QueuedConnection);
    }
    return m_texts[key];
}

} // namespace concord::gui
