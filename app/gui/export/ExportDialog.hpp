// File ▸ Export…: a training dataset from the open project through the core's exportDataset
// (core/export/DatasetExporter.hpp). The options (format, directory, where the labels come
// from, minimum agreement, a signal, splits or folds, seed, label ids, metadata), then the
// export off the GUI thread with progress and Cancel, then its summary: records per split and
// the leakage check's result.
#pragma once

#include "app/gui/project/BackgroundTask.hpp"
#include "core/export/DatasetExporter.hpp"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTextBrowser;

namespace concord::gui {

class OpenProject;

class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    // Reads the signal names from `project` (on the GUI thread); the export itself opens the
    // file again in the background. The project outlives the dialog (its parent is the window).
    explicit ExportDialog(OpenProject& project, QWidget* parent = nullptr);
    ~ExportDialog() override;

    // The options as entered; throws InputError naming a bad one.
    exporting::DatasetExportOptions options() const;
    // Starts the export (as the Export button does); false, with the reason shown, when the
    // options are refused before anything runs.
    bool startExport();
    bool isRunning() const;
    void cancel();
    void reject() override;
    QString summaryText() const;
    QString errorText() const;

    QComboBox* formatBox() const { return m_format; }
    QLineEdit* directoryEdit() const { return m_directory; }
    QComboBox* sourceBox() const { return m_source; }
    QComboBox* signalBox() const { return m_signal; }
    QCheckBox* minAgreementCheck() const { return m_useMinAgreement; }
    QDoubleSpinBox* minAgreement() const { return m_minAgreement; }
    QRadioButton* foldsRadio() const { return m_useFolds; }
    QSpinBox* foldsBox() const { return m_folds; }
    QSpinBox* trainBox() const { return m_train; }
    QSpinBox* validationBox() const { return m_validation; }
    QSpinBox* testBox() const { return m_test; }
    QSpinBox* seedBox() const { return m_seed; }
    QCheckBox* labelIdsCheck() const { return m_labelIds; }
    QCheckBox* metadataCheck() const { return m_metadata; }
    QCheckBox* replaceCheck() const { return m_replace; }

Q_SIGNALS:
    // The export ended: written, cancelled or failed.
    void finished(bool written);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildForm();
    void browse();
    void showProgress(const TaskProgress& step);
    void done(const exporting::DatasetExportSummary& summary);
    void setRunning(bool running);
    void showSummary(const exporting::DatasetExportSummary& summary);
    void showError(const QString& message);

    OpenProject* m_project;
    QString m_projectPath;
    QComboBox* m_format = nullptr;
    QLineEdit* m_directory = nullptr;
    QComboBox* m_source = nullptr;
    QCheckBox* m_useMinAgreement = nullptr;
    QDoubleSpinBox* m_minAgreement = nullptr;
    QComboBox* m_signal = nullptr;
    QRadioButton* m_useRatios = nullptr;
    QRadioButton* m_useFolds = nullptr;
    QSpinBox* m_train = nullptr;
    QSpinBox* m_validation = nullptr;
    QSpinBox* m_test = nullptr;
    QSpinBox* m_folds = nullptr;
    QSpinBox* m_seed = nullptr;
    QCheckBox* m_labelIds = nullptr;
    QCheckBox* m_metadata = nullptr;
    QCheckBox* m_replace = nullptr;
    QWidget* m_form = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_step = nullptr;
    QLabel* m_error = nullptr;
    QTextBrowser* m_summary = nullptr;
    QPushButton* m_export = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_close = nullptr;
    BackgroundTask<exporting::DatasetExportSummary> m_task{this};
    bool m_cancelling = false; // Cancel was pressed: the exporter stops at its next step
    bool m_written = false;    // the run that ended wrote the dataset
};

} // namespace concord::gui
