// The scaling chart (see scaling_plot.h): speedupTable() from core, drawn.
#include "scaling_plot.h"

#include <qcustomplot.h>

#include <algorithm>

#include "runtime_palette.h"
#include "speedup.h"

namespace versus::gui {

ScalingPlot::ScalingPlot(unsigned cores, QWidget* parent)
    : PlotWidget(tr("Speed-up against workers"), parent), m_cores(std::max(1u, cores))
{
    plot()->xAxis->setLabel(tr("workers"));
    plot()->yAxis->setLabel(tr("speed-up against one thread (x)"));
    plot()->legend->setVisible(true);
    setEmptyMessage(tr("The speed-up of each model appears here as the steps of cpu_parallel complete"));
}

void ScalingPlot::setResults(const std::vector<Result>& results, const std::string& workloadId,
                             const std::string& stepParameter)
{
    QCustomPlot* p = plot();
    p->clearPlottables();
    for (QCPAbstractItem* item : m_items)
        p->removeItem(item);
    m_items.clear();
    m_series = 0;
    const SpeedupTable table = speedupTable(results, workloadId, stepParameter);
    m_maxStep = std::max<double>(m_cores, table.steps.empty() ? 1.0 : static_cast<double>(table.steps.back()));
    m_maxSpeedup = 1;
    for (const SpeedupSeries& series : table.series) {
        QCPGraph* graph = p->addGraph();
        const SeriesStyle style =
            RuntimePalette::style(QString::fromStdString(series.runtimeId), QString::fromStdString(series.flavour));
        graph->setName(QString::fromStdString(series.name));
        graph->setPen(style.pen(1.5));
        graph->setScatterStyle(style.marker(6));
        tagSeries(graph,
                  RuntimePalette::seriesKey(QString::fromStdString(series.runtimeId),
                                            QString::fromStdString(series.flavour)));
        for (std::size_t i = 0; i < table.steps.size(); ++i)
            if (series.speedup[i]) {
                graph->addData(static_cast<double>(table.steps[i]), *series.speedup[i]);
                m_maxSpeedup = std::max(m_maxSpeedup, *series.speedup[i]);
            }
        ++m_series;
    }
    if (m_series > 0) {
        // The ideal: n workers, n times faster.
        QCPGraph* ideal = p->addGraph();
        ideal->setName(tr("ideal (speed-up = workers)"));
        QPen dashed(QColor(128, 128, 128), 1, Qt::DashLine);
        ideal->setPen(dashed);
        ideal->addData(1, 1);
        ideal->addData(m_maxStep, m_maxStep);
        // The machine's cores: more workers than this cannot run at once.
        auto* coresLine = new QCPItemStraightLine(p);
        coresLine->setPen(QPen(QColor(200, 80, 80), 1, Qt::DotLine));
        coresLine->point1->setCoords(m_cores, 0);
        coresLine->point2->setCoords(m_cores, 1);
        auto* coresLabel = new QCPItemText(p);
        coresLabel->setText(tr("%n core(s)", nullptr, static_cast<int>(m_cores)));
        coresLabel->setColor(QColor(200, 80, 80));
        coresLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        coresLabel->position->setCoords(m_cores, 0.04);
        coresLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
        coresLabel->setPadding(QMargins(0, 0, 4, 0));
        m_items = {coresLine, coresLabel};
    }
    fitAxes();
    requestReplot();
}

QString ScalingPlot::describePoint(QCPAbstractPlottable* plottable, int index) const
{
    const QCPGraphData* point = graphPoint(plottable, index);
    if (!point)
        return {};
    return tr("%1\n%2 workers: %3x").arg(seriesNameOf(plottable)).arg(point->key).arg(point->value, 0, 'f', 2);
}

void ScalingPlot::fitAxes()
{
    plot()->xAxis->setRange(0.5, m_maxStep + 0.5);
    plot()->yAxis->setRange(0, std::max(m_maxSpeedup, m_maxStep) * 1.1);
}

}  // namespace versus::gui
