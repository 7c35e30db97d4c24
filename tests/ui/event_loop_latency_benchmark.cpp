// Benchmark for the README, not a test: how late the GUI event loop runs a 1 ms timer while two embedded runtimes
// race, streaming samples as fast as they can (fib n=5, one call per sample, no minimum sample time).
// Then how long Stop takes: from stopRun() (what Esc does) until the window is ready for the next run, while fib
// n=30 runs inside each embedded interpreter.
// Usage: versus_ui_latency_benchmark [SCREENSHOT.png]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include <QApplication>
#include <QEventLoop>
#include <QLineEdit>
#include <QElapsedTimer>
#include <QPixmap>
#include <QStandardPaths>
#include <QTimer>

#include "builtin_runtimes.h"
#include "catalog.h"
#include "main_window.h"
#include "run_panel.h"
#include "parameter_editor.h"

using namespace versus;
using namespace versus::gui;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    RuntimeRegistry registry;
    registerBuiltinRuntimes(registry);
    MainWindow window(registry, Catalog::load(workloadsDirectory()), MainWindow::Options{false});
    window.resize(1400, 900);
    window.show();
    window.runPanel()->setCheckedWorkloads({"fib"});
    window.runPanel()->setCheckedRuntimes({"python", "node"});
    window.runPanel()->useTinyParameters();
    window.runPanel()->setSampling(0, 20000, 0);
    window.runPanel()->setRunPlanOptions(RunOrder::Race, 0, 0);

    // A 1 ms timer measures how late the loop gets to it: its lateness is the loop's latency.
    std::vector<double> latenciesMs;
    QElapsedTimer clock;
    qint64 expected = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (expected > 0)
            latenciesMs.push_back(std::max<qint64>(0, now - expected) / 1e6);
        expected = now + 1'000'000;
    });
    QObject::connect(&window, &MainWindow::planFinished, &app, &QApplication::quit);
    if (!window.startRun()) {
        std::fprintf(stderr, "run refused: %s\n", window.runPanel()->runMessage().toUtf8().constData());
        return 2;
    }
    clock.start();
    probe.start();
    app.exec();
    if (argc > 1)  // a screenshot of the window after the run, to look at the thinned distribution and the summary
        window.grab().save(QString::fromLocal8Bit(argv[1]));
    std::sort(latenciesMs.begin(), latenciesMs.end());
    auto at = [&](double q) {
        return latenciesMs.empty() ? 0.0 : latenciesMs[static_cast<size_t>(q * (latenciesMs.size() - 1))];
    };
    std::printf("event-loop latency while two runtimes stream samples (%zu probes over %.1f s): "
                "p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                latenciesMs.size(), clock.nsecsElapsed() / 1e9, at(0.5), at(0.99), at(1.0));

    // Stop latency: each runtime alone, a call that lasts about a second in CPython, stopped mid-call.
    window.runPanel()->selectWorkload(QStringLiteral("fib"));
    auto* n = window.runPanel()->parameterEditor()->findChild<QLineEdit*>(QStringLiteral("param_n"));
    if (!n)
        return 2;
    window.runPanel()->setSampling(1, 1000, 50);
    window.runPanel()->setRunPlanOptions(RunOrder::Sequential, 0, 0);
    for (const char* runtime : {"python", "node"}) {
        window.runPanel()->setCheckedRuntimes({QString::fromLatin1(runtime)});
        n->setText(QStringLiteral("30"));
        std::vector<double> stopMs;
        for (int trial = 0; trial < 10; ++trial) {
            QEventLoop loop;
            QObject::connect(&window, &MainWindow::planFinished, &loop, &QEventLoop::quit);
            if (!window.startRun())
                return 2;
            QTimer::singleShot(400 + 37 * trial, &loop, [&] {  // at different points of the call
                clock.restart();
                window.stopRun();
            });
            loop.exec();
            stopMs.push_back(clock.nsecsElapsed() / 1e6);
        }
        std::sort(stopMs.begin(), stopMs.end());
        std::printf("Stop on %s (embedded), fib n=30, 10 trials: median %.1f ms, max %.1f ms\n", runtime,
                    stopMs[stopMs.size() / 2], stopMs.back());
    }
    return 0;
}
