// A read-only monospace view of the comparison, wide enough for its columns, with a button to copy it.
#include "compare_dialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace versus::gui {

CompareDialog::CompareDialog(const QString& oldFile, const QString& newFile, const QString& comparison, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Compare %1 and %2").arg(QFileInfo(oldFile).fileName(), QFileInfo(newFile).fileName()));
    auto* layout = new QVBoxLayout(this);
    auto* header = new QLabel(tr("Changes from <b>%1</b> (old) to <b>%2</b> (new), with bootstrap 95% CIs and "
                                 "Mann-Whitney p-values:")
                                  .arg(oldFile.toHtmlEscaped(), newFile.toHtmlEscaped()),
                              this);
    header->setWordWrap(true);
    layout->addWidget(header);
    m_text = new QPlainTextEdit(comparison, this);
    m_text->setObjectName(QStringLiteral("comparison"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_text);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(text()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(900, 520);
}

QString CompareDialog::text() const
{
    return m_text->toPlainText();
}

}  // namespace versus::gui
