// Builds a one-off workload folder from the two editors; the harness runs it like any catalog workload.
#include "custom_code_panel.h"

#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QSettings>
#include <QFontDatabase>
#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QVBoxLayout>

#include "script_highlighter.h"

namespace versus::gui {

namespace {

const char* const kPythonFile = "snippet.py";
const char* const kJavaScriptFile = "snippet.js";

const char* const kDefaultPython = R"(def run(params):
    # Sum of squares below 100,000: a tight loop of integer arithmetic.
    total = 0
    for i in range(100_000):
        total += i * i
    return total
)";

const char* const kDefaultJavaScript = R"(exports.run = (params) => {
  // Sum of squares below 100,000: a tight loop of integer arithmetic.
  let total = 0;
  for (let i = 0; i < 100000; i++) {
    total += i * i;
  }
  return total;
};
)";

QPlainTextEdit* makeEditor(QWidget* parent)
{
    auto* editor = new QPlainTextEdit(parent);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    editor->setFont(mono);
    editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    editor->setTabStopDistance(QFontMetricsF(mono).horizontalAdvance(QLatin1Char(' ')) * 4);
    return editor;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

}  // namespace

CustomCodePanel::CustomCodePanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Write the same function in both languages. Python defines <code>run(params)</code>, "
                                "JavaScript sets <code>exports.run</code>. Race them runs both on the checked runtimes "
                                "with the sample settings on the left; the answers must agree."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    auto addSide = [&](const QString& title, QPlainTextEdit*& editor, QLabel*& error, const char* objectName) {
        auto* side = new QWidget(splitter);
        auto* column = new QVBoxLayout(side);
        column->setContentsMargins(0, 0, 0, 0);
        auto* heading = new QLabel(QStringLiteral("<b>%1</b>").arg(title), side);
        column->addWidget(heading);
        editor = makeEditor(side);
        editor->setObjectName(QString::fromLatin1(objectName));
        column->addWidget(editor, 1);
        error = new QLabel(side);
        error->setWordWrap(true);
        error->setStyleSheet(QStringLiteral("color: #D55E00;"));
        error->setVisible(false);
        column->addWidget(error);
        splitter->addWidget(side);
    };
    addSide(tr("Python"), m_python, m_pythonError, "pythonEditor");
    addSide(tr("JavaScript"), m_javascript, m_javascriptError, "javascriptEditor");
    m_pythonHighlighter = new ScriptHighlighter(ScriptHighlighter::Language::Python, m_python->document());
    m_javascriptHighlighter = new ScriptHighlighter(ScriptHighlighter::Language::JavaScript, m_javascript->document());
    layout->addWidget(splitter, 1);

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(new QLabel(tr("Expected answer (JSON, optional):"), this));
    m_expected = new QLineEdit(this);
    m_expected->setObjectName(QStringLiteral("expectedAnswer"));
    m_expected->setPlaceholderText(tr("e.g. 333328333350000"));
    bottom->addWidget(m_expected, 1);
    m_isolate = new QCheckBox(tr("Isolate"), this);
    m_isolate->setObjectName(QStringLiteral("isolateCustomCode"));
    m_isolate->setChecked(true);
    m_isolate->setToolTip(tr("Run each snippet in a worker process of its own: a crash, a signal or an exit in your "
                             "code fails that result only, and Versus and its results stay. Costs a worker start "
                             "(tens of milliseconds) per result."));
    bottom->addWidget(m_isolate);
    auto* open = new QPushButton(tr("Open..."), this);
    open->setObjectName(QStringLiteral("openSnippets"));
    open->setToolTip(tr("Open snippets saved with Save..."));
    bottom->addWidget(open);
    auto* save = new QPushButton(tr("Save..."), this);
    save->setObjectName(QStringLiteral("saveSnippets"));
    save->setToolTip(tr("Save both snippets and the expected answer as one JSON file"));
    bottom->addWidget(save);
    connect(open, &QPushButton::clicked, this, &CustomCodePanel::openWithDialog);
    connect(save, &QPushButton::clicked, this, &CustomCodePanel::saveWithDialog);
    m_race = new QPushButton(tr("Race them"), this);
    m_race->setObjectName(QStringLiteral("raceButton"));
    m_race->setDefault(true);
    bottom->addWidget(m_race);
    layout->addLayout(bottom);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("customStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_race, &QPushButton::clicked, this, &CustomCodePanel::raceRequested);
    connect(m_python, &QPlainTextEdit::textChanged, this, [this] {
        m_pythonError->setVisible(false);
        codeChanged();
    });
    connect(m_javascript, &QPlainTextEdit::textChanged, this, [this] {
        m_javascriptError->setVisible(false);
        codeChanged();
    });
    connect(m_expected, &QLineEdit::textEdited, this, [this] { m_expectedFor = codeKey(); });
    setCode(QString::fromUtf8(kDefaultPython), QString::fromUtf8(kDefaultJavaScript),
            QStringLiteral("333328333350000"));
}

CustomCodePanel::~CustomCodePanel() = default;

void CustomCodePanel::setCode(const QString& python, const QString& javascript, const QString& expectedAnswer)
{
    m_python->setPlainText(python);
    m_javascript->setPlainText(javascript);
    m_expected->setText(expectedAnswer);
    m_expectedFor = codeKey();
    clearMarks();
}

QString CustomCodePanel::expectedAnswer() const
{
    return m_expected->text();
}

QString CustomCodePanel::codeKey() const
{
    return m_python->toPlainText() + QChar(0) + m_javascript->toPlainText();
}

void CustomCodePanel::codeChanged()
{
    if (m_expected->text().isEmpty() || codeKey() == m_expectedFor)
        return;
    m_expected->clear();
    m_status->setText(tr("Expected answer cleared: it was given for other code. Race them now checks that the two "
                         "runtimes agree with each other; type an answer to check against it."));
}

bool CustomCodePanel::saveSnippets(const QString& fileName, QString* error) const
{
    const QJsonObject snippets{{QStringLiteral("python"), m_python->toPlainText()},
                               {QStringLiteral("javascript"), m_javascript->toPlainText()},
                               {QStringLiteral("expected"), m_expected->text()}};
    if (writeFile(fileName, QJsonDocument(snippets).toJson()))
        return true;
    if (error)
        *error = tr("Could not write %1: check that the folder exists and is writable.").arg(fileName);
    return false;
}

bool CustomCodePanel::openSnippets(const QString& fileName, QString* error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Could not read %1: %2").arg(fileName, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonObject o = document.object();
    if (parseError.error != QJsonParseError::NoError || !o.value(QStringLiteral("python")).isString()
        || !o.value(QStringLiteral("javascript")).isString()) {
        if (error)
            *error = tr("%1 is not a snippets file (a JSON object with \"python\" and \"javascript\" texts, as "
                        "Save... writes).")
                         .arg(fileName);
        return false;
    }
    setCode(o.value(QStringLiteral("python")).toString(), o.value(QStringLiteral("javascript")).toString(),
            o.value(QStringLiteral("expected")).toString());
    m_status->setText(tr("Opened %1").arg(fileName));
    return true;
}

void CustomCodePanel::saveWithDialog()
{
    const QString fileName =
        QFileDialog::getSaveFileName(this, tr("Save snippets"), tr("snippets.json"), tr("Snippets (*.json)"));
    if (fileName.isEmpty())
        return;
    QString error;
    m_status->setText(saveSnippets(fileName, &error) ? tr("Saved %1").arg(fileName) : error);
}

void CustomCodePanel::openWithDialog()
{
    const QString fileName =
        QFileDialog::getOpenFileName(this, tr("Open snippets"), QString(), tr("Snippets (*.json);;All files (*)"));
    if (fileName.isEmpty())
        return;
    QString error;
    if (!openSnippets(fileName, &error))
        m_status->setText(error);
}

void CustomCodePanel::restoreSettings(const QSettings& settings)
{
    if (!settings.contains(QStringLiteral("custom/python")))
        return;  // the example stays
    setCode(settings.value(QStringLiteral("custom/python")).toString(),
            settings.value(QStringLiteral("custom/javascript")).toString(),
            settings.value(QStringLiteral("custom/expected")).toString());
}

void CustomCodePanel::saveSettings(QSettings& settings) const
{
    settings.setValue(QStringLiteral("custom/python"), m_python->toPlainText());
    settings.setValue(QStringLiteral("custom/javascript"), m_javascript->toPlainText());
    settings.setValue(QStringLiteral("custom/expected"), m_expected->text());
}

bool CustomCodePanel::isolate() const
{
    return m_isolate->isChecked();
}

void CustomCodePanel::setRunning(bool running, bool ownRace)
{
    const QString racing = tr("Racing...");
    const QString waiting = tr("A benchmark run is in progress: Race is available when it ends.");
    m_race->setEnabled(!running);
    m_isolate->setEnabled(!running);
    if (running && ownRace) {
        clearMarks();
        m_status->setText(racing);
    } else if (running) {
        m_status->setText(waiting);
    } else if (m_status->text() == racing || m_status->text() == waiting) {
        m_status->clear();  // nothing went wrong, or the run was not a race of this panel
    }
}

void CustomCodePanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange && m_pythonHighlighter) {
        m_pythonHighlighter->followPalette(palette());
        m_javascriptHighlighter->followPalette(palette());
    }
    QWidget::changeEvent(event);
}

const Workload* CustomCodePanel::prepareWorkload()
{
    clearMarks();
    m_workload.reset();
    QJsonObject manifest{
        {QStringLiteral("schema_version"), 1},
        {QStringLiteral("id"), QStringLiteral("custom")},
        {QStringLiteral("title"), tr("Your own code")},
        {QStringLiteral("category"), QStringLiteral("custom")},
        {QStringLiteral("description"), tr("A Python and a JavaScript function written in the workbench.")},
        {QStringLiteral("implementations"),
         QJsonArray{QJsonObject{{QStringLiteral("language"), QStringLiteral("python")},
                                {QStringLiteral("file"), QString::fromLatin1(kPythonFile)}},
                    QJsonObject{{QStringLiteral("language"), QStringLiteral("javascript")},
                                {QStringLiteral("file"), QString::fromLatin1(kJavaScriptFile)}}}},
    };
    const QString expected = m_expected->text().trimmed();
    if (!expected.isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument wrapped = QJsonDocument::fromJson("[" + expected.toUtf8() + "]", &parseError);
        if (parseError.error != QJsonParseError::NoError || wrapped.array().size() != 1) {
            m_status->setText(tr("The expected answer must be a JSON value (a number, \"a string\", [1, 2], ...): %1")
                                  .arg(parseError.errorString()));
            return nullptr;
        }
        manifest[QStringLiteral("expected")] = QJsonArray{
            QJsonObject{{QStringLiteral("params"), QJsonObject{}}, {QStringLiteral("answer"), wrapped.array().at(0)}}};
    }

    // A fresh folder per race: the interpreters cache modules by path, and the old workload is no longer in use.
    m_folder = std::make_unique<QTemporaryDir>();
    const QString dir = m_folder->path() + QStringLiteral("/custom");
    if (!m_folder->isValid() || !QDir().mkpath(dir)
        || !writeFile(dir + QStringLiteral("/manifest.json"), QJsonDocument(manifest).toJson())
        || !writeFile(dir + QLatin1Char('/') + QLatin1String(kPythonFile), m_python->toPlainText().toUtf8())
        || !writeFile(dir + QLatin1Char('/') + QLatin1String(kJavaScriptFile), m_javascript->toPlainText().toUtf8())) {
        m_status->setText(
            tr("Could not write the temporary workload folder; check free space in %1.").arg(QDir::tempPath()));
        return nullptr;
    }
    std::vector<CatalogError> errors;
    m_workload = Catalog::loadManifest((dir + QStringLiteral("/manifest.json")).toStdString(), errors);
    if (!m_workload) {
        QStringList messages;
        for (const auto& e : errors)
            messages << QString::fromStdString(e.toString());
        m_status->setText(messages.join(QLatin1Char('\n')));
        return nullptr;
    }
    return &*m_workload;
}

void CustomCodePanel::showResult(const Result& result)
{
    const QString series = QString::fromStdString(result.seriesName());
    if (result.ok()) {
        m_status->setText(m_status->text() == tr("Racing...") ? QString() : m_status->text());
        return;
    }
    const QString message = QString::fromStdString(result.failure.message);
    const QString file = QString::fromStdString(result.failure.file);
    QPlainTextEdit* editor = nullptr;
    QLabel* error = nullptr;
    if (file.endsWith(QLatin1String(kPythonFile))) {
        editor = m_python;
        error = m_pythonError;
    } else if (file.endsWith(QLatin1String(kJavaScriptFile))) {
        editor = m_javascript;
        error = m_javascriptError;
    }
    if (editor && result.failure.line > 0) {
        markLine(editor, result.failure.line);
        error->setText(tr("Line %1: %2").arg(result.failure.line).arg(message));
        error->setVisible(true);
    }
    m_status->setText(series + QStringLiteral(": ") + message);
}

void CustomCodePanel::clearMarks()
{
    m_python->setExtraSelections({});
    m_javascript->setExtraSelections({});
    m_pythonError->setVisible(false);
    m_javascriptError->setVisible(false);
}

void CustomCodePanel::markLine(QPlainTextEdit* editor, int line)
{
    const QTextBlock block = editor->document()->findBlockByLineNumber(line - 1);
    if (!block.isValid())
        return;
    QTextEdit::ExtraSelection selection;
    selection.format.setBackground(QColor(0xD5, 0x5E, 0x00, 70));
    selection.format.setProperty(QTextFormat::FullWidthSelection, true);
    selection.cursor = QTextCursor(block);
    editor->setExtraSelections({selection});
    editor->setTextCursor(selection.cursor);
    editor->centerCursor();
}

}  // namespace versus::gui
