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
    void setCode(const QString& python, const QString& javascript, const QString& expectedAnswer = {});

    QPlainTextEdit* pythonEditor() const { return m_python; }
    QPlainTextEdit* javascriptEditor() const { return m_javascript; }

signals:
    void raceRequested();

protected:
    /// Recolours the code when the palette turns light or dark.
    void changeEvent(QEvent* event) override;

private:
    void clearMarks();
    void markLine(QPlainTextEdit* editor, int line);

    QPlainTextEdit* m_python = nullptr;
    QPlainTextEdit* m_javascript = nullptr;
    QLabel* m_pythonError = nullptr;
    QLabel* m_javascriptError = nullptr;
    QLineEdit* m_expected = nullptr;
    QCheckBox* m_isolate = nullptr;
    QPushButton* m_race = nullptr;
    QLabel* m_status = nullptr;
    ScriptHighlighter* m_pythonHighlighter = nullptr;
    ScriptHighlighter* m_javascriptHighlighter = nullptr;
    std::unique_ptr<QTemporaryDir> m_folder;
    std::optional<Workload> m_workload;
};

}  // namespace versus::gui
