// The samples list's view: a QListView whose rows all have one height, so that a changed row
// (a sample just labeled) repaints that row only.
//
// QListView answers every dataChanged() by scheduling a layout of all its rows, in case a row's
// size changed; the next selection change then runs it. With half a million rows loaded (an
// annotator resuming in the middle of a large project) that layout cost some 25 ms on every
// key press. Our rows' size never depends on their data (uniform item sizes, one delegate), so
// the layout is skipped and only the item views' common handling (repaint, editors) runs.
#pragma once

#include <QListView>

namespace concord::gui {

class SampleListView : public QListView
{
    Q_OBJECT

public:
    explicit SampleListView(QWidget* parent = nullptr);

protected:
    void dataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                     const QList<int>& roles = QList<int>()) override;
};

} // namespace concord::gui
