// The import wizard's pages put together, its save page, and running the import; see
// ImportWizard.hpp.
#include "app/gui/importing/ImportWizard.hpp"

#include "app/gui/importing/ImportJob.hpp"
#include "app/gui/importing/ImportSchemaPage.hpp"
#include "app/gui/importing/ImportSourcePage.hpp"
#include "core/util/Error.hpp"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QVBoxLayout>

namespace concord::gui {

namespace {

QLabel* makeErrorLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QStringLiteral("wizardError"));
    label->setStyleSheet(QStringLiteral("color: #b3261e;"));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

ImportSavePage::ImportSavePage(QWidget* parent) : QWizardPage(parent)
{
    setTitle(QStringLiteral("Save"));
    setSubTitle(QStringLiteral("Where the project file goes. Everything about the project lives in this one file."));
    setCommitPage(false);
    setButtonText(QWizard::FinishButton, QStringLiteral("&Create project"));
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("projectPath"));
    auto* label = new QLabel(QStringLiteral("Project &file:"), this);
    label->setBuddy(m_path);
    auto* browse = new QPushButton(QStringLiteral("&Browse\u2026"), this);
    row->addWidget(label);
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    layout->addLayout(row);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);
    m_error = makeErrorLabel(this);
    layout->addWidget(m_error);
    layout->addStretch();

    connect(m_path, &QLineEdit::textEdited, this, [this] { m_edited = true; });
    connect(m_path, &QLineEdit::textChanged, this, [this] {
        m_error->clear();
        Q_EMIT completeChanged();
    });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Save the project as"), projectPath(),
                                                          QStringLiteral("Concord projects (*.concord)"));
        if (!path.isEmpty()) {
            m_edited = true;
            m_path->setText(path);
        }
    });
}

void ImportSavePage::suggestPath(const QString& path)
{
    if (!m_edited) {
        m_path->setText(path);
    }
}

QString ImportSavePage::projectPath() const
{
    QString path = m_path->text().trimmed();
    if (!path.isEmpty() && !path.endsWith(QStringLiteral(".concord"), Qt::CaseInsensitive)) {
        path += QStringLiteral(".concord");
    }
    return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
}

void ImportSavePage::showError(const QString& message)
{
    m_error->setText(message);
}

void ImportSavePage::initializePage()
{
    auto* wizard = qobject_cast<ImportWizard*>(this->wizard());
    if (!wizard) {
        return;
    }
    const QFileInfo source(wizard->sourcePage()->filePath());
    suggestPath(source.absoluteDir().filePath(source.completeBaseName() + QStringLiteral(".concord")));
    const auto options = wizard->sourcePage()->options();
    QString text =
        QStringLiteral("\u201c%1\u201d: the samples of %2 (text from \u201c%3\u201d, ids %4), labeled as %5.")
            .arg(wizard->schemaPage()->projectName(), source.fileName(), QString::fromStdString(options.textField),
                 options.idField ? QStringLiteral("from \u201c%1\u201d").arg(QString::fromStdString(*options.idField))
                                 : QStringLiteral("numbered by line"),
                 wizard->schemaPage()->kindBox()->currentText().section(QLatin1Char(':'), 0, 0).toLower());
    if (options.labelField) {
        text += QStringLiteral(" The labels in \u201c%1\u201d become %2's.")
                    .arg(QString::fromStdString(*options.labelField), QString::fromStdString(options.annotator));
    }
    m_summary->setText(text);
}

bool ImportSavePage::isComplete() const
{
    auto* wizard = qobject_cast<ImportWizard*>(this->wizard());
    return !m_path->text().trimmed().isEmpty() && !(wizard && wizard->isImporting());
}

bool ImportSavePage::validatePage()
{
    const QFileInfo target(projectPath());
    if (target.exists()) {
        showError(QStringLiteral("%1 exists already; choose another name (a project is never overwritten).")
                      .arg(target.filePath()));
        return false;
    }
    if (!target.absoluteDir().exists()) {
        showError(QStringLiteral("The folder %1 does not exist.").arg(target.absolutePath()));
        return false;
    }
    return true;
}

ImportWizard::ImportWizard(const QString& annotator, QWidget* parent) : QWizard(parent)
{
    setWindowTitle(QStringLiteral("New project"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    m_source = new ImportSourcePage(annotator, this);
    m_schema = new ImportSchemaPage(this);
    m_save = new ImportSavePage(this);
    setPage(SourcePageId, m_source);
    setPage(SchemaPageId, m_schema);
    setPage(SavePageId, m_save);
    resize(900, 640);
}

ImportWizard::~ImportWizard() = default; // the job, a child, cancels and waits in its destructor

void ImportWizard::initializePage(int id)
{
    if (id == SchemaPageId) {
        m_schema->suggestLabels(m_source->previewLabels());
        if (m_schema->projectName().isEmpty()) {
            m_schema->setProjectName(QFileInfo(m_source->filePath()).completeBaseName());
        }
    }
    QWizard::initializePage(id);
}

void ImportWizard::accept()
{
    if (m_job || !validateCurrentPage()) {
        return;
    }
    ImportRequest request;
    try {
        request.schema = m_schema->schema();
    } catch (const InputError& error) {
        m_save->showError(QString::fromUtf8(error.what()));
        return;
    }
    request.source = m_source->filePath();
    request.format = m_source->format();
    request.delimiter = m_source->delimiter();
    request.target = m_save->projectPath();
    request.settings.name = m_schema->projectName().toStdString();
    request.options = m_source->options();
    m_save->showError(QString());

    m_job = new ImportJob(std::move(request), this);
    m_progress =
        new QProgressDialog(QStringLiteral("Importing %1\u2026").arg(QFileInfo(m_source->filePath()).fileName()),
                            QStringLiteral("Cancel"), 0, 1000, this);
    m_progress->setWindowTitle(QStringLiteral("New project"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(400);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setValue(0);
    connect(m_progress, &QProgressDialog::canceled, this, [this] {
        if (m_job) {
            m_job->cancel();
            m_progress->setLabelText(QStringLiteral("Cancelling\u2026"));
        }
    });
    connect(m_job, &ImportJob::progressed, this, [this](quint64 read, quint64 total) {
        if (m_progress && total > 0 && !m_progress->wasCanceled()) {
            m_progress->setValue(static_cast<int>(std::min<quint64>(1000, read * 1000 / total)));
        }
    });
    connect(m_job, &ImportJob::finished, this, &ImportWizard::importFinished);
    Q_EMIT m_save->completeChanged(); // Create is disabled while importing
    m_job->start();
}

void ImportWizard::importFinished()
{
    const ImportOutcome outcome = m_job->outcome();
    const QString path = m_save->projectPath();
    m_progress->deleteLater();
    m_job->deleteLater();
    m_progress = nullptr;
    m_job = nullptr;
    Q_EMIT m_save->completeChanged();
    if (outcome.cancelled) {
        m_save->showError(QStringLiteral("The import was cancelled; no project was created."));
        return;
    }
    if (!outcome.ok) {
        m_save->showError(outcome.error);
        return;
    }
    QWizard::accept();
    Q_EMIT projectCreated(path);
}

void ImportWizard::reject()
{
    if (m_job) {
        m_job->cancel(); // the wizard stays until the worker has cleaned up
        return;
    }
    QWizard::reject();
}

} // namespace concord::gui
