// "Import records…" into a project of fields and questions: the file's first records previewed,
// a key of the file picked for each field (the same name by default), and for each question
// the keys holding a suggestion and its score, with the suggesting agent's name. The import is
// the core's FieldImporter, in the background, in one transaction: a problem leaves the project
// as it was and is shown with its line.
#pragma once

#include "app/gui/project/BackgroundTask.hpp"
#include "core/feedback/FieldImport.hpp"

#include <QDialog>

#include <map>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace concord::gui {

class OpenProject;

class FieldImportDialog : public QDialog
{
    Q_OBJECT

public:
    FieldImportDialog(OpenProject& project, QWidget* parent = nullptr);

    // Reads the file's first records for the preview and the key lists; false (and the reason
    // shown) when it cannot be read.
    bool loadFile(const QString& path);
    // The mapping as picked.
    FieldImportOptions options() const;
    // Imports in the background; imported() or the problem follows.
    void startImport();

    QComboBox* idKey() const { return m_idKey; }
    QComboBox* fieldKey(const std::string& field) const { return m_fieldKeys.at(field); }
    QComboBox* suggestionKey(const std::string& question) const { return m_suggestionKeys.at(question); }
    QComboBox* scoreKey(const std::string& question) const { return m_scoreKeys.at(question); }
    QLineEdit* agent(const std::string& question) const { return m_agents.at(question); }
    QTableWidget* previewTable() const { return m_preview; }
    QString messageText() const;
    bool isImporting() const { return m_task.isRunning(); }

Q_SIGNALS:
    // The import committed: the project at `path` holds the new records.
    void imported(const QString& path, const QString& summary);

private:
    void chooseFile();
    void fillKeys();
    void showPreview();

    OpenProject& m_project;
    QString m_file;
    std::vector<nlohmann::json> m_sample; // the file's first records
    std::vector<std::string> m_keys;      // their keys, in order of first appearance
    QLabel* m_fileLabel = nullptr;
    QLabel* m_message = nullptr;
    QTableWidget* m_preview = nullptr;
    QComboBox* m_idKey = nullptr;
    std::map<std::string, QComboBox*> m_fieldKeys;
    std::map<std::string, QComboBox*> m_suggestionKeys;
    std::map<std::string, QComboBox*> m_scoreKeys;
    std::map<std::string, QLineEdit*> m_agents;
    QPushButton* m_import = nullptr;
    BackgroundTask<FieldImportReport> m_task{this};
};

} // namespace concord::gui
