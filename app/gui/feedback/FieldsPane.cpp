#include "app/gui/feedback/FieldsPane.hpp"

#include <QCheckBox>
#include <QLabel>
#include <QResizeEvent>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

namespace concord::gui {

namespace fields_pane {

// Below this width the compared fields are stacked: columns under 320 pixels are too narrow to
// read a response in.
constexpr int kStackBelow = 640;

QString escaped(const std::string& text)
{
    return QString::fromStdString(text).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

// A chat as HTML: one bubble per message, its role above it; system messages folded to a line.
QString chatHtml(const nlohmann::json& chat)
{
    QString html;
    if (!chat.is_array()) {
        return html;
    }
    for (const auto& message : chat) {
        if (!message.is_object()) {
            continue;
        }
        const std::string role = message.value("role", "");
        const std::string content = message.contains("content") && message["content"].is_string()
                                        ? message["content"].get<std::string>()
                                        : std::string();
        if (role == "system") {
            QString first = QString::fromStdString(content).section(QLatin1Char('\n'), 0, 0);
            if (first.size() > 90) {
                first = first.left(90) + QStringLiteral("\u2026");
            }
            html +=
                QStringLiteral("<p style=\"color:#6b6b6b\"><i>system (folded): %1</i></p>").arg(first.toHtmlEscaped());
            continue;
        }
        const bool user = role == "user";
        html += QStringLiteral("<table width=\"100%\" cellpadding=\"8\" style=\"margin-bottom:6px\"><tr><td "
                               "style=\"background-color:%1\"><b>%2</b><br>%3</td></tr></table>")
                    .arg(user ? QStringLiteral("#eef3fb") : QStringLiteral("#f3f3f1"),
                         QString::fromStdString(role).toHtmlEscaped(), escaped(content));
    }
    return html;
}

// A field shown above the compared ones (a prompt, a conversation): as tall as its text, up to
// two fifths of the pane.
class FittedBrowser : public QTextBrowser
{
public:
    FittedBrowser(QWidget* parent, const QWidget* pane) : QTextBrowser(parent), m_pane(pane) {}

    void fit()
    {
        document()->setTextWidth(viewport()->width());
        const int fitted = static_cast<int>(document()->size().height()) + 2 * frameWidth() + 2;
        const int cap = std::max(120, m_pane->height() * 2 / 5);
        setFixedHeight(std::min(std::max(fitted, 32), cap)); // the width does not change: no loop
    }

protected:
    void resizeEvent(QResizeEvent* event) override
    {
        QTextBrowser::resizeEvent(event);
        fit();
    }

private:
    const QWidget* m_pane;
};

// A field's title: bold, and grey for the fields above the compared ones. A font and a palette,
// not a style sheet, which would cost a style pass per record.
QLabel* titleLabel(const QString& text, QWidget* parent, bool grey)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    if (grey) {
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText, QColor(0x55, 0x55, 0x55));
        label->setPalette(palette);
    }
    return label;
}

// What decides the pane's widgets: the fields, their kinds and which are compared (in whatever
// order). A record of the same shape as the last one reuses them.
std::vector<std::string> shapeOf(const RecordSchema& schema, const std::vector<std::string>& compared,
                                 const std::vector<std::string>& inBoxes)
{
    std::vector<std::string> shape = compared;
    std::sort(shape.begin(), shape.end());
    shape.emplace_back(); // between the compared fields and those shown in boxes
    shape.insert(shape.end(), inBoxes.begin(), inBoxes.end());
    shape.emplace_back(); // and the schema's
    for (const Field& field : schema.fields) {
        shape.push_back(field.name + "\n" + std::string(toString(field.kind)));
    }
    return shape;
}

} // namespace fields_pane

const Field* fieldShownInBox(const RecordSchema& schema, const Question& question)
{
    const Field* field = question.kind == QuestionKind::Spans ? schema.findField(question.field) : nullptr;
    return field && field->kind == FieldKind::Text ? field : nullptr;
}

FieldsPane::FieldsPane(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_above = new QVBoxLayout;
    layout->addLayout(m_above);
    m_together = new QCheckBox(QStringLiteral("Scroll together"), this);
    m_together->setObjectName(QStringLiteral("scrollTogether"));
    m_together->setFocusPolicy(Qt::NoFocus);
    m_together->setChecked(true);
    layout->addWidget(m_together);
    m_columns = new QSplitter(Qt::Horizontal, this);
    m_columns->setObjectName(QStringLiteral("comparedFields"));
    m_columns->setChildrenCollapsible(false);
    layout->addWidget(m_columns, 1);
    layout->addStretch(0); // takes the height the compared fields would, when there are none
    m_layout = layout;
    connect(m_together, &QCheckBox::toggled, this, [this] { linkScrolling(); });
}

void FieldsPane::clear()
{
    for (auto& [name, browser] : m_shown) {
        delete browser->parentWidget(); // its title and frame with it
    }
    m_shown.clear();
    m_compared.clear();
    m_titles.clear();
    m_shape.clear();
    m_grows = false;
}

QTextBrowser* FieldsPane::addBrowser(QTextBrowser* browser, const Field& field, const nlohmann::json& value)
{
    browser->setOpenLinks(false); // a link in a response is read, not followed
    browser->setFocusPolicy(Qt::NoFocus);
    browser->setFrameShape(QFrame::StyledPanel);
    fill(browser, field, value);
    m_shown.emplace_back(field.name, browser);
    return browser;
}

void FieldsPane::fill(QTextBrowser* browser, const Field& field, const nlohmann::json& value)
{
    if (field.kind == FieldKind::Chat) {
        browser->setHtml(fields_pane::chatHtml(value));
    } else {
        const QString text = value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
        if (field.kind == FieldKind::Markdown) {
            // Parsed into a document without a layout, then handed over: laid out once, not
            // again after every block the parser adds. The browser deletes only the document it
            // made itself; the ones made here are deleted when the next replaces them.
            auto* document = new QTextDocument(browser);
            document->setDefaultFont(browser->font());
            document->setMarkdown(text);
            QTextDocument* old = browser->document();
            const bool ours = old->parent() == browser;
            browser->setDocument(document);
            if (ours) {
                delete old;
            }
        } else {
            browser->setPlainText(text);
        }
    }
}

void FieldsPane::showRecord(const RecordSchema& schema, const RecordContent& record,
                            const std::vector<std::string>& compared, const std::vector<std::string>& inBoxes)
{
    const auto valueOf = [&](const std::string& name) {
        const auto found = record.fields.find(name);
        return found == record.fields.end() ? nlohmann::json() : *found;
    };
    std::vector<std::string> shape = fields_pane::shapeOf(schema, compared, inBoxes);
    if (!m_shown.empty() && shape == m_shape) {
        // The same widgets, new texts: building them again cost more than the texts.
        for (auto& [name, browser] : m_shown) {
            // A column shows the field drawn for its place on this record.
            const auto column = std::find(m_compared.begin(), m_compared.end(), browser);
            if (column != m_compared.end()) {
                name = compared[static_cast<std::size_t>(column - m_compared.begin())];
            }
            fill(browser, *schema.findField(name), valueOf(name));
            browser->verticalScrollBar()->setValue(0);
            if (auto* fitted = dynamic_cast<fields_pane::FittedBrowser*>(browser)) {
                fitted->fit();
            }
        }
        return;
    }
    clear();
    m_shape = std::move(shape);
    const auto listed = [](const std::vector<std::string>& names, const std::string& name) {
        return std::find(names.begin(), names.end(), name) != names.end();
    };
    // Without compared fields the last field (the response to judge, the conversation) takes the
    // height left, unless a box shows it; the ones before it only what they need.
    const Field* filling = nullptr;
    if (compared.empty() && !schema.fields.empty() && !listed(inBoxes, schema.fields.back().name)) {
        filling = &schema.fields.back();
    }
    for (const Field& field : schema.fields) {
        if (listed(compared, field.name) || listed(inBoxes, field.name)) {
            continue;
        }
        auto* box = new QWidget(this);
        auto* boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(0, 0, 0, 0);
        auto* title =
            fields_pane::titleLabel(QString::fromStdString(field.title.empty() ? field.name : field.title), box, true);
        boxLayout->addWidget(title);
        // A prompt is short: no more height than it needs.
        const bool fills = &field == filling;
        QTextBrowser* browser = addBrowser(fills ? new QTextBrowser(box) : new fields_pane::FittedBrowser(box, this),
                                           field, valueOf(field.name));
        boxLayout->addWidget(browser, fills ? 1 : 0);
        m_above->addWidget(box, fills ? 1 : 0);
    }
    for (std::size_t i = 0; i < compared.size(); ++i) {
        const Field* field = schema.findField(compared[i]);
        if (!field) {
            continue;
        }
        auto* column = new QWidget(m_columns);
        auto* columnLayout = new QVBoxLayout(column);
        columnLayout->setContentsMargins(0, 0, 0, 0);
        const QString title = QStringLiteral("Response %1").arg(i + 1);
        auto* label = fields_pane::titleLabel(title, column, false);
        columnLayout->addWidget(label);
        QTextBrowser* browser = addBrowser(new QTextBrowser(column), *field, valueOf(field->name));
        browser->setObjectName(QStringLiteral("response%1").arg(i + 1));
        columnLayout->addWidget(browser, 1);
        m_columns->addWidget(column);
        m_compared.push_back(browser);
        m_titles << title;
    }
    m_grows = filling || !m_compared.empty();
    m_together->setVisible(m_compared.size() > 1);
    m_columns->setVisible(!m_compared.empty());
    m_layout->setStretch(0, filling ? 1 : 0);
    m_layout->setStretch(m_layout->count() - 1, m_compared.empty() && !filling ? 1 : 0);
    linkScrolling();
}

void FieldsPane::linkScrolling()
{
    for (QTextBrowser* browser : m_compared) {
        disconnect(browser->verticalScrollBar(), &QScrollBar::valueChanged, this, nullptr);
    }
    if (!m_together->isChecked()) {
        return;
    }
    for (QTextBrowser* source : m_compared) {
        connect(source->verticalScrollBar(), &QScrollBar::valueChanged, this, [this, source](int value) {
            // The same share of each response, so that responses of different lengths keep step.
            const QScrollBar* from = source->verticalScrollBar();
            const double share = from->maximum() > 0 ? static_cast<double>(value) / from->maximum() : 0.0;
            for (QTextBrowser* other : m_compared) {
                if (other != source) {
                    QScrollBar* to = other->verticalScrollBar();
                    const QSignalBlocker block(to);
                    to->setValue(static_cast<int>(share * to->maximum()));
                }
            }
        });
    }
}

QString FieldsPane::shownText(const std::string& field) const
{
    for (const auto& [name, browser] : m_shown) {
        if (name == field) {
            return browser->toPlainText();
        }
    }
    return {};
}

QStringList FieldsPane::columnTitles() const
{
    return m_titles;
}

bool FieldsPane::scrollsTogether() const
{
    return m_together->isChecked();
}

void FieldsPane::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_columns->setOrientation(event->size().width() < fields_pane::kStackBelow ? Qt::Vertical : Qt::Horizontal);
}

} // namespace concord::gui
