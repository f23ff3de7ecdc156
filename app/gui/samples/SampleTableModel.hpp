// The samples table's model: every sample of the project as a row (id, text, status, label,
// disagreement, model confidence) over a store::SampleOverview held in memory, sortable by
// every column but the text, and narrowed by a filter's keys. Texts are read a page at a time
// when rows are shown, so a million rows cost one overview and a few pages.
#pragma once

#include "core/model/LabelSchema.hpp"
#include "core/store/SampleOverview.hpp"

#include <QAbstractTableModel>
#include <QString>

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace concord {
class Project;
}

namespace concord::gui {

class SampleTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        TextColumn,
        StatusColumn,
        LabelColumn,
        DisagreementColumn,
        ConfidenceColumn,
        ColumnCount
    };
    static constexpr int KeyRole = Qt::UserRole + 1;  // qint64: the sample's store key
    static constexpr int SortRole = Qt::UserRole + 2; // the value sorting compares

    // `project` must outlive the model (texts are read from it as rows are shown).
    explicit SampleTableModel(Project& project, QObject* parent = nullptr);

    // Shows `overview` (computed on a worker), keeping the filter and the sort order.
    void setOverview(store::SampleOverview overview);
    // Only these keys (ascending, as SignalEngine::select gives them); nullopt: every sample.
    void setFilter(std::optional<std::vector<std::int64_t>> keys);
    std::size_t totalCount() const { return m_overview.rows.size(); }
    const std::optional<std::string>& model() const { return m_overview.model; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    // A page of texts could not be read.
    void failed(const QString& message);

private:
    void rebuildOrder();
    QString textOf(std::int64_t key, int row) const;

    Project& m_project;
    LabelSchema m_schema;
    store::SampleOverview m_overview;
    std::vector<std::uint32_t> m_order; // rows shown, as indexes into m_overview.rows
    std::optional<std::vector<std::int64_t>> m_filter;
    int m_sortColumn = IdColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    mutable std::unordered_map<std::int64_t, QString> m_texts; // previews read so far
};

} // namespace concord::gui
