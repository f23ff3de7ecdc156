#include "app/gui/importing/FieldImportDialog.hpp"

#include "app/gui/project/OpenProject.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <fstream>

namespace concord::gui {

namespace field_import {

constexpr int kPreviewRecords = 5;
const QString kNone = QStringLiteral("(none)");

// A preview cell: text as it is (its first line), a chat by its number of messages.
QString cellText(const nlohmann::json& value)
{
    if (value.is_string()) {
        return QString::fromStdString(value.get<std::string>()).section(QLatin1Char('\n'), 0, 0).left(120);
    }
    if (value.is_array()) {
        return QStringLiteral("a chat of %1 messages").arg(value.size());
    }
    return value.is_null() ? QString() : QString::fromStdString(value.dump()).left(120);
}

std::optional<io::Format> formatOf(const QString& path)
{
    return io::formatFromPath(QFile::encodeName(path).toStdString());
}

std::string picked(const QComboBox* box)
{
    return box->currentText() == kNone ? std::string() : box->currentText().toStdString();
}

} // namespace field_import

FieldImportDialog::FieldImportDialog(OpenProject& project, QWidget* parent) : QDialog(parent), m_project(project)
{
    setWindowTitle(QStringLiteral("Import records into %1").arg(QFileInfo(project.path()).fileName()));
    auto* layout = new QVBoxLayout(this);
    auto* fileRow = new QHBoxLayout;
    m_fileLabel = new QLabel(QStringLiteral("No file chosen yet."), this);
    auto* choose = new QPushButton(QStringLiteral("&Choose a file\u2026"), this);
    fileRow->addWidget(m_fileLabel, 1);
    fileRow->addWidget(choose);
    layout->addLayout(fileRow);

    const RecordSchema& schema = project.project().recordSchema();
    auto* fields = new QGroupBox(QStringLiteral("The file's key for each field"), this);
    auto* fieldForm = new QFormLayout(fields);
    m_idKey = new QComboBox(fields);
    fieldForm->addRow(QStringLiteral("Record id"), m_idKey);
    for (const Field& field : schema.fields) {
        auto* box = new QComboBox(fields);
        box->setObjectName(QStringLiteral("fieldKey_%1").arg(QString::fromStdString(field.name)));
        fieldForm->addRow(QString::fromStdString(field.title.empty() ? field.name : field.title) +
                              (field.required ? QString() : QStringLiteral(" (optional)")),
                          box);
        m_fieldKeys[field.name] = box;
        connect(box, &QComboBox::currentIndexChanged, this, &FieldImportDialog::showPreview);
    }
    auto* suggestions =
        new QGroupBox(QStringLiteral("Suggestions from the file (a model's or a judge's answer)"), this);
    auto* suggestionForm = new QFormLayout(suggestions);
    for (const Question& question : schema.questions) {
        auto* row = new QHBoxLayout;
        m_suggestionKeys[question.name] = new QComboBox(suggestions);
        m_scoreKeys[question.name] = new QComboBox(suggestions);
        m_agents[question.name] = new QLineEdit(suggestions);
        m_agents[question.name]->setPlaceholderText(QStringLiteral("agent (default: import)"));
        m_agents[question.name]->setMinimumWidth(160);
        row->addWidget(m_suggestionKeys[question.name], 2);
        row->addWidget(new QLabel(QStringLiteral("score"), suggestions));
        row->addWidget(m_scoreKeys[question.name], 1);
        row->addWidget(m_agents[question.name], 1);
        suggestionForm->addRow(QString::fromStdString(question.name), row);
    }
    auto* mapping = new QHBoxLayout;
    mapping->addWidget(fields, 1);
    mapping->addWidget(suggestions, 1);
    layout->addLayout(mapping);

    auto* previewTitle = new QLabel(QStringLiteral("The first records as they will be imported"), this);
    layout->addWidget(previewTitle);
    m_preview = new QTableWidget(0, static_cast<int>(schema.fields.size()), this);
    m_preview->setObjectName(QStringLiteral("importPreview"));
    QStringList headers;
    for (const Field& field : schema.fields) {
        headers << QString::fromStdString(field.name);
    }
    m_preview->setHorizontalHeaderLabels(headers);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    layout->addWidget(m_preview, 1);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("importMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    layout->addWidget(m_message);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = buttons->addButton(QStringLiteral("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_import, &QPushButton::clicked, this, &FieldImportDialog::startImport);
    connect(choose, &QPushButton::clicked, this, &FieldImportDialog::chooseFile);

    m_task.onDone([this](FieldImportReport&& report) {
        m_import->setEnabled(true);
        if (!report.committed) {
            const QString first = report.problems.empty()
                                      ? QStringLiteral("no record was imported")
                                      : QStringLiteral("line %1: %2")
                                            .arg(report.problems.front().line)
                                            .arg(QString::fromStdString(report.problems.front().message));
            m_message->setText(QStringLiteral("Nothing was imported (%L1 problems; the project is as it was). %2")
                                   .arg(report.problemCount)
                                   .arg(first));
            return;
        }
        const QString summary = QStringLiteral("Imported %L1 records (%L2 new, %L3 updated) with %L4 suggestions.")
                                    .arg(report.records)
                                    .arg(report.added)
                                    .arg(report.updated)
                                    .arg(report.suggestions);
        m_message->setText(summary);
        // Closed first: whoever hears imported() may reopen the project this dialog refers to.
        const QString path = m_project.path();
        accept();
        Q_EMIT imported(path, summary);
    });
    m_task.onFailed([this](const QString& error) {
        m_import->setEnabled(true);
        m_message->setText(QStringLiteral("Nothing was imported: %1").arg(error));
    });
    resize(980, 640);
}

void FieldImportDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, QStringLiteral("Records to import"), QString(),
                                                      QStringLiteral("Records (*.jsonl *.ndjson *.json *.csv *.tsv)"));
    if (!path.isEmpty()) {
        loadFile(path);
    }
}

bool FieldImportDialog::loadFile(const QString& path)
{
    m_sample.clear();
    m_keys.clear();
    const auto format = field_import::formatOf(path);
    std::ifstream input(QFile::encodeName(path).toStdString(), std::ios::binary);
    if (!format || *format == io::Format::Text || !input) {
        m_message->setText(!input ? QStringLiteral("Cannot read %1.").arg(path)
                                  : QStringLiteral("%1 is not JSONL or CSV (by its name).").arg(path));
        m_import->setEnabled(false);
        return false;
    }
    {
        auto reader = io::makeReader(*format, input, path.endsWith(QStringLiteral(".tsv")) ? '\t' : ',');
        while (static_cast<int>(m_sample.size()) < field_import::kPreviewRecords) {
            auto next = reader->next();
            if (!next) {
                break;
            }
            if (const auto* problem = std::get_if<io::ReadProblem>(&*next)) {
                m_message->setText(
                    QStringLiteral("Line %1: %2").arg(problem->line).arg(QString::fromStdString(problem->message)));
                m_import->setEnabled(false);
                return false;
            }
            const auto& record = std::get<io::SourceRecord>(*next);
            for (const auto& [key, value] : record.fields.items()) {
                if (std::find(m_keys.begin(), m_keys.end(), key) == m_keys.end()) {
                    m_keys.push_back(key);
                }
            }
            m_sample.push_back(record.fields);
        }
    }
    m_file = path;
    m_fileLabel->setText(path);
    fillKeys();
    m_message->setText(m_sample.empty() ? QStringLiteral("The file holds no record.") : QString());
    m_import->setEnabled(!m_sample.empty());
    return !m_sample.empty();
}

void FieldImportDialog::fillKeys()
{
    QStringList keys{field_import::kNone};
    for (const std::string& key : m_keys) {
        keys << QString::fromStdString(key);
    }
    // A field takes the key of its own name; the id, "id"; suggestions none until picked.
    const auto fill = [&](QComboBox* box, const std::string& preferred) {
        const QSignalBlocker block(box);
        box->clear();
        box->addItems(keys);
        const int found = box->findText(QString::fromStdString(preferred));
        box->setCurrentIndex(found > 0 ? found : 0);
    };
    fill(m_idKey, "id");
    for (auto& [name, box] : m_fieldKeys) {
        fill(box, name);
    }
    for (auto& [name, box] : m_suggestionKeys) {
        fill(box, {});
    }
    for (auto& [name, box] : m_scoreKeys) {
        fill(box, {});
    }
    showPreview();
}

void FieldImportDialog::showPreview()
{
    const RecordSchema& schema = m_project.project().recordSchema();
    m_preview->setRowCount(static_cast<int>(m_sample.size()));
    for (int row = 0; row < m_preview->rowCount(); ++row) {
        const nlohmann::json& record = m_sample[static_cast<std::size_t>(row)];
        for (int column = 0; column < static_cast<int>(schema.fields.size()); ++column) {
            const std::string key = field_import::picked(m_fieldKeys.at(schema.fields[column].name));
            const auto found = key.empty() ? record.end() : record.find(key);
            m_preview->setItem(
                row, column, new QTableWidgetItem(found == record.end() ? QString() : field_import::cellText(*found)));
        }
    }
}

FieldImportOptions FieldImportDialog::options() const
{
    FieldImportOptions options;
    options.sourceName = QFileInfo(m_file).fileName().toStdString();
    if (const std::string id = field_import::picked(m_idKey); !id.empty()) {
        options.idField = id;
    }
    for (const auto& [field, box] : m_fieldKeys) {
        if (const std::string key = field_import::picked(box); !key.empty()) {
            options.fieldKeys[field] = key;
        }
    }
    for (const auto& [question, box] : m_suggestionKeys) {
        const std::string key = field_import::picked(box);
        if (key.empty()) {
            continue;
        }
        options.suggestion[question] = key;
        if (const std::string score = field_import::picked(m_scoreKeys.at(question)); !score.empty()) {
            options.scoreKeys[question] = score;
        }
        if (const QString agent = m_agents.at(question)->text().trimmed(); !agent.isEmpty()) {
            options.agents[question] = agent.toStdString();
        }
    }
    return options;
}

void FieldImportDialog::startImport()
{
    if (m_file.isEmpty()) {
        return;
    }
    m_import->setEnabled(false);
    m_message->setText(QStringLiteral("Importing\u2026"));
    m_task.run(&m_project, [path = m_project.pathBytes(), file = QFile::encodeName(m_file).toStdString(),
                            format = *field_import::formatOf(m_file), tab = m_file.endsWith(QStringLiteral(".tsv")),
                            options = options()](const Progress& progress) {
        auto project = Project::open(path);
        std::ifstream input(file, std::ios::binary);
        if (!input) {
            throw InputError("cannot read " + file);
        }
        auto reader = io::makeReader(format, input, tab ? '\t' : ',');
        return FieldImporter(*project, options).run(*reader, progress);
    });
}

QString FieldImportDialog::messageText() const
{
    return m_message->text();
}

} // namespace concord::gui
