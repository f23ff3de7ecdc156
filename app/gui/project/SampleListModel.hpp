// The project's samples as a Qt list model, fetched lazily in pages by key (never all rows at
// once), each row with its id, a one-line preview and the current annotator's mark. A filter
// (the keys a signal or a search selected) narrows it to those samples, still paged. Going to a
// sample far down the list (a resumed annotator's, half a million rows in) adds the rows before
// it as keys only; their texts and marks are read a page at a time when the view shows them.
#pragma once

#include "core/store/Project.hpp"

#include <QAbstractListModel>
#include <QColor>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace concord::gui {

class SampleListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        KeyRole = Qt::UserRole + 1, // qint64: the sample's store key
        IdRole,                     // QString: the user's sample id
        PreviewRole,                // QString: the text on one line, cut short
        MarkRole,                   // QString: the annotator's value in words; empty when unlabeled
        MarkColorRole               // QColor: the colour of that value's (first) label
    };
    static constexpr int pageSize = 500;
    static constexpr int previewLength = 160;

    // Loads the first page (may throw StoreError). `project` must outlive the model.
    SampleListModel(Project& project, std::string annotator, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    std::int64_t keyAt(int row) const;
    // The row of the sample with `key`, fetching pages until it is loaded; -1 if there is none.
    int rowOfKey(std::int64_t key);
    // Re-reads the annotator's mark for the sample, e.g. after it was labeled.
    void refreshMark(std::int64_t key);
    // After a sync brought others' changes: texts and marks are read again when shown, and
    // samples new since the last row join the list's end.
    void reload();

    // Shows only the samples with these keys (ascending, as SignalEngine::select gives them);
    // nullopt shows every sample again. Resets the model.
    void setFilter(std::optional<std::vector<std::int64_t>> keys);
    bool isFiltered() const { return m_filter.has_value(); }
    const std::optional<std::vector<std::int64_t>>& filter() const { return m_filter; }
    // The number of samples the filter lets through (loaded or not); -1 without a filter.
    std::int64_t filteredCount() const { return m_filter ? static_cast<std::int64_t>(m_filter->size()) : -1; }

Q_SIGNALS:
    // A page could not be read; the list stops growing.
    void failed(const QString& message);

private:
    // What a row shows. Kept per page of rows, read only when a row of the page is shown: a
    // resumed annotator's list holds half a million keys and only a few pages of these.
    struct RowText
    {
        QString id;
        QString preview;
        QString mark;
        QColor markColor;
    };
    using Page = std::vector<RowText>; // rows [n * pageSize, n * pageSize + size()) of page n

    RowText makeText(const Sample& sample) const;
    void readMark(RowText& text, std::int64_t key) const;
    bool fetchPage(int count = pageSize);
    // Appends the rows through `key` as keys only, when it lies more than a page beyond the
    // loaded rows; false when it does not (or on an error).
    bool appendKeysThrough(std::int64_t key);
    // Appends the text of row `row` to its page when the page holds every row before it;
    // otherwise the page is read whole when it is shown.
    void keepText(std::size_t row, RowText text);
    // The text of `row`, reading the rest of its page first if needed.
    const RowText& textAt(int row) const;

    Project& m_project;
    std::string m_annotator;
    std::vector<std::int64_t> m_keys;                   // every row's sample key, in key order
    mutable std::vector<std::unique_ptr<Page>> m_pages; // null: not read yet
    bool m_exhausted = false;
    std::optional<std::vector<std::int64_t>> m_filter;
};

} // namespace concord::gui
