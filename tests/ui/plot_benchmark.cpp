// Figures for the README, not a timed test: batched appends and replot time of a 1,000,000-point live series, and
// the cost of one 30 ms drain tick. Run: QT_QPA_PLATFORM=offscreen build/tests/ui/versus_ui_plot_benchmark
#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

#include <qcustomplot.h>

#include "sample_store.h"
#include "throughput_plot.h"

using namespace versus;
using namespace versus::gui;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const int points = argc > 1 ? std::atoi(argv[1]) : 1000000;
    const int batches = 1000;  // ~ one drain tick every 30 ms for 30 s
    SampleStore store;
    ThroughputPlot plot(store);
    plot.resize(1200, 600);
    plot.show();
    plot.showView(QStringLiteral("bench"));

    QElapsedTimer clock;
    std::vector<double> tickMs;
    int index = 0;
    for (int b = 0; b < batches; ++b) {
        clock.start();
        for (int i = 0; i < points / batches; ++i, ++index) {
            Sample s;
            s.index = index;
            s.warmup = index < 3;
            s.innerLoops = 1000;
            s.elapsedNs = 1000000 + (index % 97) * 1000;
            s.heapBytes = 1 << 20;
            store.add(chartView("bench", {}), QStringLiteral("node"), QStringLiteral("plain"), s);
        }
        plot.refresh();  // one batched addData per graph, like MainWindow::drainEvents
        tickMs.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::sort(tickMs.begin(), tickMs.end());
    std::printf("%d points appended in %d batches: tick median %.3f ms, max %.3f ms\n", points, batches,
                tickMs[tickMs.size() / 2], tickMs.back());

    std::vector<double> replotMs;
    for (int i = 0; i < 20; ++i) {
        clock.start();
        plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
        replotMs.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::sort(replotMs.begin(), replotMs.end());
    std::printf("replot of %d points at 1200x600 (raster, adaptive sampling): median %.2f ms, max %.2f ms "
                "(QCustomPlot's own figure: %.2f ms)\n",
                plot.dataPointCount(), replotMs[replotMs.size() / 2], replotMs.back(), plot.plot()->replotTime(false));
    return 0;
}
