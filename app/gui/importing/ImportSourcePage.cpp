// The file and field-mapping page of the import wizard; see ImportSourcePage.hpp.
#include "app/gui/importing/ImportSourcePage.hpp"

#include "core/io/CsvReader.hpp"
#include "core/util/Error.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <fstream>

namespace concord::gui {

namespace {

const QString generatedId = QStringLiteral("(number the lines)");
const QString noLabels = QStringLiteral("(none)");

QString cellText(const nlohmann::json& value)
{
    QString text =
        value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString::fromStdString(value.dump());
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.size() > 200 ? text.left(200) + QStringLiteral("\u2026") : text;
}

} // namespace

ImportSourcePage::ImportSourcePage(QString annotator, QWidget* parent)
    : QWizardPage(parent), m_annotator(std::move(annotator))
{
    setTitle(QStringLiteral("Samples"));
    setSubTitle(QStringLiteral("Pick a JSONL, CSV, TSV or text file (one sample per line), then say which fields "
                               "hold what."));
    auto* layout = new QVBoxLayout(this);

    auto* fileRow = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("importFile"));
    m_path->setPlaceholderText(QStringLiteral("/path/to/samples.jsonl"));
    auto* browse = new QPushButton(QStringLiteral("&Browse\u2026"), this);
    auto* fileLabel = new QLabel(QStringLiteral("&File:"), this);
    fileLabel->setBuddy(m_path);
    fileRow->addWidget(fileLabel);
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);
    layout->addLayout(fileRow);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_preview = new QTableWidget(this);
    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setSelectionMode(QAbstractItemView::NoSelection);
    m_preview->verticalHeader()->setDefaultSectionSize(24);
    m_preview->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_preview, 1);

    auto* form = new QFormLayout;
    m_textField = new QComboBox(this);
    m_idField = new QComboBox(this);
    m_labelField = new QComboBox(this);
    m_labelAnnotator = new QLineEdit(m_annotator, this);
    m_skipInvalid = new QCheckBox(QStringLiteral("S&kip records with problems (import the good ones)"), this);
    form->addRow(QStringLiteral("&Text field:"), m_textField);
    form->addRow(QStringLiteral("&Id field:"), m_idField);
    form->addRow(QStringLiteral("Existing &labels:"), m_labelField);
    form->addRow(QStringLiteral("Labels &by:"), m_labelAnnotator);
    form->addRow(QString(), m_skipInvalid);
    layout->addLayout(form);
    m_metadataNote = new QLabel(this);
    m_metadataNote->setWordWrap(true);
    layout->addWidget(m_metadataNote);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("wizardError"));
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    layout->addWidget(m_error);

    connect(browse, &QPushButton::clicked, this, &ImportSourcePage::browse);
    connect(m_path, &QLineEdit::editingFinished, this, [this] {
        if (m_path->text().trimmed() != m_loaded) {
            loadFile(m_path->text().trimmed());
        }
    });
    connect(m_path, &QLineEdit::textChanged, this, &ImportSourcePage::completeChanged);
    for (QComboBox* box : {m_textField, m_idField, m_labelField}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            showMetadataNote();
            m_labelAnnotator->setEnabled(m_labelField->currentIndex() > 0);
            Q_EMIT completeChanged();
        });
    }
    m_labelAnnotator->setEnabled(false);
}

void ImportSourcePage::browse()
{
    const QString path = QFileDialog::getOpenFileName(
        this, QStringLiteral("Samples to import"), QFileInfo(m_path->text()).absolutePath(),
        QStringLiteral("Samples (*.jsonl *.ndjson *.json *.csv *.tsv *.txt);;All files (*)"));
    if (!path.isEmpty()) {
        m_path->setText(path);
        loadFile(path);
    }
}

QString ImportSourcePage::filePath() const
{
    return m_loaded;
}

void ImportSourcePage::showError(const QString& message)
{
    m_error->setText(message);
}

bool ImportSourcePage::loadFile(const QString& path)
{
    m_loaded.clear();
    m_fields.clear();
    m_rows.clear();
    m_preview->clear();
    m_preview->setRowCount(0);
    m_preview->setColumnCount(0);
    m_summary->clear();
    showError(QString());
    if (m_path->text().trimmed() != path) {
        m_path->setText(path);
    }
    const auto done = [this](bool ok) {
        fillPickers();
        Q_EMIT completeChanged();
        return ok;
    };
    if (path.isEmpty()) {
        return done(false);
    }
    const QFileInfo info(path);
    const auto format = io::formatFromPath(QFile::encodeName(path).toStdString());
    if (!info.isFile()) {
        showError(QStringLiteral("There is no file %1.").arg(path));
        return done(false);
    }
    if (!format) {
        showError(QStringLiteral("Concord imports .jsonl, .csv, .tsv and .txt files; %1 is none of those.")
                      .arg(info.fileName()));
        return done(false);
    }
    m_format = *format;
    m_delimiter = info.suffix().compare(QStringLiteral("tsv"), Qt::CaseInsensitive) == 0 ? '\t' : ',';

    std::size_t problems = 0;
    QString firstProblem;
    try {
        std::ifstream input(QFile::encodeName(path).toStdString(), std::ios::binary);
        if (!input) {
            showError(QStringLiteral("Cannot read %1.").arg(path));
            return done(false);
        }
        auto reader = io::makeReader(m_format, input, m_delimiter);
        while (m_rows.size() < static_cast<std::size_t>(previewRows)) {
            auto result = reader->next();
            if (!result) {
                break;
            }
            if (auto* problem = std::get_if<io::ReadProblem>(&*result)) {
                if (problems++ == 0) {
                    firstProblem =
                        QStringLiteral("line %1: %2").arg(problem->line).arg(QString::fromStdString(problem->message));
                }
                continue;
            }
            auto& record = std::get<io::SourceRecord>(*result);
            for (const auto& [name, value] : record.fields.items()) {
                if (!m_fields.contains(QString::fromStdString(name))) {
                    m_fields.append(QString::fromStdString(name));
                }
            }
            m_rows.push_back(std::move(record.fields));
        }
        if (auto* csv = dynamic_cast<io::CsvReader*>(reader.get()); csv && !csv->header().empty()) {
            m_fields.clear(); // the file's own column order
            for (const auto& name : csv->header()) {
                m_fields.append(QString::fromStdString(name));
            }
        }
    } catch (const std::exception& error) {
        showError(QStringLiteral("Cannot read %1: %2").arg(path, QString::fromUtf8(error.what())));
        return done(false);
    }
    if (m_rows.empty()) {
        showError(firstProblem.isEmpty()
                      ? QStringLiteral("%1 holds no records.").arg(info.fileName())
                      : QStringLiteral("No record of %1 could be read (%2).").arg(info.fileName(), firstProblem));
        return done(false);
    }
    if (problems > 0) {
        showError(QStringLiteral("Some of the first records have problems (%1); tick \u201cSkip records with "
                                 "problems\u201d to import the others.")
                      .arg(firstProblem));
    }

    m_preview->setColumnCount(static_cast<int>(m_fields.size()));
    m_preview->setHorizontalHeaderLabels(m_fields);
    m_preview->setRowCount(static_cast<int>(m_rows.size()));
    for (int row = 0; row < static_cast<int>(m_rows.size()); ++row) {
        const auto& fields = m_rows[static_cast<std::size_t>(row)];
        for (int column = 0; column < m_fields.size(); ++column) {
            const auto it = fields.find(m_fields[column].toStdString());
            if (it != fields.end()) {
                m_preview->setItem(row, column, new QTableWidgetItem(cellText(*it)));
            }
        }
    }
    m_preview->resizeColumnsToContents();
    for (int column = 0; column < m_preview->columnCount(); ++column) {
        m_preview->setColumnWidth(column, std::min(m_preview->columnWidth(column), 420));
    }
    const char* formatName = m_format == io::Format::Jsonl ? "JSON Lines"
                             : m_format == io::Format::Csv ? (m_delimiter == '\t' ? "TSV" : "CSV")
                                                           : "plain text";
    m_summary->setText(QStringLiteral("%1, %L2 bytes. The first %3 records:")
                           .arg(QString::fromLatin1(formatName))
                           .arg(info.size())
                           .arg(m_rows.size()));
    m_loaded = path;
    return done(true);
}

void ImportSourcePage::fillPickers()
{
    const auto pick = [](QComboBox* box, const QStringList& items, const QStringList& preferred) {
        const QSignalBlocker blocker(box);
        box->clear();
        box->addItems(items);
        for (const QString& name : preferred) {
            if (const int index = box->findText(name); index >= 0) {
                box->setCurrentIndex(index);
                return;
            }
        }
    };
    // The text field: "text" when there is one, else the first field holding strings.
    QStringList textPreferred{QStringLiteral("text")};
    for (const QString& name : m_fields) {
        if (!m_rows.empty() && m_rows.front().contains(name.toStdString()) &&
            m_rows.front()[name.toStdString()].is_string()) {
            textPreferred.append(name);
        }
    }
    pick(m_textField, m_fields, textPreferred);
    pick(m_idField, QStringList{generatedId} + m_fields, {QStringLiteral("id")});
    pick(m_labelField, QStringList{noLabels} + m_fields, {QStringLiteral("label"), QStringLiteral("labels")});
    m_labelAnnotator->setEnabled(m_labelField->currentIndex() > 0);
    showMetadataNote();
}

void ImportSourcePage::showMetadataNote()
{
    QStringList rest = m_fields;
    rest.removeAll(m_textField->currentText());
    if (m_idField->currentIndex() > 0) {
        rest.removeAll(m_idField->currentText());
    }
    if (m_labelField->currentIndex() > 0) {
        rest.removeAll(m_labelField->currentText());
    }
    m_metadataNote->setText(
        rest.isEmpty() ? QString()
                       : QStringLiteral("Kept with each sample as metadata: %1.").arg(rest.join(QStringLiteral(", "))));
}

io::ImportOptions ImportSourcePage::options() const
{
    io::ImportOptions options;
    options.sourceName = QFileInfo(m_loaded).fileName().toStdString();
    options.textField = m_textField->currentText().toStdString();
    if (m_idField->currentIndex() > 0) {
        options.idField = m_idField->currentText().toStdString();
    } else {
        options.idField.reset();
    }
    if (m_labelField->currentIndex() > 0) {
        options.labelField = m_labelField->currentText().toStdString();
        options.annotator = m_labelAnnotator->text().trimmed().toStdString();
    }
    options.skipInvalid = m_skipInvalid->isChecked();
    return options;
}

QStringList ImportSourcePage::previewLabels() const
{
    QStringList labels;
    if (m_labelField->currentIndex() <= 0) {
        return labels;
    }
    const std::string field = m_labelField->currentText().toStdString();
    for (const auto& row : m_rows) {
        const auto it = row.find(field);
        if (it == row.end()) {
            continue;
        }
        // A name, or a list of names (multi-label).
        const auto add = [&labels](const nlohmann::json& value) {
            if (value.is_string() && !value.get<std::string>().empty() &&
                !labels.contains(QString::fromStdString(value.get<std::string>()))) {
                labels.append(QString::fromStdString(value.get<std::string>()));
            }
        };
        if (it->is_array()) {
            for (const auto& value : *it) {
                add(value);
            }
        } else {
            add(*it);
        }
    }
    return labels;
}

bool ImportSourcePage::isComplete() const
{
    return !m_loaded.isEmpty() && m_path->text().trimmed() == m_loaded && m_textField->currentIndex() >= 0;
}

bool ImportSourcePage::validatePage()
{
    if (m_labelField->currentIndex() > 0 && m_labelAnnotator->text().trimmed().isEmpty()) {
        showError(QStringLiteral("Say whose labels the field \u201c%1\u201d holds.").arg(m_labelField->currentText()));
        return false;
    }
    if (m_labelField->currentIndex() > 0 && m_labelField->currentText() == m_textField->currentText()) {
        showError(QStringLiteral("The labels cannot come from the text field."));
        return false;
    }
    return true;
}

} // namespace concord::gui
