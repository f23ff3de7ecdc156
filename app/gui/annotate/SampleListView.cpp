// See SampleListView.hpp.
#include "app/gui/annotate/SampleListView.hpp"

#include "app/gui/annotate/SampleListDelegate.hpp"

namespace concord::gui {

SampleListView::SampleListView(QWidget* parent) : QListView(parent)
{
    setUniformItemSizes(true); // lets the view skip measuring every row
    setItemDelegate(new SampleListDelegate(this));
}

void SampleListView::dataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles)
{
    // Not QListView::dataChanged: it would lay out every row again (see the header).
    QAbstractItemView::dataChanged(topLeft, bottomRight, roles); // NOLINT(bugprone-parent-virtual-call)
}

} // namespace concord::gui
