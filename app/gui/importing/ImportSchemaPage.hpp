// The import wizard's second page: the project's name and label schema. The kind (single label,
// multi label, spans, rating), the labels with their colours (QColorDialog) and keys (one
// character each, unique), the rating range. The core's LabelSchema has the last word.
#pragma once

#include "core/model/LabelSchema.hpp"

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace concord::gui {

class ImportSchemaPage : public QWizardPage
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        ColorColumn,
        KeyColumn
    };

    explicit ImportSchemaPage(QWidget* parent = nullptr);

    // Starts the label list from these names (e.g. the values of an imported label field) when
    // the user has not entered any yet.
    void suggestLabels(const QStringList& names);
    void setProjectName(const QString& name);
    QString projectName() const;

    // Appends a label; colour and key are chosen when empty.
    void addLabel(const QString& name, const QString& color = QString(), const QString& key = QString());
    // The schema as entered; throws InputError naming the problem.
    LabelSchema schema() const;

    QLineEdit* nameEdit() const { return m_name; }
    QComboBox* kindBox() const { return m_kind; }
    QTableWidget* labelTable() const { return m_labels; }
    QSpinBox* ratingMin() const { return m_ratingMin; }
    QSpinBox* ratingMax() const { return m_ratingMax; }
    QLabel* errorLabel() const { return m_error; }

    bool validatePage() override;

private:
    void kindChanged();
    void chooseColor(int row);
    void setColor(int row, const QColor& color);
    QString freeKey(const QString& name) const;

    QLineEdit* m_name = nullptr;
    QComboBox* m_kind = nullptr;
    QTableWidget* m_labels = nullptr;
    QWidget* m_labelButtons = nullptr;
    QWidget* m_ratingRow = nullptr;
    QSpinBox* m_ratingMin = nullptr;
    QSpinBox* m_ratingMax = nullptr;
    QCheckBox* m_overlap = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace concord::gui
