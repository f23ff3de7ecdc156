// Keyset paging over SampleTable::pageAfter; marks from AnnotationTable::get, read per page.
#include "app/gui/project/SampleListModel.hpp"

#include "app/gui/widgets/ValueSummary.hpp"
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
    const auto first = m_project.samples().pageAfter(0, pageSize);
    m_exhausted = first.size() < static_cast<std::size_t>(pageSize);
    for (const auto& sample : first) {
        m_keys.push_back(sample.key);
        keepText(m_keys.size() - 1, makeText(sample));
    }
}

SampleListModel::RowText SampleListModel::makeText(const Sample& sample) const
{
    RowText text;
    text.id = QString::fromStdString(sample.id);
    text.preview = previewOf(sample.text);
    readMark(text, sample.key);
    return text;
}

void SampleListModel::readMark(RowText& text, std::int64_t key) const
{
    if (auto annotation = m_project.annotations().get(key, m_annotator)) {
        const ValueSummary summary = summarize(m_project.schema(), annotation->value);
        text.mark = summary.text;
        text.markColor = summary.color;
    } else {
        text.mark.clear();
        text.markColor = QColor();
    }
}

void SampleListModel::keepText(std::size_t row, RowText text)
{
    const std::size_t page = row / pageSize;
    if (m_pages.size() <= page) {
        m_pages.resize(page + 1);
    }
    if (!m_pages[page]) {
        if (row % pageSize != 0) {
            return; // rows before it in the page are keys only: textAt() reads the page whole
        }
        m_pages[page] = std::make_unique<Page>();
        m_pages[page]->reserve(pageSize);
    }
    if (m_pages[page]->size() == row % pageSize) {
        m_pages[page]->push_back(std::move(text));
    }
}

int SampleListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_keys.size());
}

QVariant SampleListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount()) {
        return {};
    }
    if (role == KeyRole) {
        return QVariant::fromValue<qint64>(m_keys[static_cast<std::size_t>(index.row())]);
    }
    const RowText& row = textAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return row.mark.isEmpty() ? row.id : QStringLiteral("%1 (%2)").arg(row.id, row.mark);
    case Qt::ToolTipRole:
        return row.preview;
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
    std::vector<Sample> samples;
    try {
        if (m_filter) {
            // The next page of the filter's keys, each read by key.
            const std::size_t first = m_keys.size();
            const std::size_t last = std::min(m_filter->size(), first + static_cast<std::size_t>(count));
            m_exhausted = last == m_filter->size();
            samples.reserve(last - first);
            for (std::size_t i = first; i < last; ++i) {
                if (auto sample = m_project.samples().findByKey((*m_filter)[i])) {
                    samples.push_back(std::move(*sample));
                }
            }
        } else {
            samples = m_project.samples().pageAfter(m_keys.empty() ? 0 : m_keys.back(), count);
            m_exhausted = samples.size() < static_cast<std::size_t>(count);
        }
    } catch (const StoreError& error) {
        // Called from the view's event handling, where an exception must not escape.
        m_exhausted = true;
        Q_EMIT failed(QStringLiteral("Reading more samples failed: %1").arg(QString::fromUtf8(error.what())));
        return false;
    }
    if (samples.empty()) {
        return false;
    }
    const int first = rowCount();
    beginInsertRows(QModelIndex(), first, first + static_cast<int>(samples.size()) - 1);
    for (const auto& sample : samples) {
        m_keys.push_back(sample.key);
        keepText(m_keys.size() - 1, makeText(sample));
    }
    endInsertRows();
    return true;
}

std::int64_t SampleListModel::keyAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_keys[static_cast<std::size_t>(row)] : 0;
}

int SampleListModel::rowOfKey(std::int64_t key)
{
    if (m_filter && !std::binary_search(m_filter->begin(), m_filter->end(), key)) {
        return -1; // filtered out: fetching every page would not find it
    }
    if (appendKeysThrough(key)) {
        // Up to the end of the key's page, as paging would have: the rows right after it are
        // the next ones shown.
        const int rest = (pageSize - static_cast<int>(m_keys.size() % pageSize)) % pageSize;
        if (rest > 0) {
            fetchPage(rest);
        }
    }
    while (m_keys.empty() || m_keys.back() < key) {
        if (!fetchPage()) {
            return -1;
        }
    }
    // Rows are in key order, as the pages come.
    const auto found = std::lower_bound(m_keys.begin(), m_keys.end(), key);
    return found != m_keys.end() && *found == key ? static_cast<int>(found - m_keys.begin()) : -1;
}

void SampleListModel::setFilter(std::optional<std::vector<std::int64_t>> keys)
{
    beginResetModel();
    m_filter = std::move(keys);
    m_keys.clear();
    m_pages.clear();
    m_exhausted = false;
    endResetModel();
    fetchPage();
}

void SampleListModel::refreshMark(std::int64_t key)
{
    const int row = rowOfKey(key);
    if (row < 0) {
        return;
    }
    const std::size_t page = static_cast<std::size_t>(row) / pageSize;
    if (page >= m_pages.size() || !m_pages[page] || m_pages[page]->size() <= static_cast<std::size_t>(row) % pageSize) {
        return; // not read yet: its mark is read with its page, when it is shown
    }
    try {
        readMark((*m_pages[page])[static_cast<std::size_t>(row) % pageSize], key);
    } catch (const StoreError& error) {
        Q_EMIT failed(QStringLiteral("Reading a sample's label failed: %1").arg(QString::fromUtf8(error.what())));
        return;
    }
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed, {Qt::DisplayRole, MarkRole, MarkColorRole});
}

void SampleListModel::reload()
{
    m_pages.clear();
    if (!m_keys.empty()) {
        Q_EMIT dataChanged(index(0), index(rowCount() - 1),
                           {Qt::DisplayRole, IdRole, PreviewRole, MarkRole, MarkColorRole});
    }
    // A filter's keys were chosen before the sync; without one, new samples follow the last row.
    if (!m_filter && m_exhausted) {
        m_exhausted = false;
        fetchPage();
    }
}

bool SampleListModel::appendKeysThrough(std::int64_t key)
{
    if (m_exhausted || (!m_keys.empty() && m_keys.back() >= key)) {
        return false;
    }
    const std::int64_t after = m_keys.empty() ? 0 : m_keys.back();
    std::vector<std::int64_t> keys;
    try {
        if (m_filter) {
            const auto from = m_filter->begin() + static_cast<std::ptrdiff_t>(m_keys.size());
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
    m_keys.insert(m_keys.end(), keys.begin(), keys.end());
    endInsertRows();
    if (m_filter && m_keys.size() == m_filter->size()) {
        m_exhausted = true;
    }
    return true;
}

const SampleListModel::RowText& SampleListModel::textAt(int row) const
{
    const std::size_t at = static_cast<std::size_t>(row);
    const std::size_t pageIndex = at / pageSize;
    if (m_pages.size() <= pageIndex) {
        m_pages.resize(pageIndex + 1);
    }
    auto& page = m_pages[pageIndex];
    if (page && page->size() > at % pageSize) {
        return (*page)[at % pageSize];
    }
    if (!page) {
        page = std::make_unique<Page>();
    }
    // The rest of the page, in one query (by key range without a filter, by key with one).
    const std::size_t first = pageIndex * pageSize + page->size();
    const std::size_t last = std::min(m_keys.size(), (pageIndex + 1) * pageSize);
    try {
        std::vector<Sample> samples;
        if (m_filter) {
            for (std::size_t i = first; i < last; ++i) {
                if (auto sample = m_project.samples().findByKey(m_keys[i])) {
                    samples.push_back(std::move(*sample));
                }
            }
        } else {
            samples = m_project.samples().pageAfter(m_keys[first] - 1, static_cast<int>(last - first));
        }
        // Both in key order; a sample deleted since shows an empty row.
        auto next = samples.begin();
        for (std::size_t i = first; i < last; ++i) {
            while (next != samples.end() && next->key < m_keys[i]) {
                ++next;
            }
            page->push_back(next != samples.end() && next->key == m_keys[i] ? makeText(*next) : RowText{});
        }
    } catch (const StoreError& error) {
        // Shown empty, not read again on every paint.
        page->resize(last - pageIndex * pageSize);
        // data() is const and runs inside painting: report it from the event loop.
        const QString message = QStringLiteral("Reading samples failed: %1").arg(QString::fromUtf8(error.what()));
        auto* self = const_cast<SampleListModel*>(this);
        QMetaObject::invokeMethod(
            self, [self, message] { Q_EMIT self->failed(message); }, Qt::QueuedConnection);
    }
    return (*page)[at % pageSize];
}

} // namespace concord::gui
