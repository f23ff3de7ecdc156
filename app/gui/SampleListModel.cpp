// Keyset paging over SampleTable::pageAfter; marks from AnnotationTable::get, read per page.
#include "app/gui/SampleListModel.hpp"

#include "app/gui/ValueSummary.hpp"
#include "core/store/SampleKeys.hpp"
#include "core/util/Error.hpp"

#include <QMetaObject>

#include <algorithm>

namespace concord::gui {

namespace {

QString previewOf(const std::string& text)
{
    // Only the start of the text is needed; never convert a whole long document.
    QString preview = QString::fromUtf8(text.data(), static_cast<qsizetype>(std::min<std::size_t>(text.size(), 1024)));
    preview = preview.simplified();
    if (preview.size() > SampleListModel::previewLength) {
        preview.truncate(SampleListModel::previewLength);
        preview += QChar(0x2026);
    }
    return preview;
}

} // namespace

SampleListModel::SampleListModel(Project& project, std::string annotator, QObject* parent)
    : QAbstractListModel(parent), m_project(project), m_annotator(std::move(annotator))
{
    auto first = m_project.samples().pageAfter(0, pageSize);
    m_exhausted = first.size() < static_cast<std::size_t>(pageSize);
    m_rows.reserve(first.size());
    for (const auto& sample : first) {
        m_rows.push_back(makeRow(sample));
    }
}

SampleListModel::Row SampleListModel::makeRow(const Sample& sample) const
{
    Row row;
    row.key = sample.key;
    row.id = QString::fromStdString(sample.id);
    row.preview = previewOf(sample.text);
    readMark(row);
    return row;
}

void SampleListModel::readMark(Row& row) const
{
    if (auto annotation = m_project.annotations().get(row.key, m_annotator)) {
        const ValueSummary summary = summarize(m_project.schema(), annotation->value);
        row.mark = summary.text;
        row.markColor = summary.color;
    } else {
        row.mark.clear();
        row.markColor = QColor();
    }
}

int SampleListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant SampleListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount()) {
        return {};
    }
    if (role != KeyRole) {
        ensureLoaded(index.row());
    }
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return row.mark.isEmpty() ? row.id : QStringLiteral("%1 (%2)").arg(row.id, row.mark);
    case Qt::ToolTipRole:
        return row.preview;
    case KeyRole:
        return QVariant::fromValue<qint64>(row.key);
    case IdRole:
        return row.id;
    case PreviewRole:
        return row.preview;
    case MarkRole:
        return row.mark;
    case MarkColorRole:
        return row.markColor;
    default:
        return {};
    }
}

bool SampleListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_exhausted;
}

void SampleListModel::fetchMore(const QModelIndex& parent)
{
    if (!parent.isValid()) {
        fetchPage();
    }
}

bool SampleListModel::fetchPage(int count)
{
    if (m_exhausted) {
        return false;
    }
    std::vector<Row> rows;
    try {
        if (m_filter) {
            // The next page of the filter's keys, each read by key.
            const std::size_t first = m_rows.size();
            const std::size_t last = std::min(m_filter->size(), first + static_cast<std::size_t>(count));
            m_exhausted = last == m_filter->size();
            rows.reserve(last - first);
            for (std::size_t i = first; i < last; ++i) {
                if (auto sample = m_project.samples().findByKey((*m_filter)[i])) {
                    rows.push_back(makeRow(*sample));
                }
            }
        } else {
            const auto page = m_project.samples().pageAfter(m_rows.empty() ? 0 : m_rows.back().key, count);
            m_exhausted = page.size() < static_cast<std::size_t>(count);
            rows.reserve(page.size());
            for (const auto& sample : page) {
                rows.push_back(makeRow(sample));
            }
        }
    } catch (const StoreError& error) {
        // Called from the view's event handling, where an exception must not escape.
        m_exhausted = true;
        Q_EMIT failed(QStringLiteral("Reading more samples failed: %1").arg(QString::fromUtf8(error.what())));
        return false;
    }
    if (rows.empty()) {
        return false;
    }
    const int first = rowCount();
    beginInsertRows(QModelIndex(), first, first + static_cast<int>(rows.size()) - 1);
    std::move(rows.begin(), rows.end(), std::back_inserter(m_rows));
    endInsertRows();
    return true;
}

std::int64_t SampleListModel::keyAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].key : 0;
}

int SampleListModel::rowOfKey(std::int64_t key)
{
    if (m_filter && !std::binary_search(m_filter->begin(), m_filter->end(), key)) {
        return -1; // filtered out: fetching every page would not find it
    }
    if (appendKeysThrough(key)) {
        // Up to the end of the key's page, as paging would have: the rows right after it are
        // the next ones shown.
        const int rest = (pageSize - static_cast<int>(m_rows.size() % pageSize)) % pageSize;
        if (rest > 0) {
            fetchPage(rest);
        }
    }
    while (m_rows.empty() || m_rows.back().key < key) {
        if (!fetchPage()) {
            return -1;
        }
    }
    // Rows are in key order, as the pages come.
    const auto found =
        std::lower_bound(m_rows.begin(), m_rows.end(), key, [](const Row& row, std::int64_t k) { return row.key < k; });
    return found != m_rows.end() && found->key == key ? static_cast<int>(found - m_rows.begin()) : -1;
}

void SampleListModel::setFilter(std::optional<std::vector<std::int64_t>> keys)
{
    beginResetModel();
    m_filter = std::move(keys);
    m_rows.clear();
    m_exhausted = false;
    endResetModel();
    fetchPage();
}

void SampleListModel::refreshMark(std::int64_t key)
{
    const int row = rowOfKey(key);
    if (row < 0 || !m_rows[static_cast<std::size_t>(row)].loaded) {
        return; // a row with its key only reads its mark when it is shown
    }
    try {
        readMark(m_rows[static_cast<std::size_t>(row)]);
    } catch (const StoreError& error) {
        Q_EMIT failed(QStringLiteral("Reading a sample's label failed: %1").arg(QString::fromUtf8(error.what())));
        return;
    }
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed, {Qt::DisplayRole, MarkRole, MarkColorRole});
}

bool SampleListModel::appendKeysThrough(std::int64_t key)
{
    if (m_exhausted || (!m_rows.empty() && m_rows.back().key >= key)) {
        return false;
    }
    const std::int64_t after = m_rows.empty() ? 0 : m_rows.back().key;
    std::vector<std::int64_t> keys;
    try {
        if (m_filter) {
            const auto from = m_filter->begin() + static_cast<std::ptrdiff_t>(m_rows.size());
            const auto through = std::upper_bound(from, m_filter->end(), key);
            if (through - from <= pageSize) {
                return false;
            }
            keys.assign(from, through);
        } else {
            keys = store::sampleKeysThrough(m_project.database(), after, key);
            if (keys.size() <= static_cast<std::size_t>(pageSize)) {
                return false; // near: paging is as quick
            }
        }
    } catch (const StoreError& error) {
        Q_EMIT failed(QStringLiteral("Reading more samples failed: %1").arg(QString::fromUtf8(error.what())));
        return false;
    }
    const int first = rowCount();
    beginInsertRows(QModelIndex(), first, first + static_cast<int>(keys.size()) - 1);
    m_rows.reserve(m_rows.size() + keys.size());
    for (std::int64_t k : keys) {
        Row row;
        row.key = k;
        row.loaded = false;
        m_rows.push_back(std::move(row));
    }
    endInsertRows();
    if (m_filter && m_rows.size() == m_filter->size()) {
        m_exhausted = true;
    }
    return true;
}

void SampleListModel::ensureLoaded(int row) const
{
    if (m_rows[static_cast<std::size_t>(row)].loaded) {
        return;
    }
    // The page of rows around it that are keys only: one query for them all (by key range
    // without a filter, by key with one).
    const std::size_t begin = static_cast<std::size_t>(row / pageSize) * pageSize;
    const std::size_t end = std::min(m_rows.size(), begin + pageSize);
    std::size_t first = static_cast<std::size_t>(row);
    while (first > begin && !m_rows[first - 1].loaded) {
        --first;
    }
    std::size_t last = static_cast<std::size_t>(row) + 1;
    while (last < end && !m_rows[last].loaded) {
        ++last;
    }
    try {
        std::vector<Sample> samples;
        if (m_filter) {
            for (std::size_t i = first; i < last; ++i) {
                if (auto sample = m_project.samples().findByKey(m_rows[i].key)) {
                    samples.push_back(std::move(*sample));
                }
            }
        } else {
            samples = m_project.samples().pageAfter(m_rows[first].key - 1, static_cast<int>(last - first));
        }
        // Both in key order; a sample deleted since leaves its row with only its key.
        auto next = samples.begin();
        for (std::size_t i = first; i < last; ++i) {
            while (next != samples.end() && next->key < m_rows[i].key) {
                ++next;
            }
            if (next != samples.end() && next->key == m_rows[i].key) {
                m_rows[i] = makeRow(*next);
            }
            m_rows[i].loaded = true;
        }
    } catch (const StoreError& error) {
        for (std::size_t i = first; i < last; ++i) {
            m_rows[i].loaded = true; // shown with its key only, not read again on every paint
        }
        // data() is const and runs inside painting: report it from the event loop.
        const QString message = QStringLiteral("Reading samples failed: %1").arg(QString::fromUtf8(error.what()));
        auto* self = const_cast<SampleListModel*>(this);
        QMetaObject::invokeMethod(self, [self, message] { Q_EMIT self->failed(message); }, Qt::QueuedConnection);
    }
}

} // namespace concord::gui
