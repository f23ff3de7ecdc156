// A record's fields on the annotate screen of a project of fields and questions: the fields a
// question compares side by side in the order this annotator is shown them (stacked when the
// window is narrow), every other field above them. Markdown is rendered (links are not followed
// on a click), a chat shows one bubble per message with its role and the system's messages
// folded. The compared fields are named by their place ("Response 1"), never by their field
// names, which blind mode hides.
#pragma once

#include "core/feedback/RecordContent.hpp"
#include "core/feedback/RecordSchema.hpp"

#include <QWidget>

#include <string>
#include <vector>

class QCheckBox;
class QSplitter;
class QTextBrowser;
class QVBoxLayout;

namespace concord::gui {

// The field `question`'s box shows in place of the pane, if any: the plain text a spans question
// marks. Markdown and chats stay rendered in the pane; the box marks their text as written.
const Field* fieldShownInBox(const RecordSchema& schema, const Question& question);

class FieldsPane : public QWidget
{
    Q_OBJECT

public:
    explicit FieldsPane(QWidget* parent = nullptr);

    // `compared`: the fields shown side by side, in the order shown; the others are shown above,
    // but for `inBoxes`: fields a question's box shows instead (the text a spans question marks).
    void showRecord(const RecordSchema& schema, const RecordContent& record, const std::vector<std::string>& compared,
                    const std::vector<std::string>& inBoxes = {});
    void clear();

    // The plain text shown for a field (what a test reads), empty when it is not shown.
    QString shownText(const std::string& field) const;
    // The compared fields' titles in the order shown.
    QStringList columnTitles() const;
    bool scrollsTogether() const;
    // Whether a field takes the height it is given (responses side by side, the last field); a
    // pane of short fields only needs its size hint.
    bool grows() const { return m_grows; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    // Fills `browser` with the field's value and keeps it as the field's.
    QTextBrowser* addBrowser(QTextBrowser* browser, const Field& field, const nlohmann::json& value);
    // Shows the field's value in `browser`: markdown rendered, a chat as bubbles, text as it is.
    static void fill(QTextBrowser* browser, const Field& field, const nlohmann::json& value);
    void linkScrolling();

    QVBoxLayout* m_layout = nullptr;
    QVBoxLayout* m_above = nullptr;
    QSplitter* m_columns = nullptr;
    QCheckBox* m_together = nullptr;
    std::vector<std::pair<std::string, QTextBrowser*>> m_shown;
    std::vector<QTextBrowser*> m_compared;
    QStringList m_titles;
    std::vector<std::string> m_shape; // fields_pane::shapeOf the record shown
    bool m_grows = false;
};

} // namespace concord::gui
