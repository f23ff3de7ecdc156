// An inline message at the top of the window for errors the user must see (a project that
// will not open, a label the core refused), closable, never modal, so that work can go on.
#pragma once

#include <QFrame>

class QLabel;

namespace concord::gui {

class MessageBanner : public QFrame
{
    Q_OBJECT

public:
    explicit MessageBanner(QWidget* parent = nullptr);

    void showError(const QString& message);
    QString text() const;

private:
    QLabel* m_text = nullptr;
};

} // namespace concord::gui
