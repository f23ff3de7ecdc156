// The import wizard's first page: the file to import (JSONL, CSV/TSV or text), a preview of its
// first records, and which fields hold the text, the id and (optionally) existing labels.
// Every other field becomes the sample's metadata, as the core Importer keeps it.
#pragma once

#include "core/io/Importer.hpp"
#include "core/io/RecordReader.hpp"

#include <QWizardPage>

#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace concord::gui {

class ImportSourcePage : public QWizardPage
{
    Q_OBJECT

public:
    static constexpr int previewRows = 20;

    explicit ImportSourcePage(QString annotator, QWidget* parent = nullptr);

    // Reads the first records of `path` into the preview and the field pickers; problems are
    // shown on the page. Returns whether the file can be imported.
    bool loadFile(const QString& path);

    QString filePath() const;
    io::Format format() const { return m_format; }
    char delimiter() const { return m_delimiter; }
    // The Importer's options from the pickers (sourceName, text, id and label fields).
    io::ImportOptions options() const;
    // The distinct values of the label field in the preview, for the schema page to start from.
    QStringList previewLabels() const;

    QLineEdit* pathEdit() const { return m_path; }
    QTableWidget* preview() const { return m_preview; }
    QComboBox* textField() const { return m_textField; }
    QComboBox* idField() const { return m_idField; }
    QComboBox* labelField() const { return m_labelField; }
    QLabel* errorLabel() const { return m_error; }

    bool isComplete() const override;
    bool validatePage() override;

private:
    void browse();
    void fillPickers();
    void showMetadataNote();
    void showError(const QString& message);

    QString m_annotator;
    QLineEdit* m_path = nullptr;
    QLabel* m_summary = nullptr;
    QTableWidget* m_preview = nullptr;
    QComboBox* m_textField = nullptr;
    QComboBox* m_idField = nullptr;
    QComboBox* m_labelField = nullptr;
    QLineEdit* m_labelAnnotator = nullptr;
    QCheckBox* m_skipInvalid = nullptr;
    QLabel* m_metadataNote = nullptr;
    QLabel* m_error = nullptr;
    QString m_loaded; // the file the preview shows
    io::Format m_format = io::Format::Jsonl;
    char m_delimiter = ',';
    QStringList m_fields;
    std::vector<nlohmann::json> m_rows;
};

} // namespace concord::gui
