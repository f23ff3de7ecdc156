// The flag shortcut and comment dialog; see FlagController.hpp.
#include "app/gui/annotate/FlagController.hpp"

#include "app/gui/project/AnnotationSession.hpp"
#include "core/store/FlagTable.hpp"
#include "core/util/Error.hpp"

#include <QInputDialog>
#include <QShortcut>
#include <QWidget>

namespace concord::gui {

namespace {

std::optional<std::optional<QString>> presetAnswer;

} // namespace

FlagController::FlagController(QWidget* screen) : QObject(screen), m_screen(screen)
{
    m_shortcut = new QShortcut(QKeySequence(Qt::Key_F), screen);
    m_shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(m_shortcut, &QShortcut::activated, this, [this] { flagCurrent(); });
}

void FlagController::setNextAnswer(std::optional<QString> comment)
{
    presetAnswer = std::move(comment);
}

void FlagController::attach(AnnotationSession* session)
{
    m_session = session;
    m_shortcut->setEnabled(session != nullptr);
    if (!session) {
        return;
    }
    // A label's own key wins: flagging moves to Shift+F when a label of any question uses F.
    bool taken = false;
    for (const auto& question : session->project().recordSchema().questions) {
        for (const auto& label : question.labels.labels) {
            taken = taken || QString::fromStdString(label.key).compare(QStringLiteral("f"), Qt::CaseInsensitive) == 0;
        }
    }
    m_shortcut->setKey(taken ? QKeySequence(Qt::SHIFT | Qt::Key_F) : QKeySequence(Qt::Key_F));
}

std::optional<QString> FlagController::currentComment()
{
    if (!m_session || !m_session->current()) {
        return std::nullopt;
    }
    try {
        store::FlagTable flags(m_session->project().database());
        if (auto flag = flags.get(m_session->current()->key, m_session->annotator())) {
            return QString::fromStdString(flag->comment);
        }
    } catch (const StoreError& error) {
        Q_EMIT failed(QStringLiteral("Reading the flag failed: %1").arg(QString::fromUtf8(error.what())));
    }
    return std::nullopt;
}

bool FlagController::flagCurrent()
{
    if (!m_session || !m_session->current()) {
        return false;
    }
    const Sample sample = *m_session->current();
    const QString id = QString::fromStdString(sample.id);
    std::optional<QString> comment;
    if (presetAnswer) {
        comment = *presetAnswer;
        presetAnswer.reset();
    } else {
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(
            m_screen, QStringLiteral("Flag %1").arg(id),
            QStringLiteral("What is wrong with sample %1? The lead sees this comment.\n(Leave it empty to take the "
                           "flag down.)")
                .arg(id),
            currentComment().value_or(QString()), &ok);
        if (ok) {
            comment = text;
        }
    }
    if (!comment) {
        return false;
    }
    try {
        store::FlagTable flags(m_session->project().database());
        const QString trimmed = comment->trimmed();
        if (trimmed.isEmpty()) {
            if (flags.remove(sample.key, m_session->annotator())) {
                Q_EMIT notice(QStringLiteral("The flag on %1 is down.").arg(id));
                Q_EMIT flagChanged();
            }
            return true;
        }
        flags.put(sample.key, m_session->annotator(), trimmed.toStdString(), m_session->project().now());
        Q_EMIT notice(QStringLiteral("Flagged %1: %2").arg(id, trimmed));
        Q_EMIT flagChanged();
        return true;
    } catch (const StoreError& error) {
        Q_EMIT failed(QStringLiteral("Sample %1 was not flagged: %2").arg(id, QString::fromUtf8(error.what())));
    }
    return false;
}

} // namespace concord::gui
