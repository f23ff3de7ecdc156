// The export dialog's form, its worker and its summary; see ExportDialog.hpp.
#include "app/gui/export/ExportDialog.hpp"

#include "app/gui/project/OpenProject.hpp"
#include "core/signals/SignalEngine.hpp"
#include "core/store/Project.hpp"
#include "core/util/Error.hpp"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>
#include <map>
#include <utility>

namespace concord::gui {

namespace {

// Core names a setting by its id; the dialog names it by the label of its field.
QString describeForUser(const SettingError& error)
{
    static const std::map<std::string, QString> labels{{"split", QStringLiteral("Split")},
                                                       {"folds", QStringLiteral("Folds")},
                                                       {"format", QStringLiteral("Format")},
                                                       {"directory", QStringLiteral("Directory")},
                                                       {"expression", QStringLiteral("Signal")}};
    const auto found = labels.find(error.setting());
    const QString message = QString::fromUtf8(error.what());
    return found == labels.end() ? message : QStringLiteral("%1: %2.").arg(found->second, message);
}

// The card's "How it was made": the concord-cli command that makes the same export, so that a
// dataset made in the app can be remade from a terminal.
std::string equivalentCommand(const QString& projectPath, const exporting::DatasetExportOptions& options)
{
    const auto quoted = [](const std::string& text) {
        return text.find_first_of(" '\"$\\") == std::string::npos ? text : "'" + text + "'";
    };
    const auto number = [](double value) { return QString::number(value, 'g', 6).toStdString(); };
    std::string command = "concord-cli export " + quoted(QFile::encodeName(projectPath).toStdString()) + " --format " +
                          options.format + " --out-dir " + quoted(options.directory) + " --source " +
                          std::string(exporting::toString(options.source));
    if (options.minAgreement) {
        command += " --min-agreement " + number(*options.minAgreement);
    }
    if (options.folds != 0) {
        command += " --folds " + std::to_string(options.folds);
    } else {
        command +=
            " --split " + number(options.ratios[0]) + "," + number(options.ratios[1]) + "," + number(options.ratios[2]);
    }
    command += " --seed " + std::to_string(options.seed);
    command += options.labelIds ? " --label-ids" : "";
    command += options.includeMetadata ? " --metadata" : "";
    return command;
}

QString escaped(const std::string& text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

QSpinBox* percentBox(int value, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setRange(0, 100);
    box->setSuffix(QStringLiteral(" %"));
    box->setValue(value);
    return box;
}

} // namespace

ExportDialog::ExportDialog(OpenProject& open, QWidget* parent)
    : QDialog(parent), m_project(&open), m_projectPath(open.path())
{
    Project& project = open.project();
    setWindowTitle(QStringLiteral("Export a dataset"));
    buildForm();
    m_task.onProgress([this](const TaskProgress& step) { showProgress(step); });
    m_task.onDone([this](exporting::DatasetExportSummary&& summary) { done(summary); });
    m_task.onFailed([this](const QString& message) { showError(message.left(1).toUpper() + message.mid(1)); });
    m_task.onSettled([this] {
        setRunning(false);
        if (std::exchange(m_cancelling, false)) {
            m_summary->setHtml(QStringLiteral("<p>The export was cancelled; nothing was written.</p>"));
        }
        Q_EMIT finished(std::exchange(m_written, false));
    });
    m_signal->addItem(QStringLiteral("(every sample)"));
    try {
        for (const Signal& signal : project.signals().list()) {
            m_signal->addItem(QString::fromStdString(signal.name));
        }
    } catch (const StoreError& error) {
        showError(QStringLiteral("Reading the signals failed: %1").arg(QString::fromUtf8(error.what())));
    }
    const QFileInfo info(m_projectPath);
    m_directory->setText(info.absoluteDir().filePath(info.completeBaseName() + QStringLiteral("-dataset")));
    resize(760, 680);
}

ExportDialog::~ExportDialog() = default; // m_task cancels and waits: the exporter removes its temporary directory

void ExportDialog::buildForm()
{
    auto* layout = new QVBoxLayout(this);
    m_form = new QWidget(this);
    auto* form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);

    m_format = new QComboBox(m_form);
    const QMap<QString, QString> names{{QStringLiteral("hf"), QStringLiteral("Hugging Face datasets (JSON Lines)")},
                                       {QStringLiteral("csv"), QStringLiteral("CSV")},
                                       {QStringLiteral("conll"), QStringLiteral("CoNLL (spans as BIO tags)")},
                                       {QStringLiteral("spacy"), QStringLiteral("spaCy (JSON Lines)")},
                                       {QStringLiteral("labelstudio"), QStringLiteral("Label Studio (JSON)")},
                                       {QStringLiteral("prodigy"), QStringLiteral("Prodigy (JSON Lines)")}};
    for (const std::string& format : exporting::datasetFormats()) {
        const QString id = QString::fromStdString(format);
        m_format->addItem(names.value(id, id), id);
    }
    form->addRow(QStringLiteral("&Format:"), m_format);

    auto* directoryRow = new QHBoxLayout;
    m_directory = new QLineEdit(m_form);
    m_directory->setObjectName(QStringLiteral("exportDirectory"));
    auto* browse = new QPushButton(QStringLiteral("&Browse\u2026"), m_form);
    directoryRow->addWidget(m_directory, 1);
    directoryRow->addWidget(browse);
    form->addRow(QStringLiteral("Directory:"), directoryRow);
    m_replace = new QCheckBox(QStringLiteral("Re&place the directory when it holds files"), m_form);
    form->addRow(QString(), m_replace);

    m_source = new QComboBox(m_form);
    m_source->addItem(QStringLiteral("Gold, else the majority vote"),
                      QVariant::fromValue(static_cast<int>(exporting::ExportSource::GoldThenMajority)));
    m_source->addItem(QStringLiteral("Gold, else Dawid\u2013Skene"),
                      QVariant::fromValue(static_cast<int>(exporting::ExportSource::GoldThenDawidSkene)));
    m_source->addItem(QStringLiteral("Every annotator's own labels (raw)"),
                      QVariant::fromValue(static_cast<int>(exporting::ExportSource::Raw)));
    form->addRow(QStringLiteral("&Labels:"), m_source);

    auto* agreementRow = new QHBoxLayout;
    m_useMinAgreement = new QCheckBox(QStringLiteral("Leave out samples whose annotators agree less than"), m_form);
    m_minAgreement = new QDoubleSpinBox(m_form);
    m_minAgreement->setRange(0.0, 1.0);
    m_minAgreement->setSingleStep(0.05);
    m_minAgreement->setDecimals(2);
    m_minAgreement->setValue(0.6);
    m_minAgreement->setEnabled(false);
    agreementRow->addWidget(m_useMinAgreement);
    agreementRow->addWidget(m_minAgreement);
    agreementRow->addStretch();
    form->addRow(QStringLiteral("Agreement:"), agreementRow);

    m_signal = new QComboBox(m_form);
    form->addRow(QStringLiteral("&Samples:"), m_signal);

    auto* splitRow = new QHBoxLayout;
    m_useRatios = new QRadioButton(QStringLiteral("&Train"), m_form);
    m_useRatios->setChecked(true);
    m_train = percentBox(80, m_form);
    m_validation = percentBox(10, m_form);
    m_test = percentBox(10, m_form);
    m_useFolds = new QRadioButton(QStringLiteral("or &k folds:"), m_form);
    m_folds = new QSpinBox(m_form);
    m_folds->setRange(2, 20);
    m_folds->setValue(5);
    m_folds->setEnabled(false);
    splitRow->addWidget(m_useRatios);
    splitRow->addWidget(m_train);
    splitRow->addWidget(new QLabel(QStringLiteral("validation"), m_form));
    splitRow->addWidget(m_validation);
    splitRow->addWidget(new QLabel(QStringLiteral("test"), m_form));
    splitRow->addWidget(m_test);
    splitRow->addSpacing(16);
    splitRow->addWidget(m_useFolds);
    splitRow->addWidget(m_folds);
    splitRow->addStretch();
    form->addRow(QStringLiteral("Splits:"), splitRow);

    m_seed = new QSpinBox(m_form);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setValue(42);
    form->addRow(QStringLiteral("S&eed:"), m_seed);
    m_labelIds = new QCheckBox(QStringLiteral("Labels as integer &ids (label_map.json)"), m_form);
    m_metadata = new QCheckBox(QStringLiteral("Include each sample's &metadata"), m_form);
    form->addRow(QString(), m_labelIds);
    form->addRow(QString(), m_metadata);
    layout->addWidget(m_form);

    auto* progressRow = new QHBoxLayout;
    m_step = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    progressRow->addWidget(m_step);
    progressRow->addWidget(m_progress, 1);
    layout->addLayout(progressRow);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("exportError"));
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    layout->addWidget(m_error);
    m_summary = new QTextBrowser(this);
    m_summary->setObjectName(QStringLiteral("exportSummary"));
    m_summary->setPlaceholderText(QStringLiteral("The summary of the export appears here: the records in each split "
                                                 "and whether any text is in two splits."));
    layout->addWidget(m_summary, 1);

    auto* buttons = new QDialogButtonBox(this);
    m_export = buttons->addButton(QStringLiteral("&Export"), QDialogButtonBox::AcceptRole);
    m_cancel = buttons->addButton(QStringLiteral("&Cancel export"), QDialogButtonBox::ActionRole);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    m_export->setDefault(true);
    setRunning(false);
    m_progress->hide();

    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_useMinAgreement, &QCheckBox::toggled, m_minAgreement, &QWidget::setEnabled);
    connect(m_useFolds, &QRadioButton::toggled, this, [this](bool folds) {
        m_folds->setEnabled(folds);
        for (QSpinBox* box : {m_train, m_validation, m_test}) {
            box->setEnabled(!folds);
        }
    });
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_cancel, &QPushButton::clicked, this, &ExportDialog::cancel);
    connect(m_close, &QPushButton::clicked, this, &QDialog::close);
}

void ExportDialog::browse()
{
    const QString path = QFileDialog::getExistingDirectory(this, QStringLiteral("Export into"),
                                                           QFileInfo(m_directory->text()).absolutePath());
    if (!path.isEmpty()) {
        m_directory->setText(path);
    }
}

exporting::DatasetExportOptions ExportDialog::options() const
{
    exporting::DatasetExportOptions options;
    options.format = m_format->currentData().toString().toStdString();
    const QString directory = m_directory->text().trimmed();
    if (directory.isEmpty()) {
        throw InputError("choose the directory to export into");
    }
    options.directory = QFile::encodeName(QFileInfo(directory).absoluteFilePath()).toStdString();
    options.source = static_cast<exporting::ExportSource>(m_source->currentData().toInt());
    if (m_useMinAgreement->isChecked()) {
        options.minAgreement = m_minAgreement->value();
    }
    if (m_useFolds->isChecked()) {
        options.folds = static_cast<std::size_t>(m_folds->value());
    } else {
        const int sum = m_train->value() + m_validation->value() + m_test->value();
        if (sum != 100) {
            throw InputError("the splits add up to " + std::to_string(sum) + " %, not 100 %");
        }
        options.ratios = {m_train->value() / 100.0, m_validation->value() / 100.0, m_test->value() / 100.0};
    }
    options.seed = static_cast<std::uint64_t>(m_seed->value());
    options.labelIds = m_labelIds->isChecked();
    options.includeMetadata = m_metadata->isChecked();
    options.replace = m_replace->isChecked();
    return options;
}

bool ExportDialog::startExport()
{
    if (isRunning()) {
        return false;
    }
    exporting::DatasetExportOptions chosen;
    try {
        chosen = options();
    } catch (const SettingError& error) {
        showError(describeForUser(error));
        return false;
    } catch (const InputError& error) {
        const QString message = QString::fromUtf8(error.what());
        showError(message.left(1).toUpper() + message.mid(1) + QLatin1Char('.'));
        return false;
    }
    chosen.command = equivalentCommand(m_projectPath, chosen);
    showError(QString());
    m_summary->clear();
    const std::string signalName = m_signal->currentIndex() > 0 ? m_signal->currentText().toStdString() : "";
    m_cancelling = false;
    m_task.run(m_project, [chosen, signalName, path = m_project->pathBytes()](const Progress& progress) mutable {
        try {
            auto project = Project::open(path);
            if (!signalName.empty()) {
                chosen.signalExpression = signals::expressionFrom(*project, "", signalName);
            }
            return exporting::exportDataset(*project, chosen, progress);
        } catch (const SettingError& error) {
            throw InputError(describeForUser(error).toStdString()); // in the dialog's words
        } catch (const StoreError& error) {
            throw StoreError("Writing the dataset failed: " + std::string(error.what()));
        }
    });
    setRunning(true);
    return true;
}

void ExportDialog::showProgress(const TaskProgress& step)
{
    m_step->setText(step.what.isEmpty() ? QStringLiteral("Starting\u2026")
                                        : step.what.left(1).toUpper() + step.what.mid(1) + QStringLiteral("\u2026"));
    m_progress->setValue(step.total > 0 ? static_cast<int>(std::min<quint64>(1000, step.done * 1000 / step.total)) : 0);
}

void ExportDialog::done(const exporting::DatasetExportSummary& summary)
{
    if (summary.cancelled) {
        return; // onSettled says so
    }
    showSummary(summary);
    m_written = true;
}

void ExportDialog::showSummary(const exporting::DatasetExportSummary& summary)
{
    QString html = QStringLiteral("<p><b>Wrote %L1 records</b> to %2 (%3).</p>")
                       .arg(summary.records)
                       .arg(escaped(summary.directory), escaped(summary.format));
    html += QStringLiteral("<table cellspacing='0' cellpadding='4'><tr><th align='left'>split</th>"
                           "<th align='left'>file</th><th align='right'>records</th><th align='left'>labels</th></tr>");
    for (const auto& split : summary.splits) {
        QStringList labels;
        for (const auto& [label, count] : split.labels) {
            labels.append(QStringLiteral("%1 %L2").arg(escaped(label)).arg(count));
        }
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td align='right'>%L3</td><td>%4</td></tr>")
                    .arg(escaped(split.name), escaped(split.file))
                    .arg(split.records)
                    .arg(labels.join(QStringLiteral(", ")));
    }
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p>From %L1 samples: %L2 gold, %L3 aggregated, %L4 raw; left out: %L5 unlabeled, %L6 "
                           "below the agreement threshold.</p>")
                .arg(summary.samples)
                .arg(summary.gold)
                .arg(summary.aggregated)
                .arg(summary.raw)
                .arg(summary.unlabeled)
                .arg(summary.belowAgreement);
    const auto& leakage = summary.leakage;
    if (leakage.clean()) {
        html += QStringLiteral("<p style='color:#2e7d32'><b>Leakage check passed:</b> no text is in two splits "
                               "(%L1 distinct texts checked).</p>")
                    .arg(leakage.texts);
    } else {
        html += QStringLiteral("<p style='color:#b3261e'><b>Leakage check: %L1 texts are in more than one split</b> "
                               "(of %L2 checked).</p><ul>")
                    .arg(leakage.shared.size())
                    .arg(leakage.texts);
        for (std::size_t i = 0; i < leakage.shared.size() && i < 5; ++i) {
            QStringList where;
            for (const auto& sample : leakage.shared[i].samples) {
                where.append(QStringLiteral("%1 in %2").arg(escaped(sample.id), escaped(sample.split)));
            }
            html += QStringLiteral("<li>\u201c%1\u201d: %2</li>")
                        .arg(QString::fromStdString(leakage.shared[i].text).left(80).toHtmlEscaped(),
                             where.join(QStringLiteral(", ")));
        }
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("<p>Files: %1</p>")
                .arg(QString::fromStdString([&] {
                         std::string files;
                         for (const auto& file : summary.files) {
                             files += (files.empty() ? "" : ", ") + file;
                         }
                         return files;
                     }())
                         .toHtmlEscaped());
    m_summary->setHtml(html);
}

void ExportDialog::setRunning(bool running)
{
    m_form->setEnabled(!running);
    m_export->setEnabled(!running);
    m_cancel->setVisible(running);
    m_cancel->setEnabled(running);
    m_progress->setVisible(running);
    m_step->setVisible(running);
    if (running) {
        m_progress->setValue(0);
        m_step->setText(QStringLiteral("Starting\u2026"));
    }
}

bool ExportDialog::isRunning() const
{
    return m_task.isRunning();
}

void ExportDialog::cancel()
{
    if (m_task.isRunning()) {
        m_task.cancel();
        m_cancelling = true;
        m_step->setText(QStringLiteral("Cancelling\u2026"));
        m_cancel->setEnabled(false);
    }
}

void ExportDialog::closeEvent(QCloseEvent* event)
{
    if (m_task.isRunning()) {
        cancel(); // closes once the worker has stopped and cleaned up
        connect(this, &ExportDialog::finished, this, &QDialog::close, Qt::SingleShotConnection);
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

void ExportDialog::reject()
{
    if (m_task.isRunning()) {
        cancel(); // Escape while exporting cancels first
        connect(this, &ExportDialog::finished, this, &QDialog::reject, Qt::SingleShotConnection);
        return;
    }
    QDialog::reject();
}

QString ExportDialog::summaryText() const
{
    return m_summary->toPlainText();
}

QString ExportDialog::errorText() const
{
    return m_error->text();
}

void ExportDialog::showError(const QString& message)
{
    m_error->setText(message);
}

} // namespace concord::gui
