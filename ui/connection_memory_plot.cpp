// The memory-against-connections chart (see connection_memory_plot.h).
#include "connection_memory_plot.h"

#include <qcustomplot.h>

#include <algorithm>
#include <map>

#include "runtime_palette.h"

namespace versus::gui {

namespace {

constexpr double kMiB = 1024.0 * 1024.0;
const QString kAtPrefix = QStringLiteral("rss_delta_bytes_at_");

QString bytesText(double bytes)
{
    return bytes >= kMiB ? QStringLiteral("%1 MiB").arg(bytes / kMiB, 0, 'f', 2)
                         : QStringLiteral("%1 KiB").arg(bytes / 1024, 0, 'f', 1);
}

}  // namespace

ConnectionMemoryPlot::ConnectionMemoryPlot(QWidget* parent) : PlotWidget(tr("Memory against idle connections"), parent)
{
    plot()->xAxis->setLabel(tr("idle connections held"));
    plot()->yAxis->setLabel(tr("runtime RSS growth (MiB)"));
    plot()->legend->setVisible(true);
    setEmptyMessage(tr("Memory per connection appears here as idle_connections results complete"));
}

void ConnectionMemoryPlot::setResults(const std::vector<Result>& results)
{
    QCustomPlot* p = plot();
    p->clearPlottables();
    for (QCPAbstractItem* item : m_items)
        p->removeItem(item);
    m_items.clear();
    m_series = 0;
    m_maxConnections = 1;
    m_maxMb = 0.1;
    for (const Result& r : results) {
        if (r.workloadId != "idle_connections" || !r.ok() || !r.reported.count("bytes_per_connection"))
            continue;
        std::map<double, double> points;  // connections -> MiB
        for (const auto& [key, value] : r.reported) {
            const QString name = QString::fromStdString(key);
            if (name.startsWith(kAtPrefix))
                points[name.mid(kAtPrefix.size()).toDouble()] = value / kMiB;
        }
        const SeriesStyle style =
            RuntimePalette::style(QString::fromStdString(r.runtimeId), QString::fromStdString(r.flavour));
        QCPGraph* graph = p->addGraph();
        graph->setName(
            tr("%1: %2/conn.")
                .arg(QString::fromStdString(r.seriesName()), bytesText(r.reported.at("bytes_per_connection"))));
        graph->setPen(style.pen(1.5));
        graph->setScatterStyle(style.marker(6));
        tagSeries(graph,
                  RuntimePalette::seriesKey(QString::fromStdString(r.runtimeId), QString::fromStdString(r.flavour)));
        for (const auto& [connections, mb] : points) {
            graph->addData(connections, mb);
            m_maxConnections = std::max(m_maxConnections, connections);
            m_maxMb = std::max(m_maxMb, mb);
        }
        ++m_series;
    }
    if (m_series > 0) {
        // The article's figures: an event loop holds a connection in about 2 KB, a thread in about 1 MB.
        const auto reference = [&](double bytesPerConnection, const QString& name, const QColor& color) {
            QCPGraph* line = p->addGraph();
            line->setName(name);
            line->setPen(QPen(color, 1, Qt::DashLine));
            line->addData(0, 0);
            line->addData(m_maxConnections, m_maxConnections * bytesPerConnection / kMiB);
        };
        reference(2048, tr("article: event loop, 2 KB"), QColor(120, 120, 120));
        reference(kMiB, tr("article: thread, 1 MB"), QColor(200, 80, 80));
        // "Node.js holds 10,000 concurrent connections in about 20 MB".
        auto* marker = new QCPItemTracer(p);
        marker->position->setCoords(10000, 20);
        marker->setStyle(QCPItemTracer::tsCircle);
        marker->setSize(10);
        marker->setPen(QPen(QColor(120, 120, 120)));
        auto* label = new QCPItemText(p);
        label->position->setCoords(10000, 20);
        label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        label->setText(tr("article: Node.js, 10,000 in ~20 MB"));
        label->setColor(QColor(120, 120, 120));
        m_items = {marker, label};
    }
    fitAxes();
    requestReplot();
}

QString ConnectionMemoryPlot::describePoint(QCPAbstractPlottable* plottable, int index) const
{
    const QCPGraphData* point = graphPoint(plottable, index);
    if (!point)
        return {};
    return tr("%1\n%2 connections: %3 MiB").arg(seriesNameOf(plottable)).arg(point->key).arg(point->value, 0, 'f', 2);
}

void ConnectionMemoryPlot::fitAxes()
{
    // The data decides the axes; the 1 MB/thread line leaves the top, which is the point it makes.
    plot()->xAxis->setRange(0, m_maxConnections * 1.05);
    plot()->yAxis->setRange(0, std::max(m_maxMb, m_maxConnections >= 10000 ? 22.0 : 0.0) * 1.15);
}

}  // namespace versus::gui
