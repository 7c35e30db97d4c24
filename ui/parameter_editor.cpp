// Line edits for numbers (validated as you type), combo boxes for choices, check boxes for booleans.
#include "parameter_editor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include "parameter_validator.h"

namespace versus::gui {

ParameterEditor::ParameterEditor(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_empty = new QLabel(tr("Select a workload to edit its parameters."), this);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);
    layout->addWidget(m_empty);
    auto* formHost = new QWidget(this);
    m_form = new QFormLayout(formHost);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addWidget(formHost);
}

void ParameterEditor::setWorkload(const Workload* workload, const ParamValues& overrides)
{
    m_workload = workload;
    rebuild(overrides);
}

void ParameterEditor::rebuild(const ParamValues& overrides)
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_fields.clear();
    m_empty->setVisible(!m_workload || m_workload->parameters.empty());
    if (m_workload && m_workload->parameters.empty())
        m_empty->setText(tr("'%1' has no parameters.").arg(QString::fromStdString(m_workload->title)));
    else
        m_empty->setText(tr("Select a workload to edit its parameters."));
    if (!m_workload)
        return;

    for (const ParameterSpec& spec : m_workload->parameters) {
        Field field;
        field.spec = &spec;
        auto it = overrides.find(spec.name);
        const bool overridden = it != overrides.end();
        const QString name = QString::fromStdString(spec.name);
        const QString limits = QString::fromStdString(spec.describeLimits());
        const QString tooltip = QStringLiteral("%1\n%2").arg(QString::fromStdString(spec.description), limits);
        auto* host = new QWidget;
        auto* column = new QVBoxLayout(host);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(2);
        auto* row = new QHBoxLayout;
        column->addLayout(row);

        switch (spec.type) {
        case ParamType::Int:
        case ParamType::Float: {
            auto* edit = new QLineEdit;
            edit->setObjectName(QStringLiteral("param_") + name);
            field.validator = new ParameterValidator(spec, edit);
            edit->setValidator(field.validator);
            edit->setPlaceholderText(
                tr("%1 (default)").arg(QString::fromStdString(formatParamValue(spec.defaultValue))));
            if (overridden)
                edit->setText(QString::fromStdString(formatParamValue(it->second)));
            edit->setClearButtonEnabled(true);
            field.editor = edit;
            connect(edit, &QLineEdit::textChanged, this, [this, index = m_fields.size()] {
                updateError(m_fields[index]);
                emit edited();
            });
            break;
        }
        case ParamType::Bool: {
            auto* box = new QCheckBox;
            box->setObjectName(QStringLiteral("param_") + name);
            const ParamValue& v = overridden ? it->second : spec.defaultValue;
            box->setChecked(std::holds_alternative<bool>(v) && std::get<bool>(v));
            field.editor = box;
            connect(box, &QCheckBox::toggled, this, &ParameterEditor::edited);
            break;
        }
        case ParamType::Choice: {
            auto* combo = new QComboBox;
            combo->setObjectName(QStringLiteral("param_") + name);
            for (const auto& c : spec.choices)
                combo->addItem(QString::fromStdString(c));
            const ParamValue& v = overridden ? it->second : spec.defaultValue;
            if (std::holds_alternative<std::string>(v))
                combo->setCurrentText(QString::fromStdString(std::get<std::string>(v)));
            field.editor = combo;
            connect(combo, &QComboBox::currentTextChanged, this, &ParameterEditor::edited);
            break;
        }
        }
        field.editor->setToolTip(tooltip);
        row->addWidget(field.editor, 1);
        if (!spec.unit.empty())
            row->addWidget(new QLabel(QString::fromStdString(spec.unit)));
        auto* hint = new QLabel(limits);
        hint->setEnabled(false);  // secondary text in the palette's disabled colour
        hint->setWordWrap(true);
        column->addWidget(hint);
        field.error = new QLabel;
        field.error->setObjectName(QStringLiteral("error_") + name);
        field.error->setWordWrap(true);
        field.error->setStyleSheet(QStringLiteral("color: #D55E00;"));
        field.error->setVisible(false);
        column->addWidget(field.error);

        auto* label = new QLabel(name);
        label->setToolTip(tooltip);
        m_form->addRow(label, host);
        // Widgets added to a visible form are otherwise shown only on the next event-loop pass.
        label->show();
        host->show();
        m_fields.push_back(field);
    }
    for (Field& f : m_fields)
        updateError(f);
}

void ParameterEditor::updateError(Field& field)
{
    auto* edit = qobject_cast<QLineEdit*>(field.editor);
    if (!edit || !field.validator)
        return;
    const QString text = edit->text();
    const QString reason = text.trimmed().isEmpty() ? QString() : field.validator->reason(text);
    field.error->setText(reason);
    field.error->setVisible(!reason.isEmpty());
    edit->setStyleSheet(reason.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 1px solid #D55E00; }"));
}

ParamValues ParameterEditor::overrides() const
{
    ParamValues values;
    for (const Field& f : m_fields) {
        ParamValue v;
        if (auto* edit = qobject_cast<QLineEdit*>(f.editor)) {
            if (!edit->text().trimmed().isEmpty() && f.validator->parse(edit->text(), v))
                values[f.spec->name] = v;
        } else if (auto* box = qobject_cast<QCheckBox*>(f.editor)) {
            v = box->isChecked();
            if (v != f.spec->defaultValue)
                values[f.spec->name] = v;
        } else if (auto* combo = qobject_cast<QComboBox*>(f.editor)) {
            v = combo->currentText().toStdString();
            if (v != f.spec->defaultValue)
                values[f.spec->name] = v;
        }
    }
    return values;
}

QString ParameterEditor::firstError() const
{
    for (const Field& f : m_fields)
        if (auto* edit = qobject_cast<QLineEdit*>(f.editor))
            if (!edit->text().trimmed().isEmpty()) {
                const QString reason = f.validator->reason(edit->text());
                if (!reason.isEmpty())
                    return reason;
            }
    return {};
}

}  // namespace versus::gui
