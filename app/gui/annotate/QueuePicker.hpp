// The queue order picker at the top of the samples panel ("Next: unlabeled first", in order,
// assigned to me, most informative first), with a line that shows long work on the queue (the
// model ranking, the server's answer) and a Cancel button for it.
#pragma once

#include "app/gui/annotate/QueueController.hpp"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace concord::gui {

class QueuePicker : public QWidget
{
    Q_OBJECT

public:
    explicit QueuePicker(QWidget* parent = nullptr);

    QComboBox* combo() const { return m_combo; }
    QPushButton* cancelButton() const { return m_cancel; }
    QString statusText() const;

    // Shows `choice` without announcing it as the user's pick.
    void showChoice(QueueChoice choice);
    // "Assigned to me" only on a project joined to a server.
    void setAssignAvailable(bool available);
    void showBusy(const QString& what);
    void showIdle();

Q_SIGNALS:
    void chosen(concord::gui::QueueChoice choice);
    void cancelled();

private:
    QComboBox* m_combo = nullptr;
    QWidget* m_busyRow = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace concord::gui
