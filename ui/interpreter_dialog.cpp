// The Add interpreter dialog: a name, a path with Browse..., and OK that keeps the dialog open on a refusal.
#include "interpreter_dialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpressionValidator>

#include <algorithm>

namespace versus::gui {

InterpreterDialog::InterpreterDialog(Adder add, QWidget* parent) : QDialog(parent), m_add(std::move(add))
{
    setWindowTitle(tr("Add interpreter"));
    auto* form = new QFormLayout(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("interpreterName"));
    m_name->setPlaceholderText(tr("e.g. python312"));
    m_name->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9_-]*")), m_name));
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("interpreterPath"));
    m_path->setPlaceholderText(tr("/usr/bin/python3.12"));
    auto* browseButton = new QPushButton(tr("Browse..."), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Path:"), pathRow);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(browseButton, &QPushButton::clicked, this, &InterpreterDialog::browse);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, &InterpreterDialog::tryAdd);
    resize(std::max(sizeHint().width(), 460), sizeHint().height());
}

void InterpreterDialog::browse()
{
    const QString start = m_path->text().isEmpty() ? QStringLiteral("/usr/bin") : QFileInfo(m_path->text()).path();
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose an interpreter"), start);
    if (!file.isEmpty())
        m_path->setText(file);
}

void InterpreterDialog::tryAdd()
{
    QString error;
    if (m_add(m_name->text().trimmed(), m_path->text().trimmed(), &error))
        accept();
    else
        QMessageBox::warning(this, tr("Add interpreter"), error);  // the dialog stays open with its values
}

}  // namespace versus::gui
