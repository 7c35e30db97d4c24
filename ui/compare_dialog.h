// Shows how two results files differ, per workload and runtime, in core's compareResults() words.
#pragma once

#include <QDialog>

class QPlainTextEdit;

namespace versus::gui {

class CompareDialog final : public QDialog {
    Q_OBJECT
public:
    /// `oldFile` and `newFile` name the documents in the title; `comparison` is compareResults()'s text.
    CompareDialog(const QString& oldFile, const QString& newFile, const QString& comparison, QWidget* parent = nullptr);

    QString text() const;

private:
    QPlainTextEdit* m_text = nullptr;
};

}  // namespace versus::gui
