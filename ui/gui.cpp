// Starts the Qt application and the main window; `versus FILE.json` opens a results file in it (two: compared),
// `versus --screenshot FILE` renders a tiny live run to FILE (with a results file: that file, shown),
// `versus --screenshot-startup FILE` the Start-up tab after a measurement.
#include "gui.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>
#include <optional>

#include "builtin_runtimes.h"
#include "catalog.h"
#include "journal_location.h"
#include "main_window.h"
#include "results_actions.h"
#include "results_model.h"
#include "run_panel.h"
#include "runtime_registry.h"
#include "startup_view.h"

#ifndef VERSUS_VERSION
#define VERSUS_VERSION "0.0.0"
#endif

namespace versus::gui {

namespace {

constexpr int kScreenshotTimeoutMs = 120000;

/// Saves the window to `file` and ends the event loop with 0, or 1 when it cannot be written.
void saveAndExit(QApplication& app, MainWindow& window, const QString& file)
{
    // Two event-loop passes: the queued replots run, then the window is painted into the pixmap.
    QTimer::singleShot(200, &window, [&app, &window, file] {
        const QPixmap pixmap = window.grab();
        if (pixmap.isNull() || !pixmap.save(file)) {
            std::fprintf(stderr, "versus: could not write the screenshot to %s\n", qPrintable(file));
            app.exit(1);
            return;
        }
        std::fprintf(stderr, "versus: wrote %s (%dx%d)\n", qPrintable(file), pixmap.width(), pixmap.height());
        app.exit(0);
    });
}

/// Measures start-up with the tab's default counts, then grabs the window on that tab. 0 on success.
int takeStartupScreenshot(QApplication& app, MainWindow& window, const QString& file)
{
    window.resize(1400, 900);
    window.show();
    StartupView* startup = window.startupView();
    window.showStartupTab();
    QObject::connect(startup, &StartupView::finished, &window, [&] { saveAndExit(app, window, file); });
    QTimer::singleShot(0, &window, [&] {
        if (!startup->start()) {
            std::fprintf(stderr, "versus: the start-up measurement did not start\n");
            app.exit(1);
        }
    });
    return QApplication::exec();
}

/// Runs fib on Python and Node.js with tiny parameters, waits for the plan, grabs the window. 0 on success.
int takeScreenshot(QApplication& app, MainWindow& window, const QString& file)
{
    window.resize(1400, 900);
    window.show();
    RunPanel* panel = window.runPanel();
    panel->setCheckedWorkloads({QStringLiteral("fib")});
    panel->setCheckedRuntimes({QStringLiteral("python"), QStringLiteral("node")});
    panel->selectWorkload(QStringLiteral("fib"));
    panel->useTinyParameters();
    panel->setSampling(3, 15, 20);
    QObject::connect(&window, &MainWindow::planFinished, &window, [&](bool) { saveAndExit(app, window, file); });
    QTimer::singleShot(0, &window, [&] {
        if (!window.startRun()) {
            std::fprintf(stderr, "versus: the screenshot run did not start: %s\n", qPrintable(panel->runMessage()));
            app.exit(1);
        }
    });
    QTimer::singleShot(kScreenshotTimeoutMs, &window, [&] {
        std::fprintf(stderr, "versus: the screenshot run did not finish within %d s\n", kScreenshotTimeoutMs / 1000);
        app.exit(1);
    });
    return QApplication::exec();
}

/// Shows one results file (or compares two) as File > Open does, then grabs the window. 0 on success.
int takeOpenedScreenshot(QApplication& app, MainWindow& window, const QStringList& files, const QString& file)
{
    window.resize(1400, 900);
    window.show();
    if (files.size() != 1) {
        std::fprintf(stderr, "versus: --screenshot shows one results file, not %lld\n",
                     static_cast<long long>(files.size()));
        return 2;
    }
    QString error;
    if (!window.resultsActions()->showResultsFile(files.first(), &error)) {
        std::fprintf(stderr, "versus: %s\n", qPrintable(error));
        return 1;
    }
    std::fprintf(stderr, "versus: showing %s: %d result(s)\n", qPrintable(files.first()),
                 window.resultsModel()->rowCount());
    saveAndExit(app, window, file);
    return QApplication::exec();
}

struct WindowArguments {
    QString screenshot, startupScreenshot;
    QStringList files;  ///< results files to open
};

/// The words `versus` passes (Qt's own options are gone by now): --screenshot FILE, --screenshot-startup FILE, and
/// the results files to open. Says what is wrong and returns nothing for anything else.
std::optional<WindowArguments> parseArguments(const QStringList& words)
{
    WindowArguments parsed;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString& word = words.at(i);
        if (!word.startsWith(QLatin1String("--"))) {
            parsed.files.push_back(word);
            continue;
        }
        if (word != QLatin1String("--screenshot") && word != QLatin1String("--screenshot-startup")) {
            std::fprintf(stderr, "versus: unexpected argument '%s' (see versus --help)\n", qPrintable(word));
            return std::nullopt;
        }
        if (i + 1 >= words.size()) {
            std::fprintf(stderr, "versus: %s needs a file name, e.g. versus %s shot.png\n", qPrintable(word),
                         qPrintable(word));
            return std::nullopt;
        }
        (word == QLatin1String("--screenshot") ? parsed.screenshot : parsed.startupScreenshot) = words.at(++i);
    }
    return parsed;
}

}  // namespace

int main(int argc, char** argv)
{
    QElapsedTimer startup;
    startup.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Versus"));
    QApplication::setOrganizationName(QStringLiteral("Versus"));
    QApplication::setApplicationVersion(QStringLiteral(VERSUS_VERSION));

    const auto parsed = parseArguments(QApplication::arguments().mid(1));
    if (!parsed)
        return 2;
    const WindowArguments& args = *parsed;
    const bool screenshot = !args.screenshot.isEmpty() || !args.startupScreenshot.isEmpty();

    // The registry lives as long as the process: each embedded interpreter is created once, on first use.
    RuntimeRegistry registry;
    registerBuiltinRuntimes(registry);
    MainWindow window(registry, Catalog::load(workloadsDirectory()), MainWindow::Options{!screenshot});
    if (!args.startupScreenshot.isEmpty())
        return takeStartupScreenshot(app, window, QFileInfo(args.startupScreenshot).absoluteFilePath());
    if (!args.screenshot.isEmpty() && !args.files.isEmpty())
        return takeOpenedScreenshot(app, window, args.files, QFileInfo(args.screenshot).absoluteFilePath());
    if (!args.screenshot.isEmpty())
        return takeScreenshot(app, window, QFileInfo(args.screenshot).absoluteFilePath());
    window.show();
    // Start-up benchmark (README figure): prints the time to a shown window after one event-loop pass and quits.
    if (qEnvironmentVariableIsSet("VERSUS_STARTUP_TIMING"))
        QTimer::singleShot(0, &window, [&] {
            std::fprintf(stderr, "versus: window up in %lld ms after QApplication\n",
                         static_cast<long long>(startup.elapsed()));
            app.quit();
        });
    else if (!args.files.isEmpty())  // asked for: shown instead of offering the journal (kept for the next start)
        QTimer::singleShot(0, &window,
                           [&window, files = args.files] { window.resultsActions()->openResultsFiles(files); });
    else
        QTimer::singleShot(0, &window, [&window] {
            const QString journal = QString::fromStdString(gui::defaultJournalPath().string());
            window.resultsActions()->offerJournalRecovery(journal);
        });
    return QApplication::exec();
}

}  // namespace versus::gui
