// Builds hidden plot widgets from results and lays them out on a page for PNG, SVG and PDF output.
#include "chart_set.h"

#include <QWidget>

#include <qcustomplot.h>

#include <algorithm>
#include <thread>

#include "catalog.h"
#include "connection_memory_plot.h"
#include "distribution_plot.h"
#include "http_latency_plot.h"
#include "memory_plot.h"
#include "sample_store.h"
#include "scaling_plot.h"
#include "summary_plot.h"
#include "throughput_plot.h"

namespace versus::gui {

namespace {

constexpr int kColumns = 2;

}  // namespace

ChartSet::ChartSet(const ResultsDocument& document, const Catalog& catalog, Contents contents)
    : m_store(std::make_unique<SampleStore>()), m_host(std::make_unique<QWidget>())
{
    const std::vector<Result>& results = document.results;
    m_store->setCallUnits(callUnitsOf(catalog));
    for (const Result& r : results)
        m_store->addMeasured(r);
    std::map<std::string, std::string> claims;
    for (const Workload& w : catalog.workloads())
        if (!w.claim.empty())
            claims[w.id] = w.claim;
    auto* summary = new SummaryPlot(m_host.get());
    summary->setWorkloadClaims(std::move(claims));
    summary->setResults(results);
    m_plots.push_back(summary);
    std::map<QString, QString> titles;
    for (const Result& r : results)
        titles.emplace(QString::fromStdString(r.workloadId), QString::fromStdString(r.workloadTitle));
    for (const ChartView& view : m_store->views()) {
        const QString title = chartViewTitle(
            view, m_store->views(), titles[view.workloadId].isEmpty() ? view.workloadId : titles[view.workloadId]);
        auto* throughput = new ThroughputPlot(*m_store, m_host.get());
        throughput->setTitle(QObject::tr("%1: throughput over time").arg(title));
        throughput->showView(view.id);
        m_plots.push_back(throughput);
        if (contents == Contents::Page)
            continue;
        auto* memory = new MemoryPlot(*m_store, m_host.get());
        memory->showDocumentMemory(document);
        memory->showView(view.id);
        memory->setTitle(QStringLiteral("%1: %2").arg(title, memory->title()));
        m_plots.push_back(memory);
        auto* distribution = new DistributionPlot(*m_store, m_host.get());
        distribution->showView(view.id);
        distribution->setTitle(QStringLiteral("%1: %2").arg(title, distribution->title()));
        m_plots.push_back(distribution);
    }
    if (contents == Contents::Page)
        return;
    // The charts the window shows for the whole run when its results call for them, as it shows them.
    auto* latency = new HttpLatencyPlot(m_host.get());
    latency->showResults(results);
    addIfDrawn(latency, latency->hasResults());
    const int cores = document.environment.logicalCores > 0 ? document.environment.logicalCores
                                                            : int(std::thread::hardware_concurrency());
    auto* scaling = new ScalingPlot(unsigned(std::max(cores, 1)), m_host.get());
    scaling->setResults(results);
    addIfDrawn(scaling, scaling->seriesCount() > 0);
    auto* connections = new ConnectionMemoryPlot(m_host.get());
    connections->setResults(results);
    addIfDrawn(connections, connections->seriesCount() > 0);
}

void ChartSet::addIfDrawn(PlotWidget* plot, bool drawn)
{
    if (drawn)
        m_plots.push_back(plot);
    else
        delete plot;
}

ChartSet::~ChartSet() = default;

QSize ChartSet::pageSize(QSize requested) const
{
    const int workloads = int(m_plots.size()) - 1;
    const int rows = 1 + std::max(1, (workloads + kColumns - 1) / kColumns);
    return {requested.width(), rows * (requested.height() / 2)};
}

void ChartSet::paint(QCPPainter& painter, QSize requested) const
{
    const int rowHeight = requested.height() / 2;
    const int workloads = int(m_plots.size()) - 1;
    const int columns = std::min(kColumns, std::max(1, workloads));
    for (std::size_t i = 0; i < m_plots.size(); ++i) {
        QRect cell(0, 0, requested.width(), rowHeight);
        if (i > 0) {
            const int k = int(i) - 1;
            const int width = requested.width() / columns;
            cell = QRect((k % columns) * width, (1 + k / columns) * rowHeight, width, rowHeight);
        }
        painter.save();
        painter.translate(cell.topLeft());
        m_plots[i]->paint(painter, cell.size());
        painter.restore();
    }
}

}  // namespace versus::gui
