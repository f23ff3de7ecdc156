// "New project from a template…": the templates of feedback data (preference, ranking, SFT
// correction, evaluate a response, classify), the chosen one's fields and questions to edit in a
// form (SchemaForm) or as JSON, and beside them a live preview of the annotate screen
// (SchemaPreview). Create
// asks where to save the project and makes it empty; its records come from an import.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTimer;

namespace concord::gui {

class SchemaForm;
class SchemaPreview;

class TemplateDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TemplateDialog(QWidget* parent = nullptr);

    // Creates the project at `path` from the schema as edited; false (and the reason shown) when
    // the schema or the file is refused.
    bool createAt(const QString& path);
    // Reads the edited schema and shows it in the preview now (it also follows typing).
    void updatePreview();

    QListWidget* templates() const { return m_templates; }
    QPlainTextEdit* schemaEditor() const { return m_schema; }
    SchemaForm* schemaForm() const { return m_form; }
    QTabWidget* editorTabs() const { return m_tabs; }
    SchemaPreview* preview() const { return m_preview; }
    QString problemText() const;

Q_SIGNALS:
    void projectCreated(const QString& path);

private:
    void pickTemplate(int row);
    void chooseFileAndCreate();

    QListWidget* m_templates = nullptr;
    QLineEdit* m_name = nullptr;
    QPlainTextEdit* m_schema = nullptr;
    SchemaForm* m_form = nullptr;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_problem = nullptr;
    SchemaPreview* m_preview = nullptr;
    QPushButton* m_create = nullptr;
    QTimer* m_typing = nullptr;
};

} // namespace concord::gui
