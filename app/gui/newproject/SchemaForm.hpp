// The fields and questions of a new project as a form, beside the schema's JSON: a table of
// fields (name, title, kind), the list of questions, and the selected question's settings for
// its kind (labels; the field it marks or starts from; the fields it compares; the rating's
// range; the preference's scale; required; the guideline; suggestions). The form edits the
// schema's JSON and keeps what it does not show (a label's key or colour, a setting it has no
// widget for); the core checks the result, as it checks the JSON typed by hand.
#pragma once

#include <QWidget>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLayout;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTableWidget;

namespace concord::gui {

class SchemaForm : public QWidget
{
    Q_OBJECT

public:
    explicit SchemaForm(QWidget* parent = nullptr);

    // Shows `schema` (a JSON object with "fields" and "questions"); anything else clears the form.
    void setSchema(const nlohmann::json& schema);
    const nlohmann::json& schema() const { return m_schema; }

    QTableWidget* fieldsTable() const { return m_fields; }
    QListWidget* questionList() const { return m_questions; }
    void addField();
    // Adds a question of `kind` ("label", "rating", ...), selected, with a name of its own.
    void addQuestion(const QString& kind);
    // The selected question's settings.
    QLineEdit* labelsEdit() const { return m_labels; }
    QLineEdit* questionNameEdit() const { return m_name; }
    QComboBox* questionKind() const { return m_kind; }

Q_SIGNALS:
    // The form changed the schema: the JSON it edits now.
    void edited(const nlohmann::json& schema);

private:
    void showFields();
    void showQuestions(int select);
    void showQuestion(int row);
    void fieldsChanged();
    void questionChanged();
    void removeField();
    void removeQuestion();
    QStringList fieldNames() const;
    std::vector<std::string> fieldList() const; // the same, for core's SchemaEditing

    nlohmann::json m_schema = nlohmann::json::object();
    bool m_filling = false; // the widgets are being filled from m_schema: not an edit
    QTableWidget* m_fields = nullptr;
    QListWidget* m_questions = nullptr;
    QWidget* m_details = nullptr;
    QFormLayout* m_form = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_title = nullptr;
    QComboBox* m_kind = nullptr;
    QCheckBox* m_required = nullptr;
    QLineEdit* m_description = nullptr;
    QLineEdit* m_labels = nullptr;
    QComboBox* m_field = nullptr;
    QLineEdit* m_compared = nullptr;
    QSpinBox* m_min = nullptr;
    QSpinBox* m_max = nullptr;
    QLayout* m_range = nullptr; // min "to" max
    QSpinBox* m_points = nullptr;
    QComboBox* m_suggestions = nullptr;
};

} // namespace concord::gui
