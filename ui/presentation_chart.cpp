// The presentation's chart.
#include "presentation_chart.h"

#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include <qcustomplot.h>

#include "presentation_theme.h"
#include "qstring_conversion.h"

namespace versus::gui {

namespace {

/// ns per call in the unit that keeps the numbers short; start-up is in ms already.
struct Scale {
    double divisor = 1;
    QString unit;
};

Scale scaleFor(const claims::Demo& demo, double largest)
{
    if (demo.kind == claims::DemoKind::Startup)
        return {1, QStringLiteral("ms")};
    if (largest >= 1e6)
        return {1e6, QStringLiteral("ms")};
    if (largest >= 1e3)
        return {1e3, QStringLiteral("\u00b5s")};
    return {1, QStringLiteral("ns")};
}

void styleAxis(QCPAxis* axis, const PresentationTheme& theme, int height)
{
    const QPen pen(theme.text, std::max(2, height / 400));
    axis->setBasePen(pen);
    axis->setTickPen(pen);
    axis->setSubTickPen(pen);
    axis->setTickLabelColor(theme.text);
    axis->setLabelColor(theme.text);
    axis->setTickLabelFont(PresentationTheme::font(height, 1.0));
    axis->setLabelFont(PresentationTheme::font(height, 1.0, true));
    axis->grid()->setPen(QPen(theme.muted, 1, Qt::DotLine));
}

}  // namespace

QString formatDemoValue(const claims::Demo& demo, double value)
{
    if (!std::isfinite(value))
        return PresentationChart::tr("not measured");
    if (demo.chart == claims::DemoChart::Speedup)
        return QStringLiteral("%1x").arg(value, 0, 'f', 2);
    const Scale s = scaleFor(demo, value);
    const double v = value / s.divisor;
    return QStringLiteral("%1 %2").arg(v, 0, 'f', v >= 100 ? 0 : v >= 10 ? 1 : 2).arg(s.unit);
}

PresentationChart::PresentationChart(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_plot = new QCustomPlot(this);
    layout->addWidget(m_plot);
}

void PresentationChart::show(const claims::Demo& demo, const std::vector<std::vector<double>>& samples,
                             const claims::DemoReveal& reveal, const PresentationTheme& theme, int height)
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_plot->setBackground(theme.background);
    m_plot->legend->setVisible(false);
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis})
        styleAxis(axis, theme, height);
    if (demo.chart == claims::DemoChart::Samples)
        drawSamples(demo, samples, theme, height);
    else
        drawBars(demo, reveal, theme, height);
    m_plot->replot();
}

void PresentationChart::drawSamples(const claims::Demo& demo, const std::vector<std::vector<double>>& samples,
                                    const PresentationTheme& theme, int height)
{
    double largest = 0, smallest = 0, count = 0;
    for (const auto& s : samples)
        for (double v : s) {
            largest = std::max(largest, v);
            smallest = smallest > 0 ? std::min(smallest, v) : v;
            count = std::max(count, double(s.size()));
        }
    const Scale scale = scaleFor(demo, largest);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(PresentationTheme::font(height, 1.0, true));
    m_plot->legend->setTextColor(theme.text);
    m_plot->legend->setBrush(theme.background);
    m_plot->legend->setBorderPen(QPen(theme.text, 2));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    for (std::size_t i = 0; i < samples.size() && i < demo.series.size(); ++i) {
        QCPGraph* graph = m_plot->addGraph();
        graph->setName(toQString(demo.series[i].label));
        graph->setPen(QPen(theme.series(int(i)), std::max(4, height / 180)));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, theme.series(int(i)), height / 90));
        for (std::size_t k = 0; k < samples[i].size(); ++k)
            graph->addData(double(k + 1), samples[i][k] / scale.divisor);
    }
    // The runtimes differ by tens of times: a log axis keeps both lines and their warm-up in view.
    m_plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    m_plot->yAxis->setNumberFormat(QStringLiteral("gb"));
    m_plot->yAxis->setRange(smallest / scale.divisor / 1.5, largest / scale.divisor * 1.5);
    m_plot->yAxis->setLabel(tr("time per call (%1, log scale)").arg(scale.unit));
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    m_plot->xAxis->setRange(0.5, count + 0.5);
    m_plot->xAxis->setLabel(tr("call number"));
}

void PresentationChart::drawBars(const claims::Demo& demo, const claims::DemoReveal& reveal,
                                 const PresentationTheme& theme, int height)
{
    const bool speedup = demo.chart == claims::DemoChart::Speedup;
    double largest = 0;
    for (double v : reveal.barValues)
        if (std::isfinite(v))
            largest = std::max(largest, v);
    const Scale scale = speedup ? Scale{1, QStringLiteral("x")} : scaleFor(demo, largest);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    const int n = int(demo.series.size());
    // Horizontal bars, the first series on top: labels read left to right at any length.
    for (int i = 0; i < n; ++i) {
        const double y = n - i;
        ticker->addTick(y, toQString(demo.series[std::size_t(i)].label));
        const double value = i < int(reveal.barValues.size()) ? reveal.barValues[std::size_t(i)] : NAN;
        auto* bars = new QCPBars(m_plot->yAxis, m_plot->xAxis);
        bars->setWidth(0.6);
        bars->setPen(QPen(theme.text, 2));
        bars->setBrush(theme.series(i));
        if (std::isfinite(value))
            bars->addData(y, value / scale.divisor);
        auto* text = new QCPItemText(m_plot);
        text->position->setAxes(m_plot->xAxis, m_plot->yAxis);
        text->position->setCoords(std::isfinite(value) ? value / scale.divisor : 0, y);
        text->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        text->setPadding(QMargins(12, 0, 0, 0));
        text->setText(formatDemoValue(demo, value));
        text->setFont(PresentationTheme::font(height, 1.1, true));
        text->setColor(theme.text);
    }
    m_plot->yAxis->setScaleType(QCPAxis::stLinear);
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRange(0.4, n + 0.6);
    m_plot->yAxis->setLabel({});
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    m_plot->xAxis->setRange(0, largest / scale.divisor * 1.3);  // room for the value beside the longest bar
    if (speedup) {
        m_plot->xAxis->setLabel(tr("speed-up over one worker (x)"));
        auto* one = new QCPItemStraightLine(m_plot);
        one->point1->setCoords(1, 0);
        one->point2->setCoords(1, 1);
        one->setPen(QPen(theme.text, std::max(3, height / 300), Qt::DashLine));
    } else {
        m_plot->xAxis->setLabel(demo.kind == claims::DemoKind::Startup
                                    ? tr("start-up, median (ms): shorter is faster")
                                    : tr("time per call, median (%1): shorter is faster").arg(scale.unit));
    }
}

}  // namespace versus::gui
