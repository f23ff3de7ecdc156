// "Flag…" on the annotate screen: F (Shift+F when a label already uses F) asks for a comment in a
// small dialog and stores it as the annotator's flag on the current sample (store::FlagTable),
// for the lead to look at. An empty comment takes the flag down.
#pragma once

#include <QObject>
#include <QString>

#include <optional>

class QShortcut;
class QWidget;

namespace concord::gui {

class AnnotationSession;

class FlagController : public QObject
{
    Q_OBJECT

public:
    // The shortcut works while the focus is inside `screen`.
    explicit FlagController(QWidget* screen);

    void attach(AnnotationSession* session);
    // Asks for the comment on the current sample and stores it; false when cancelled or refused.
    bool flagCurrent();
    // The current sample's flag comment by this annotator, if it has one.
    std::optional<QString> currentComment();
    QShortcut* shortcut() const { return m_shortcut; }

    // For tests: the next flagCurrent() takes this answer (nullopt: cancel) instead of asking.
    static void setNextAnswer(std::optional<QString> comment);

Q_SIGNALS:
    void failed(const QString& message);
    void notice(const QString& message);
    // The current sample's flag went up, changed or came down.
    void flagChanged();

private:
    QWidget* m_screen = nullptr;
    QShortcut* m_shortcut = nullptr;
    AnnotationSession* m_session = nullptr;
};

} // namespace concord::gui
