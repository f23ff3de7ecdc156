#include "app/gui/newproject/SchemaForm.hpp"

#include "core/feedback/SchemaEditing.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace concord::gui {

namespace schema_form {

const QStringList kFieldKinds{QStringLiteral("text"), QStringLiteral("markdown"), QStringLiteral("chat")};
const QStringList kQuestionKinds{QStringLiteral("label"),  QStringLiteral("multi_label"), QStringLiteral("spans"),
                                 QStringLiteral("rating"), QStringLiteral("preference"),  QStringLiteral("ranking"),
                                 QStringLiteral("text")};

QString text(const nlohmann::json& object, const char* key)
{
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? QString::fromStdString(found->get<std::string>()) : QString();
}

// Comma-separated names, trimmed, empty ones left out.
QStringList names(const QString& line)
{
    QStringList out;
    for (const QString& part : line.split(QLatin1Char(','))) {
        if (!part.trimmed().isEmpty()) {
            out << part.trimmed();
        }
    }
    return out;
}

QString nameOf(const nlohmann::json& entry)
{
    return entry.is_string() ? QString::fromStdString(entry.get<std::string>()) : text(entry, "name");
}

// The labels named in `line`, each kept as the schema had it (a key, a colour) when it was there.
nlohmann::json labelsFrom(const QString& line, const nlohmann::json& before)
{
    nlohmann::json labels = nlohmann::json::array();
    for (const QString& name : names(line)) {
        nlohmann::json kept = name.toStdString();
        if (before.is_array()) {
            for (const auto& old : before) {
                if (nameOf(old) == name) {
                    kept = old;
                }
            }
        }
        labels.push_back(kept);
    }
    return labels;
}

void setOrErase(nlohmann::json& object, const char* key, bool keep, const nlohmann::json& value)
{
    if (keep) {
        object[key] = value;
    } else {
        object.erase(key);
    }
}

} // namespace schema_form

SchemaForm::SchemaForm(QWidget* parent) : QWidget(parent)
{
    using namespace schema_form;
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    layout->addWidget(new QLabel(QStringLiteral("Fields of each record"), this));
    m_fields = new QTableWidget(0, 3, this);
    m_fields->setObjectName(QStringLiteral("schemaFields"));
    m_fields->setHorizontalHeaderLabels({QStringLiteral("Name"), QStringLiteral("Title"), QStringLiteral("Kind")});
    m_fields->verticalHeader()->hide();
    m_fields->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_fields->setMinimumHeight(120);
    layout->addWidget(m_fields, 1);
    auto* fieldButtons = new QHBoxLayout;
    auto* addField = new QPushButton(QStringLiteral("Add field"), this);
    auto* removeField = new QPushButton(QStringLiteral("Remove field"), this);
    fieldButtons->addWidget(addField);
    fieldButtons->addWidget(removeField);
    fieldButtons->addStretch(1);
    layout->addLayout(fieldButtons);
    connect(addField, &QPushButton::clicked, this, &SchemaForm::addField);
    connect(removeField, &QPushButton::clicked, this, &SchemaForm::removeField);
    connect(m_fields, &QTableWidget::itemChanged, this, [this] { fieldsChanged(); });

    layout->addWidget(new QLabel(QStringLiteral("Questions, in the order annotators answer them"), this));
    auto* questionsRow = new QHBoxLayout;
    m_questions = new QListWidget(this);
    m_questions->setObjectName(QStringLiteral("schemaQuestions"));
    m_questions->setMaximumWidth(160);
    questionsRow->addWidget(m_questions);
    m_details = new QWidget(this);
    m_form = new QFormLayout(m_details);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_name = new QLineEdit(m_details);
    m_title = new QLineEdit(m_details);
    m_kind = new QComboBox(m_details);
    m_kind->addItems(kQuestionKinds);
    m_required = new QCheckBox(QStringLiteral("An answer is required to submit"), m_details);
    m_description = new QLineEdit(m_details);
    m_description->setPlaceholderText(QStringLiteral("The guideline, shown as the title's tooltip and on F1"));
    m_labels = new QLineEdit(m_details);
    m_labels->setObjectName(QStringLiteral("questionLabels"));
    m_labels->setPlaceholderText(QStringLiteral("positive, negative, neutral"));
    m_field = new QComboBox(m_details);
    m_compared = new QLineEdit(m_details);
    m_compared->setPlaceholderText(QStringLiteral("response_a, response_b"));
    m_min = new QSpinBox(m_details);
    m_max = new QSpinBox(m_details);
    for (QSpinBox* bound : {m_min, m_max}) {
        bound->setRange(-1000, 1000);
    }
    m_min->setValue(1);
    m_max->setValue(5);
    auto* range = new QHBoxLayout;
    m_range = range;
    range->addWidget(m_min);
    range->addWidget(new QLabel(QStringLiteral("to"), m_details));
    range->addWidget(m_max);
    range->addStretch(1);
    m_points = new QSpinBox(m_details);
    m_points->setRange(2, 7);
    m_points->setValue(3);
    m_suggestions = new QComboBox(m_details);
    m_suggestions->addItem(QStringLiteral("prefilled (the default)"), QString());
    m_suggestions->addItem(QStringLiteral("shown after answering"), QStringLiteral("after"));
    m_suggestions->addItem(QStringLiteral("hidden"), QStringLiteral("hidden"));
    m_form->addRow(QStringLiteral("Name"), m_name);
    m_form->addRow(QStringLiteral("Title"), m_title);
    m_form->addRow(QStringLiteral("Kind"), m_kind);
    m_form->addRow(QString(), m_required);
    m_form->addRow(QStringLiteral("Guideline"), m_description);
    m_form->addRow(QStringLiteral("Labels"), m_labels);
    m_form->addRow(QStringLiteral("Field"), m_field);
    m_form->addRow(QStringLiteral("Compares"), m_compared);
    m_form->addRow(QStringLiteral("Rating"), range);
    m_form->addRow(QStringLiteral("Scale points"), m_points);
    m_form->addRow(QStringLiteral("Suggestions"), m_suggestions);
    questionsRow->addWidget(m_details, 1);
    layout->addLayout(questionsRow, 2);
    auto* questionButtons = new QHBoxLayout;
    auto* addQuestion = new QPushButton(QStringLiteral("Add question"), this);
    auto* kinds = new QMenu(addQuestion);
    for (const QString& kind : kQuestionKinds) {
        kinds->addAction(kind, this, [this, kind] { this->addQuestion(kind); });
    }
    addQuestion->setMenu(kinds);
    auto* removeQuestion = new QPushButton(QStringLiteral("Remove question"), this);
    questionButtons->addWidget(addQuestion);
    questionButtons->addWidget(removeQuestion);
    questionButtons->addStretch(1);
    layout->addLayout(questionButtons);
    connect(removeQuestion, &QPushButton::clicked, this, &SchemaForm::removeQuestion);
    connect(m_questions, &QListWidget::currentRowChanged, this, &SchemaForm::showQuestion);

    for (QLineEdit* line : {m_name, m_title, m_description, m_labels, m_compared}) {
        connect(line, &QLineEdit::textEdited, this, &SchemaForm::questionChanged);
    }
    for (QComboBox* combo : {m_kind, m_field, m_suggestions}) {
        connect(combo, &QComboBox::currentIndexChanged, this, &SchemaForm::questionChanged);
    }
    for (QSpinBox* spin : {m_min, m_max, m_points}) {
        connect(spin, &QSpinBox::valueChanged, this, &SchemaForm::questionChanged);
    }
    connect(m_required, &QCheckBox::toggled, this, &SchemaForm::questionChanged);
    m_details->setEnabled(false);
}

void SchemaForm::setSchema(const nlohmann::json& schema)
{
    const bool usable = schema.is_object() && schema.contains("fields") && schema["fields"].is_array() &&
                        schema.contains("questions") && schema["questions"].is_array();
    m_schema =
        usable ? schema : nlohmann::json{{"fields", nlohmann::json::array()}, {"questions", nlohmann::json::array()}};
    showFields();
    showQuestions(m_questions->currentRow() < 0 ? 0 : m_questions->currentRow());
}

std::vector<std::string> SchemaForm::fieldList() const
{
    std::vector<std::string> names;
    for (const QString& name : fieldNames()) {
        names.push_back(name.toStdString());
    }
    return names;
}

QStringList SchemaForm::fieldNames() const
{
    QStringList names;
    for (const auto& field : m_schema["fields"]) {
        names << schema_form::text(field, "name");
    }
    return names;
}

void SchemaForm::showFields()
{
    using namespace schema_form;
    const QSignalBlocker block(m_fields);
    const auto& fields = m_schema["fields"];
    m_fields->setRowCount(static_cast<int>(fields.size()));
    for (int row = 0; row < m_fields->rowCount(); ++row) {
        const auto& field = fields[static_cast<std::size_t>(row)];
        m_fields->setItem(row, 0, new QTableWidgetItem(text(field, "name")));
        m_fields->setItem(row, 1, new QTableWidgetItem(text(field, "title")));
        auto* kind = new QComboBox(m_fields);
        kind->addItems(kFieldKinds);
        const QString current = text(field, "kind");
        kind->setCurrentIndex(
            std::max(0, static_cast<int>(kFieldKinds.indexOf(current.isEmpty() ? QStringLiteral("text") : current))));
        connect(kind, &QComboBox::currentIndexChanged, this, [this] { fieldsChanged(); });
        m_fields->setCellWidget(row, 2, kind);
    }
}

void SchemaForm::fieldsChanged()
{
    auto& fields = m_schema["fields"];
    for (int row = 0; row < m_fields->rowCount() && row < static_cast<int>(fields.size()); ++row) {
        auto& field = fields[static_cast<std::size_t>(row)];
        const QTableWidgetItem* name = m_fields->item(row, 0);
        const QTableWidgetItem* title = m_fields->item(row, 1);
        const std::string before = field.value("name", std::string());
        field["name"] = name ? name->text().trimmed().toStdString() : std::string();
        if (!before.empty() && field["name"] != before) {
            renameFieldInQuestions(m_schema["questions"], before, field["name"].get<std::string>());
        }
        schema_form::setOrErase(field, "title", title && !title->text().trimmed().isEmpty(),
                                title ? title->text().trimmed().toStdString() : std::string());
        if (const auto* kind = qobject_cast<QComboBox*>(m_fields->cellWidget(row, 2))) {
            field["kind"] = kind->currentText().toStdString();
        }
    }
    showQuestion(m_questions->currentRow()); // the field choices follow the names
    Q_EMIT edited(m_schema);
}

void SchemaForm::addField()
{
    auto& fields = m_schema["fields"];
    std::string name = "field_" + std::to_string(fields.size() + 1);
    fields.push_back({{"name", name}, {"kind", "text"}});
    showFields();
    m_fields->setCurrentCell(m_fields->rowCount() - 1, 0);
    showQuestion(m_questions->currentRow());
    Q_EMIT edited(m_schema);
}

void SchemaForm::removeField()
{
    const int row = m_fields->currentRow();
    if (row < 0 || row >= static_cast<int>(m_schema["fields"].size())) {
        return;
    }
    m_schema["fields"].erase(static_cast<std::size_t>(row));
    showFields();
    showQuestion(m_questions->currentRow());
    Q_EMIT edited(m_schema); // a question still naming it is the core's to report
}

void SchemaForm::showQuestions(int select)
{
    const QSignalBlocker block(m_questions);
    m_questions->clear();
    for (const auto& question : m_schema["questions"]) {
        m_questions->addItem(
            QStringLiteral("%1  (%2)").arg(schema_form::text(question, "name"), schema_form::text(question, "kind")));
    }
    const int row = std::min(select, m_questions->count() - 1);
    m_questions->setCurrentRow(row);
    showQuestion(row);
}

void SchemaForm::showQuestion(int row)
{
    using namespace schema_form;
    const auto& questions = m_schema["questions"];
    m_details->setEnabled(row >= 0 && row < static_cast<int>(questions.size()));
    if (!m_details->isEnabled()) {
        return;
    }
    m_filling = true;
    const auto& question = questions[static_cast<std::size_t>(row)];
    const QString kind = text(question, "kind");
    m_name->setText(text(question, "name"));
    m_title->setText(text(question, "title"));
    m_kind->setCurrentIndex(std::max(0, static_cast<int>(kQuestionKinds.indexOf(kind))));
    m_required->setChecked(question.value("required", true));
    m_description->setText(text(question, "description"));
    QStringList labels;
    for (const auto& label : question.value("labels", nlohmann::json::array())) {
        labels << nameOf(label);
    }
    m_labels->setText(labels.join(QStringLiteral(", ")));
    m_field->clear();
    if (kind == QStringLiteral("text")) {
        m_field->addItem(QStringLiteral("(none: a blank answer)"), QString());
    }
    for (const QString& name : fieldNames()) {
        m_field->addItem(name, name);
    }
    m_field->setCurrentIndex(std::max(0, m_field->findData(text(question, "field"))));
    QStringList compared;
    for (const auto& field : question.value("fields", nlohmann::json::array())) {
        compared << nameOf(field);
    }
    m_compared->setText(compared.join(QStringLiteral(", ")));
    const auto rating = question.value("rating", nlohmann::json::object());
    m_min->setValue(rating.is_object() ? rating.value("min", 1) : 1);
    m_max->setValue(rating.is_object() ? rating.value("max", 5) : 5);
    const auto scale = question.value("scale", nlohmann::json::object());
    m_points->setValue(scale.is_object() ? scale.value("points", 3) : 3);
    m_suggestions->setCurrentIndex(std::max(0, m_suggestions->findData(text(question, "suggestions"))));
    for (QLineEdit* line : {m_name, m_title, m_description, m_labels, m_compared}) {
        line->setCursorPosition(0); // a long guideline shows its beginning, not its end
    }
    const QuestionSettings uses = settingsOf(kind.toStdString());
    m_form->setRowVisible(m_labels, uses.labels);
    m_form->setRowVisible(m_field, uses.field);
    if (auto* label = qobject_cast<QLabel*>(m_form->labelForField(m_field))) {
        label->setText(kind == QStringLiteral("spans") ? QStringLiteral("Marks") : QStringLiteral("Starts from"));
    }
    m_form->setRowVisible(m_compared, uses.fields);
    m_form->setRowVisible(m_range, uses.rating);
    m_form->setRowVisible(m_points, uses.scale);
    m_filling = false;
}

void SchemaForm::questionChanged()
{
    using namespace schema_form;
    const int row = m_questions->currentRow();
    auto& questions = m_schema["questions"];
    if (m_filling || row < 0 || row >= static_cast<int>(questions.size())) {
        return;
    }
    auto& question = questions[static_cast<std::size_t>(row)];
    const QString kind = m_kind->currentText();
    const bool kindChanged = text(question, "kind") != kind;
    question["name"] = m_name->text().trimmed().toStdString();
    setOrErase(question, "title", !m_title->text().trimmed().isEmpty(), m_title->text().trimmed().toStdString());
    question["kind"] = kind.toStdString();
    setOrErase(question, "required", !m_required->isChecked(), false);
    setOrErase(question, "description", !m_description->text().trimmed().isEmpty(),
               m_description->text().trimmed().toStdString());
    const QString suggestions = m_suggestions->currentData().toString();
    setOrErase(question, "suggestions", !suggestions.isEmpty(), suggestions.toStdString());
    m_questions->item(row)->setText(QStringLiteral("%1  (%2)").arg(text(question, "name"), kind));
    const QuestionSettings uses = settingsOf(kind.toStdString());
    if (kindChanged) {
        // The settings on screen were the old kind's: keep what the new kind uses, start the rest.
        const std::pair<const char*, bool> keys[] = {{"labels", uses.labels},
                                                     {"field", uses.field},
                                                     {"fields", uses.fields},
                                                     {"rating", uses.rating},
                                                     {"scale", uses.scale}};
        for (const auto& [key, used] : keys) {
            if (!used) {
                question.erase(key);
            }
        }
        startQuestionKind(question, kind.toStdString(), fieldList());
        showQuestion(row);
        Q_EMIT edited(m_schema);
        return;
    }
    setOrErase(question, "labels", uses.labels,
               labelsFrom(m_labels->text(), question.value("labels", nlohmann::json::array())));
    const QString field = m_field->currentData().toString();
    setOrErase(question, "field", uses.field && !field.isEmpty(), field.toStdString());
    nlohmann::json compared = nlohmann::json::array();
    for (const QString& name : names(m_compared->text())) {
        compared.push_back(name.toStdString());
    }
    setOrErase(question, "fields", uses.fields, compared);
    setOrErase(question, "rating", uses.rating, {{"min", m_min->value()}, {"max", m_max->value()}});
    setOrErase(question, "scale", uses.scale, {{"points", m_points->value()}});
    Q_EMIT edited(m_schema);
}

void SchemaForm::addQuestion(const QString& kind)
{
    auto& questions = m_schema["questions"];
    nlohmann::json question = {{"name", "question_" + std::to_string(questions.size() + 1)},
                               {"kind", kind.toStdString()}};
    startQuestionKind(question, kind.toStdString(), fieldList());
    questions.push_back(question);
    showQuestions(static_cast<int>(questions.size()) - 1);
    Q_EMIT edited(m_schema);
}

void SchemaForm::removeQuestion()
{
    const int row = m_questions->currentRow();
    if (row < 0 || row >= static_cast<int>(m_schema["questions"].size())) {
        return;
    }
    m_schema["questions"].erase(static_cast<std::size_t>(row));
    showQuestions(row);
    Q_EMIT edited(m_schema);
}

} // namespace concord::gui
