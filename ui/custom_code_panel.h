// "Your own code": a Python and a JavaScript function side by side, raced as a temporary workload.
#pragma once

#include <QWidget>

#include <memory>
#include <optional>

#include "catalog.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSettings;
class QTemporaryDir;

namespace versus::gui {

class ScriptHighlighter;

class CustomCodePanel final : public QWidget {
    Q_OBJECT
public:
    explicit CustomCodePanel(QWidget* parent = nullptr);
    ~CustomCodePanel() override;

    /// Writes manifest.json, snippet.py and snippet.js into a fresh temporary folder and loads it with
    /// Catalog::loadManifest. Null, with the reason shown in the panel, when the manifest is refused (e.g. the
    /// expected answer is not JSON). The workload stays valid until the next call.
    const Workload* prepareWorkload();
    /// Shows how a race item ended; a failure with a line in one of the snippets is marked in that editor.
    void showResult(const Result& result);
    /// A plan started or ended; `ownRace`: it races this panel's code (otherwise Race waits for the run).
    void setRunning(bool running, bool ownRace = true);
    /// The "Isolate" box (on by default): race this code in isolated workers (PlanItem::isolated).
    bool isolate() const;
    /// Both snippets and the expected answer that goes with them (kept until the code changes).
    void setCode(const QString& python, const QString& javascript, const QString& expectedAnswer = {});
    QString expectedAnswer() const;

    /// The snippets and expected answer as a small JSON file ({"python", "javascript", "expected"}), and back;
    /// false with `error` set (for the user) when the file cannot be written or read.
    bool saveSnippets(const QString& fileName, QString* error) const;
    bool openSnippets(const QString& fileName, QString* error);
    /// The snippets survive a restart (the window calls these with its settings).
    void restoreSettings(const QSettings& settings);
    void saveSettings(QSettings& settings) const;

    QPlainTextEdit* pythonEditor() const { return m_python; }
    QPlainTextEdit* javascriptEditor() const { return m_javascript; }

signals:
    void raceRequested();

protected:
    /// Recolours the code when the palette turns light or dark.
    void changeEvent(QEvent* event) override;

private:
    void clearMarks();
    /// The code changed: an expected answer given for other code is cleared, and the panel says so.
    void codeChanged();
    QString codeKey() const;
    void saveWithDialog();
    void openWithDialog();
    void markLine(QPlainTextEdit* editor, int line);

    QPlainTextEdit* m_python = nullptr;
    QPlainTextEdit* m_javascript = nullptr;
    QLabel* m_pythonError = nullptr;
    QLabel* m_javascriptError = nullptr;
    QLineEdit* m_expected = nullptr;
    QString m_expectedFor;  // codeKey() of the code the expected answer was given for
    QCheckBox* m_isolate = nullptr;
    QPushButton* m_race = nullptr;
    QLabel* m_status = nullptr;
    ScriptHighlighter* m_pythonHighlighter = nullptr;
    ScriptHighlighter* m_javascriptHighlighter = nullptr;
    std::unique_ptr<QTemporaryDir> m_folder;
    std::optional<Workload> m_workload;
};

}  // namespace versus::gui
