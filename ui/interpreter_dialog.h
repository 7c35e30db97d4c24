// Run > Add interpreter...: asks for a runtime name and an interpreter's path until one is added or the dialog is
// cancelled.
#pragma once

#include <QDialog>

#include <functional>

class QLineEdit;

namespace versus::gui {

class InterpreterDialog final : public QDialog {
    Q_OBJECT
public:
    /// Tries to add the interpreter; false with `error` set when it was not added.
    using Adder = std::function<bool(const QString& name, const QString& path, QString* error)>;

    /// OK calls `add` with the trimmed fields; a refusal is shown in a message box and the dialog stays open with
    /// its values.
    explicit InterpreterDialog(Adder add, QWidget* parent = nullptr);

private:
    void browse();
    void tryAdd();

    Adder m_add;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_path = nullptr;
};

}  // namespace versus::gui
