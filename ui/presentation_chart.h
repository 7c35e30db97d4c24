// The one chart of a demo in presentation mode, drawn for a projector: thick lines, big tick labels, a large title,
// in the presentation theme. Samples: per-call time of each sample in order; Bars: the median per series; Speedup:
// each series' speed-up with a line at 1x. GUI thread only.
#pragma once

#include <QWidget>

#include <vector>

#include "demo_catalog.h"

class QCustomPlot;

namespace versus::gui {

struct PresentationTheme;

class PresentationChart final : public QWidget {
    Q_OBJECT
public:
    explicit PresentationChart(QWidget* parent = nullptr);
    /// Draws `demo`'s chart from its series' samples (ns per call, or ms for start-up) and the reveal's bar values.
    void show(const claims::Demo& demo, const std::vector<std::vector<double>>& samples,
              const claims::DemoReveal& reveal, const PresentationTheme& theme, int height);
    QCustomPlot* plot() const { return m_plot; }

private:
    void drawSamples(const claims::Demo& demo, const std::vector<std::vector<double>>& samples,
                     const PresentationTheme& theme, int height);
    void drawBars(const claims::Demo& demo, const claims::DemoReveal& reveal, const PresentationTheme& theme,
                  int height);

    QCustomPlot* m_plot = nullptr;
};

/// How a value of `demo` reads with its unit: "1.23 ms", "45.6 µs" (per call), "38 ms" (start-up), "2.1x".
QString formatDemoValue(const claims::Demo& demo, double value);

}  // namespace versus::gui
