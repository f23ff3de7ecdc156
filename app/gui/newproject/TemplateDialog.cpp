#include "app/gui/newproject/TemplateDialog.hpp"

#include "app/gui/newproject/SchemaForm.hpp"
#include "app/gui/newproject/SchemaPreview.hpp"
#include "core/feedback/Templates.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace concord::gui {

namespace template_dialog {

// What each template is for, in a line.
QString describe(const std::string& name)
{
    if (name == "preference") {
        return QStringLiteral("Which of two responses is better (for DPO and reward models)");
    }
    if (name == "ranking") {
        return QStringLiteral("Rank four responses, best first");
    }
    if (name == "sft") {
        return QStringLiteral("Write or correct a response (for supervised fine-tuning)");
    }
    if (name == "evaluate") {
        return QStringLiteral("Judge one response: correct, helpful, what is made up");
    }
    return QStringLiteral("Put a text in one class");
}

} // namespace template_dialog

TemplateDialog::TemplateDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(QStringLiteral("New project from a template"));
    auto* outer = new QVBoxLayout(this);
    auto* splitter = new QSplitter(Qt::Horizontal, this);

    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* templatesTitle = new QLabel(QStringLiteral("&Template"), left);
    m_templates = new QListWidget(left);
    m_templates->setObjectName(QStringLiteral("templateList"));
    templatesTitle->setBuddy(m_templates);
    for (const std::string& name : templateNames()) {
        auto* item = new QListWidgetItem(
            QStringLiteral("%1\n%2").arg(QString::fromStdString(name), template_dialog::describe(name)), m_templates);
        item->setData(Qt::UserRole, QString::fromStdString(name));
    }
    auto* nameTitle = new QLabel(QStringLiteral("Project &name"), left);
    m_name = new QLineEdit(left);
    nameTitle->setBuddy(m_name);
    auto* schemaTitle = new QLabel(QStringLiteral("&Fields and questions (edit freely; the preview follows)"), left);
    m_tabs = new QTabWidget(left);
    m_form = new SchemaForm(m_tabs);
    m_schema = new QPlainTextEdit(m_tabs);
    m_schema->setObjectName(QStringLiteral("schemaEditor"));
    m_schema->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tabs->addTab(m_form, QStringLiteral("Form"));
    m_tabs->addTab(m_schema, QStringLiteral("JSON"));
    schemaTitle->setBuddy(m_tabs);
    m_problem = new QLabel(left);
    m_problem->setObjectName(QStringLiteral("schemaProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    QPalette red = m_problem->palette();
    red.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_problem->setPalette(red);
    for (QWidget* widget :
         {static_cast<QWidget*>(templatesTitle), static_cast<QWidget*>(m_templates), static_cast<QWidget*>(nameTitle),
          static_cast<QWidget*>(m_name), static_cast<QWidget*>(schemaTitle)}) {
        leftLayout->addWidget(widget);
    }
    leftLayout->addWidget(m_tabs, 1);
    leftLayout->addWidget(m_problem);

    auto* right = new QWidget(splitter);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto* previewTitle = new QLabel(QStringLiteral("What annotators will see (an example record)"), right);
    QFont bold = previewTitle->font();
    bold.setWeight(QFont::DemiBold);
    previewTitle->setFont(bold);
    m_preview = new SchemaPreview(right);
    rightLayout->addWidget(previewTitle);
    rightLayout->addWidget(m_preview, 1);
    splitter->addWidget(left);
    splitter->addWidget(right);
    left->setMinimumWidth(460); // the form's question list and settings side by side
    outer->addWidget(splitter, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(QStringLiteral("&Create\u2026"), QDialogButtonBox::AcceptRole);
    outer->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, &TemplateDialog::chooseFileAndCreate);

    // The preview follows typing once it pauses: a project is made per preview.
    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(300);
    connect(m_typing, &QTimer::timeout, this, &TemplateDialog::updatePreview);
    connect(m_schema, &QPlainTextEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_templates, &QListWidget::currentRowChanged, this, &TemplateDialog::pickTemplate);
    // The form and the JSON are two views of one schema: the form writes the JSON as it is
    // edited; JSON typed by hand shows in the form when its tab is picked.
    connect(m_form, &SchemaForm::edited, this, [this](const nlohmann::json& schema) {
        m_schema->setPlainText(QString::fromStdString(schema.dump(2))); // the preview follows once typing pauses
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        const auto json = nlohmann::json::parse(m_schema->toPlainText().toStdString(), nullptr, false);
        if (m_tabs->currentWidget() == m_form && !json.is_discarded()) {
            m_form->setSchema(json);
        }
    });
    m_templates->setCurrentRow(0);
    resize(1200, 760);
}

void TemplateDialog::pickTemplate(int row)
{
    if (row < 0) {
        return;
    }
    const std::string name = m_templates->item(row)->data(Qt::UserRole).toString().toStdString();
    m_schema->setPlainText(QString::fromStdString(templateSchema(name).dump(2)));
    m_form->setSchema(templateSchema(name));
    if (m_name->text().isEmpty() || m_name->isModified() == false) {
        m_name->setText(QString::fromStdString(name));
    }
    m_typing->stop();
    updatePreview();
}

void TemplateDialog::updatePreview()
{
    m_typing->stop();
    const auto json = nlohmann::json::parse(m_schema->toPlainText().toStdString(), nullptr, false);
    if (json.is_discarded()) {
        m_problem->setText(QStringLiteral("The schema is not valid JSON yet."));
        m_create->setEnabled(false);
        return;
    }
    try {
        m_preview->show(RecordSchema::fromJson(json));
        m_problem->clear();
        m_create->setEnabled(true);
    } catch (const InputError& error) {
        m_problem->setText(QString::fromUtf8(error.what()));
        m_create->setEnabled(false);
    } catch (const StoreError& error) {
        m_problem->setText(QStringLiteral("The preview could not be made: %1").arg(QString::fromUtf8(error.what())));
    }
}

bool TemplateDialog::createAt(const QString& path)
{
    try {
        const RecordSchema schema =
            RecordSchema::fromJson(nlohmann::json::parse(m_schema->toPlainText().toStdString()));
        if (QFile::exists(path)) {
            throw InputError(path.toStdString() + " exists already; choose a new file");
        }
        ProjectSettings settings;
        settings.name = m_name->text().trimmed().isEmpty() ? "Untitled" : m_name->text().trimmed().toStdString();
        Project::create(QFile::encodeName(path).toStdString(), settings, schema);
    } catch (const nlohmann::json::exception&) {
        m_problem->setText(QStringLiteral("The schema is not valid JSON."));
        return false;
    } catch (const InputError& error) {
        m_problem->setText(QString::fromUtf8(error.what()));
        return false;
    } catch (const StoreError& error) {
        m_problem->setText(QStringLiteral("Could not create the project: %1").arg(QString::fromUtf8(error.what())));
        return false;
    }
    Q_EMIT projectCreated(path);
    accept();
    return true;
}

void TemplateDialog::chooseFileAndCreate()
{
    const QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Save the new project"),
                                                      m_name->text() + QStringLiteral(".concord"),
                                                      QStringLiteral("Concord projects (*.concord)"));
    if (!path.isEmpty()) {
        createAt(path.endsWith(QStringLiteral(".concord")) ? path : path + QStringLiteral(".concord"));
    }
}

QString TemplateDialog::problemText() const
{
    return m_problem->text();
}

} // namespace concord::gui
