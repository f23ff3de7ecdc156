// The centre of the window: the current sample's text in a card, its id and metadata above
// it, the label buttons below. It shows what it is given and emits the value the annotator
// chose; recording is the session's job. For span tasks it keeps the current sample's spans and
// turns a selection plus a label key into a new value (valueEdited), a click or Delete on a
// span into one without it, and Enter into the accepted value (valueChosen).
#pragma once

#include "core/model/LabelSchema.hpp"
#include "core/model/Records.hpp"

#include <QWidget>

#include <nlohmann/json.hpp>

#include <optional>

class QLabel;
class QVBoxLayout;

namespace concord::gui {

class LabelBar;
class SampleTextView;

class AnnotateView : public QWidget
{
    Q_OBJECT

public:
    explicit AnnotateView(QWidget* parent = nullptr);

    // Builds the label buttons for this schema (replacing any earlier ones).
    void setSchema(const LabelSchema& schema);
    // Shows a sample and the annotator's stored value for it, if any.
    void showSample(const Sample& sample, const std::optional<nlohmann::json>& value);
    // Shows a message instead of a sample (no project, no samples) and disables the labels.
    void showPlaceholder(const QString& message);
    // The annotator's flag on the shown sample: a marker beside its id with the comment as its
    // tooltip; nullopt hides it.
    void showFlag(const std::optional<QString>& comment);
    QString flagText() const;

    QString displayedText() const;
    QString displayedId() const { return m_displayedId; }
    SampleTextView* textView() const { return m_text; }

Q_SIGNALS:
    // Record the value and move on.
    void valueChosen(const nlohmann::json& value);
    // Record the value and stay (a span added or removed).
    void valueEdited(const nlohmann::json& value);
    void notice(const QString& message);

private:
    void addSpan(std::size_t labelIndex);
    void removeSpan(std::size_t index);
    void removeSpanAtCaret();
    void showSpans(const std::optional<nlohmann::json>& value);

    QLabel* m_idLabel = nullptr;
    QLabel* m_metaLabel = nullptr;
    QLabel* m_flagLabel = nullptr;
    SampleTextView* m_text = nullptr;
    QLabel* m_hint = nullptr;
    QVBoxLayout* m_barHolder = nullptr;
    LabelBar* m_bar = nullptr;
    QString m_displayedId;
    LabelSchema m_schema;
    nlohmann::json m_spans = nlohmann::json::array(); // the shown sample's spans, as stored
};

} // namespace concord::gui
