// "New project…": a QWizard over the samples file (ImportSourcePage), the label schema
// (ImportSchemaPage) and where to save the project (ImportSavePage). Finish creates the project
// and imports the file off the GUI thread (ImportJob) behind a progress dialog with Cancel; a
// cancelled or failed import leaves no file behind and its error stays on the wizard.
#pragma once

#include <QWizard>
#include <QWizardPage>

class QLabel;
class QLineEdit;
class QProgressDialog;

namespace concord::gui {

class ImportJob;
class ImportSchemaPage;
class ImportSourcePage;

class ImportSavePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ImportSavePage(QWidget* parent = nullptr);

    // The project file to create (".concord" added when missing).
    QString projectPath() const;
    void suggestPath(const QString& path);
    void showError(const QString& message);

    QLineEdit* pathEdit() const { return m_path; }
    QLabel* errorLabel() const { return m_error; }
    QLabel* summaryLabel() const { return m_summary; }

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    QLineEdit* m_path = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_error = nullptr;
    bool m_edited = false;
};

class ImportWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        SourcePageId,
        SchemaPageId,
        SavePageId
    };

    // `annotator` is whose labels an imported label field holds, unless changed on the page.
    explicit ImportWizard(const QString& annotator, QWidget* parent = nullptr);
    ~ImportWizard() override;

    ImportSourcePage* sourcePage() const { return m_source; }
    ImportSchemaPage* schemaPage() const { return m_schema; }
    ImportSavePage* savePage() const { return m_save; }
    // The running import (nullptr when none), and its progress dialog.
    ImportJob* job() const { return m_job; }
    QProgressDialog* progressDialog() const { return m_progress; }
    bool isImporting() const { return m_job != nullptr; }

    void initializePage(int id) override;
    // Starts the import; the wizard closes once it has succeeded.
    void accept() override;
    void reject() override;

Q_SIGNALS:
    // The project was created and filled; the caller opens it.
    void projectCreated(const QString& path);

private:
    void importFinished();

    ImportSourcePage* m_source = nullptr;
    ImportSchemaPage* m_schema = nullptr;
    ImportSavePage* m_save = nullptr;
    ImportJob* m_job = nullptr;
    QProgressDialog* m_progress = nullptr;
};

} // namespace concord::gui
