// The schema page of the import wizard; see ImportSchemaPage.hpp.
#include "app/gui/importing/ImportSchemaPage.hpp"

#include "core/util/Error.hpp"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <set>

namespace concord::gui {

namespace {

// Distinct, readable on white; cycled for new labels.
const char* const labelPalette[] = {"#2e7d32", "#c62828", "#1565c0", "#ef6c00", "#6a1b9a",
                                    "#00838f", "#ad1457", "#827717", "#4e342e", "#37474f"};

} // namespace

ImportSchemaPage::ImportSchemaPage(QWidget* parent) : QWizardPage(parent)
{
    setTitle(QStringLiteral("Labels"));
    setSubTitle(QStringLiteral("What annotators give each sample. A label's key labels the sample from the "
                               "keyboard; double-click a colour (or press Enter on it) to change it."));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("projectName"));
    m_kind = new QComboBox(this);
    m_kind->addItem(QStringLiteral("Single label: one label per sample"), QStringLiteral("single"));
    m_kind->addItem(QStringLiteral("Multi label: any of the labels"), QStringLiteral("multi"));
    m_kind->addItem(QStringLiteral("Spans: labelled parts of the text"), QStringLiteral("spans"));
    m_kind->addItem(QStringLiteral("Rating: a number on a scale"), QStringLiteral("rating"));
    form->addRow(QStringLiteral("Project &name:"), m_name);
    form->addRow(QStringLiteral("&Kind:"), m_kind);
    layout->addLayout(form);

    m_labels = new QTableWidget(0, 3, this);
    m_labels->setObjectName(QStringLiteral("schemaLabels"));
    m_labels->setHorizontalHeaderLabels({QStringLiteral("Label"), QStringLiteral("Colour"), QStringLiteral("Key")});
    m_labels->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_labels->setColumnWidth(ColorColumn, 110);
    m_labels->setColumnWidth(KeyColumn, 70);
    m_labels->verticalHeader()->hide();
    m_labels->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_labels->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_labels, 1);

    m_labelButtons = new QWidget(this);
    auto* buttons = new QHBoxLayout(m_labelButtons);
    buttons->setContentsMargins(0, 0, 0, 0);
    auto* add = new QPushButton(QStringLiteral("&Add label"), m_labelButtons);
    auto* remove = new QPushButton(QStringLiteral("&Remove label"), m_labelButtons);
    auto* color = new QPushButton(QStringLiteral("&Colour\u2026"), m_labelButtons);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addWidget(color);
    buttons->addStretch();
    m_overlap = new QCheckBox(QStringLiteral("Spans may &overlap"), m_labelButtons);
    buttons->addWidget(m_overlap);
    layout->addWidget(m_labelButtons);

    m_ratingRow = new QWidget(this);
    auto* rating = new QHBoxLayout(m_ratingRow);
    rating->setContentsMargins(0, 0, 0, 0);
    m_ratingMin = new QSpinBox(m_ratingRow);
    m_ratingMax = new QSpinBox(m_ratingRow);
    for (QSpinBox* box : {m_ratingMin, m_ratingMax}) {
        box->setRange(-100, 100);
    }
    m_ratingMin->setValue(1);
    m_ratingMax->setValue(5);
    auto* from = new QLabel(QStringLiteral("Ratings &from"), m_ratingRow);
    from->setBuddy(m_ratingMin);
    rating->addWidget(from);
    rating->addWidget(m_ratingMin);
    rating->addWidget(new QLabel(QStringLiteral("to"), m_ratingRow));
    rating->addWidget(m_ratingMax);
    rating->addWidget(
        new QLabel(QStringLiteral("(number keys rate; labels are optional names for the values)"), m_ratingRow));
    rating->addStretch();
    layout->addWidget(m_ratingRow);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("wizardError"));
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    layout->addWidget(m_error);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ImportSchemaPage::kindChanged);
    connect(add, &QPushButton::clicked, this, [this] {
        addLabel(QString());
        m_labels->setCurrentCell(m_labels->rowCount() - 1, NameColumn);
        m_labels->editItem(m_labels->item(m_labels->rowCount() - 1, NameColumn));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_labels->currentRow() >= 0) {
            m_labels->removeRow(m_labels->currentRow());
        }
    });
    connect(color, &QPushButton::clicked, this, [this] { chooseColor(m_labels->currentRow()); });
    connect(m_labels, &QTableWidget::cellDoubleClicked, this, [this](int row, int column) {
        if (column == ColorColumn) {
            chooseColor(row);
        }
    });
    connect(m_labels, &QTableWidget::cellActivated, this, [this](int row, int column) {
        if (column == ColorColumn) {
            chooseColor(row);
        }
    });
    connect(m_labels, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        m_error->clear();
        if (item->column() == KeyColumn && item->text().size() > 1) {
            m_error->setText(QStringLiteral("A key is one character: \u201c%1\u201d is more.").arg(item->text()));
        }
    });
    kindChanged();
}

void ImportSchemaPage::kindChanged()
{
    const QString kind = m_kind->currentData().toString();
    m_ratingRow->setVisible(kind == QLatin1String("rating"));
    m_overlap->setVisible(kind == QLatin1String("spans"));
}

void ImportSchemaPage::setProjectName(const QString& name)
{
    m_name->setText(name);
}

QString ImportSchemaPage::projectName() const
{
    return m_name->text().trimmed();
}

void ImportSchemaPage::suggestLabels(const QStringList& names)
{
    if (m_labels->rowCount() > 0) {
        return;
    }
    for (const QString& name : names) {
        addLabel(name);
    }
}

QString ImportSchemaPage::freeKey(const QString& name) const
{
    QSet<QString> used;
    for (int row = 0; row < m_labels->rowCount(); ++row) {
        if (auto* item = m_labels->item(row, KeyColumn)) {
            used.insert(item->text());
        }
    }
    // The name's first free letter, then a digit.
    for (const QChar c : name.toLower()) {
        if (c.isLetterOrNumber() && !used.contains(QString(c))) {
            return QString(c);
        }
    }
    for (char c = '1'; c <= '9'; ++c) {
        if (!used.contains(QString(QLatin1Char(c)))) {
            return QString(QLatin1Char(c));
        }
    }
    return QString();
}

void ImportSchemaPage::addLabel(const QString& name, const QString& color, const QString& key)
{
    const int row = m_labels->rowCount();
    const QString chosenKey = key.isEmpty() ? freeKey(name) : key;
    m_labels->insertRow(row);
    m_labels->setItem(row, NameColumn, new QTableWidgetItem(name));
    auto* swatch = new QTableWidgetItem;
    swatch->setFlags(swatch->flags() & ~Qt::ItemIsEditable);
    m_labels->setItem(row, ColorColumn, swatch);
    setColor(row, QColor(color.isEmpty() ? QString::fromLatin1(
                                               labelPalette[static_cast<std::size_t>(row) % std::size(labelPalette)])
                                         : color));
    m_labels->setItem(row, KeyColumn, new QTableWidgetItem(chosenKey));
}

void ImportSchemaPage::setColor(int row, const QColor& color)
{
    QTableWidgetItem* item = m_labels->item(row, ColorColumn);
    item->setData(Qt::UserRole, color.name());
    item->setText(color.name());
    item->setBackground(color);
    item->setForeground(color.lightness() < 150 ? Qt::white : Qt::black);
}

void ImportSchemaPage::chooseColor(int row)
{
    if (row < 0 || row >= m_labels->rowCount()) {
        return;
    }
    const QColor current(m_labels->item(row, ColorColumn)->data(Qt::UserRole).toString());
    const QColor chosen = QColorDialog::getColor(current, this, QStringLiteral("Colour of the label"));
    if (chosen.isValid()) {
        setColor(row, chosen);
    }
}

LabelSchema ImportSchemaPage::schema() const
{
    nlohmann::json labels = nlohmann::json::array();
    std::set<QString> keys;
    for (int row = 0; row < m_labels->rowCount(); ++row) {
        const QString name = m_labels->item(row, NameColumn)->text().trimmed();
        const QString key =
            m_labels->item(row, KeyColumn) ? m_labels->item(row, KeyColumn)->text().trimmed() : QString();
        if (name.isEmpty()) {
            throw InputError("label " + std::to_string(row + 1) + " has no name");
        }
        if (key.size() > 1 || (key.size() == 1 && !key.front().isPrint())) {
            throw InputError("the key of '" + name.toStdString() + "' must be one character, not '" +
                             key.toStdString() + "'");
        }
        if (!key.isEmpty() && !keys.insert(key.toLower()).second) {
            throw InputError("the key '" + key.toStdString() + "' is given to two labels; each needs its own");
        }
        labels.push_back({{"name", name.toStdString()},
                          {"color", m_labels->item(row, ColorColumn)->data(Qt::UserRole).toString().toStdString()},
                          {"key", key.toStdString()}});
    }
    nlohmann::json json = {{"kind", m_kind->currentData().toString().toStdString()}, {"labels", labels}};
    const QString kind = m_kind->currentData().toString();
    if (kind == QLatin1String("rating")) {
        json["rating"] = {{"min", m_ratingMin->value()}, {"max", m_ratingMax->value()}};
    }
    if (kind == QLatin1String("spans")) {
        json["allow_overlap"] = m_overlap->isChecked();
    }
    return LabelSchema::fromJson(json);
}

bool ImportSchemaPage::validatePage()
{
    if (projectName().isEmpty()) {
        m_error->setText(QStringLiteral("Give the project a name."));
        return false;
    }
    try {
        const LabelSchema checked = schema();
        (void)checked;
    } catch (const InputError& error) {
        QString message = QString::fromUtf8(error.what());
        if (message.startsWith(QStringLiteral("schema: "))) {
            message = message.mid(8);
        }
        m_error->setText(message.left(1).toUpper() + message.mid(1) + QLatin1Char('.'));
        return false;
    }
    m_error->clear();
    return true;
}

} // namespace concord::gui
