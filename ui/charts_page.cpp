// The Charts tab: lays out the plots, feeds them from the run's events and shows the latest analysis.
#include "charts_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

#include <thread>

#include "catalog.h"
#include "clock.h"
#include "connection_memory_plot.h"
#include "distribution_plot.h"
#include "http_latency_plot.h"
#include "exporters.h"
#include "memory_plot.h"
#include "qstring_conversion.h"
#include "result_analyzer.h"
#include "results_file.h"
#include "sample_store.h"
#include "scaling_plot.h"
#include "summary_plot.h"
#include "throughput_plot.h"
#include "verdict_pane.h"

namespace versus::gui {

ChartsPage::ChartsPage(const Catalog& catalog, QWidget* parent)
    : QWidget(parent), m_store(std::make_unique<SampleStore>())
{
    m_analyzer = new ResultAnalyzer(this);
    connect(m_analyzer, &ResultAnalyzer::ready, this, &ChartsPage::showAnalysis);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    auto* header = new QHBoxLayout;
    m_verdicts = new VerdictPane(this);
    m_verdicts->setObjectName(QStringLiteral("verdicts"));
    m_verdicts->setMessage(tr("Pick workloads and runtimes on the left, then Run."));
    header->addWidget(m_verdicts, 1);
    header->addWidget(new QLabel(tr("Show:"), this), 0, Qt::AlignTop);
    m_shownWorkload = new QComboBox(this);
    m_shownWorkload->setObjectName(QStringLiteral("shownWorkload"));
    m_shownWorkload->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_shownWorkload->setMinimumContentsLength(16);
    m_shownWorkload->setToolTip(tr("Workload shown in the throughput, heap and distribution charts"));
    header->addWidget(m_shownWorkload, 0, Qt::AlignTop);
    m_logScale = new QCheckBox(tr("Log scale"), this);
    m_logScale->setObjectName(QStringLiteral("logScale"));
    header->addWidget(m_logScale, 0, Qt::AlignTop);
    layout->addLayout(header);
    m_environmentBanner = new QLabel(this);
    m_environmentBanner->setObjectName(QStringLiteral("environmentBanner"));
    m_environmentBanner->setWordWrap(true);
    m_environmentBanner->setTextFormat(Qt::RichText);
    m_environmentBanner->setStyleSheet(QStringLiteral(
        "QLabel { background: rgba(230, 159, 0, 45); border: 1px solid rgba(230, 159, 0, 160); border-radius: 4px;"
        " padding: 4px 8px; }"));
    m_environmentBanner->setVisible(false);
    layout->addWidget(m_environmentBanner);

    auto* grid = new QGridLayout;
    grid->setSpacing(6);
    m_throughput = new ThroughputPlot(*m_store, this);
    m_throughput->setObjectName(QStringLiteral("throughputPlot"));
    m_memory = new MemoryPlot(*m_store, this);
    m_memory->setObjectName(QStringLiteral("memoryPlot"));
    m_distribution = new DistributionPlot(*m_store, this);
    m_distribution->setObjectName(QStringLiteral("distributionPlot"));
    m_summary = new SummaryPlot(this);
    m_summary->setObjectName(QStringLiteral("summaryPlot"));
    grid->addWidget(m_throughput, 0, 0);
    grid->addWidget(m_distribution, 0, 1);
    grid->addWidget(m_memory, 1, 0);
    grid->addWidget(m_summary, 1, 1);
    layout->addLayout(grid, 1);
    // The concurrency row (issue 13): hidden until results of cpu_parallel or idle_connections arrive.
    m_scaling = new ScalingPlot(std::thread::hardware_concurrency(), this);
    m_scaling->setObjectName(QStringLiteral("scalingPlot"));
    m_connectionMemory = new ConnectionMemoryPlot(this);
    m_connectionMemory->setObjectName(QStringLiteral("connectionMemoryPlot"));
    grid->addWidget(m_scaling, 2, 0);
    grid->addWidget(m_connectionMemory, 2, 1);
    m_scaling->setVisible(false);
    m_connectionMemory->setVisible(false);
    m_httpLatency = new HttpLatencyPlot(this);  // shown only while http results are on the page
    m_httpLatency->setObjectName(QStringLiteral("httpLatencyPlot"));
    m_httpLatency->setMinimumSize(320, 200);
    m_httpLatency->setVisible(false);
    layout->addWidget(m_httpLatency, 1);
    m_plots = {m_throughput, m_memory, m_distribution, m_summary};
    for (PlotWidget* plot : m_plots)
        plot->setMinimumSize(320, 200);

    std::map<std::string, std::string> claims;
    for (const Workload& w : catalog.workloads())
        if (!w.claim.empty())
            claims[w.id] = w.claim;
    m_summary->setWorkloadClaims(std::move(claims));
    m_store->setCallUnits(callUnitsOf(catalog));

    connect(m_shownWorkload, &QComboBox::activated, this, [this](int index) {
        m_followRunningWorkload = false;
        showViewInPlots(m_shownWorkload->itemData(index).toString());
    });
    connect(m_logScale, &QCheckBox::toggled, this, &ChartsPage::logScaleToggled);
}

ChartsPage::~ChartsPage() = default;

std::vector<PlotWidget*> ChartsPage::concurrencyPlots() const
{
    return {m_scaling, m_connectionMemory};
}

// ---------------------------------------------------------------------------------------------------------------
// A run

void ChartsPage::beginRun(std::int64_t clockOriginNs)
{
    m_store->clear();
    m_throughput->clear();
    m_memory->clear();
    m_distribution->clear();
    m_summary->setResults({});
    m_httpLatency->clear();
    m_httpLatency->setVisible(false);
    m_firstCurrentTicket = request({}, tr("Running..."));  // what an earlier run still computes is dropped
    if (m_finalTicket > 0)  // the previous run's analysis is dropped: its analysisSettled is still owed
        settleLater(m_finalCancelled);
    m_finalTicket = 0;
    m_shownWorkload->clear();
    m_itemViews.clear();
    m_followRunningWorkload = true;
    m_verdicts->setMessage(tr("Running..."));
    m_runStartNs = clockOriginNs;
    m_memory->setPerSampleHeap(true);
    m_memory->startRun(m_runStartNs);
}

void ChartsPage::itemStarted(const ItemKey& key, const ParamValues& params, const QString& workloadTitle,
                             const QString& seriesName)
{
    const ChartView view = chartView(key.workloadId, params);
    m_itemViews.insert(key.itemIndex, view);
    m_store->series(view, toQString(key.runtimeId), toQString(key.flavour), seriesName);
    offerView(view, workloadTitle);
    if (m_followRunningWorkload) {
        // The run's first workload fills the empty charts; after that the Show box stays where it is (a chart that
        // switches by itself while someone reads it is worse than one that waits to be asked).
        m_followRunningWorkload = false;
        m_shownWorkload->setCurrentIndex(m_shownWorkload->findData(view.id));
        showViewInPlots(view.id);
    }
}

void ChartsPage::addSample(const SampleEvent& e)
{
    const auto found = m_itemViews.constFind(e.key.itemIndex);
    const ChartView view = found != m_itemViews.constEnd() ? *found : chartView(e.key.workloadId, {});
    m_store->add(view, toQString(e.key.runtimeId), toQString(e.key.flavour), e.sample,
                 double(steadyNowNs() - m_runStartNs) / 1e9);
}

void ChartsPage::addMemory(const MemoryEvent& e)
{
    m_memory->addMemoryPoint(e.series, e.timestampNs, e.bytes);
}

void ChartsPage::addGc(const GcEvent& e)
{
    m_memory->addGcEvent(e.runtime, e.timestampNs, e.pauseNs, e.runtimeId);
}

void ChartsPage::resultFinished(const Result& result)
{
    m_store->setFinished(result);
    m_httpLatency->addResult(result);
    m_httpLatency->setVisible(m_httpLatency->hasResults());
}

void ChartsPage::refresh()
{
    m_throughput->refresh();
    m_memory->refresh();
    m_distribution->refresh();
    m_memory->requestReplot();  // sampler series and GC markers are run-wide: drawn whatever workload is shown
}

void ChartsPage::endRun(const QString& summary, const std::vector<Result>& results, bool cancelled)
{
    m_memory->requestReplot();
    m_throughput->refresh();
    m_distribution->refresh();
    // analysisSettled waits for the summary and the headlines: the bootstrap of large results takes a while.
    m_verdicts->setMessage(summary + tr(" (computing confidence intervals...)"));
    m_finalCancelled = cancelled;
    m_finalTicket = request(results, summary);
}

// ---------------------------------------------------------------------------------------------------------------
// Analysis

void ChartsPage::analyse(const std::vector<Result>& results, const QString& fallbackHeadline)
{
    request(results, fallbackHeadline);
}

quint64 ChartsPage::request(const std::vector<Result>& results, const QString& fallbackHeadline)
{
    // The concurrency charts need no bootstrap: drawn at once, live as each step's result arrives.
    m_scaling->setResults(results);
    m_connectionMemory->setResults(results);
    m_scaling->setVisible(m_scaling->seriesCount() > 0);
    m_connectionMemory->setVisible(m_connectionMemory->seriesCount() > 0);
    m_fallbackHeadline = fallbackHeadline;
    return m_analyzer->request(results);
}

bool ChartsPage::analysisPending() const
{
    return !m_analyzer->idle();
}

void ChartsPage::showAnalysis(quint64 ticket, const std::shared_ptr<const ResultAnalysis>& analysis)
{
    if (ticket < m_firstCurrentTicket)
        return;
    m_summary->setAnalysis(analysis);
    m_verdicts->setVerdicts(analysis->headlines, m_fallbackHeadline);
    if (ticket >= m_finalTicket && m_finalTicket > 0) {
        m_finalTicket = 0;
        settleLater(m_finalCancelled);
    }
}

void ChartsPage::settleLater(bool cancelled)
{
    // Let the queued replots happen before anyone (the screenshot) looks at the window.
    QTimer::singleShot(0, this, [this, cancelled] { emit analysisSettled(cancelled); });
}

// ---------------------------------------------------------------------------------------------------------------
// Documents, banner, export

void ChartsPage::showDocument(const ResultsDocument& document)
{
    m_store->clear();
    m_throughput->clear();
    m_memory->clear();
    m_memory->showDocumentMemory(document);
    m_distribution->clear();
    m_httpLatency->showResults(document.results);
    m_httpLatency->setVisible(m_httpLatency->hasResults());
    m_shownWorkload->clear();
    for (const Result& r : document.results) {
        m_store->addMeasured(r);
        offerView(chartViewOf(r), toQString(r.workloadTitle.empty() ? r.workloadId : r.workloadTitle));
    }
    m_firstCurrentTicket = request(document.results, tr("%1 result(s), none comparable").arg(document.results.size()));
    if (m_shownWorkload->count() > 0) {
        m_shownWorkload->setCurrentIndex(0);
        showViewInPlots(m_shownWorkload->itemData(0).toString());
    }
    showEnvironmentWarnings(document.warnings,
                            tr("When these results were measured (%1)").arg(toQString(document.startedAtUtc)));
}

void ChartsPage::offerView(const ChartView& view, const QString& workloadTitle)
{
    m_workloadTitles.insert(view.workloadId, workloadTitle);
    if (m_shownWorkload->findData(view.id) < 0)
        m_shownWorkload->addItem(workloadTitle, view.id);
    const std::vector<ChartView>& views = m_store->views();
    for (const ChartView& v : views)
        if (v.workloadId == view.workloadId)
            if (const int index = m_shownWorkload->findData(v.id); index >= 0)
                m_shownWorkload->setItemText(index, chartViewTitle(v, views, m_workloadTitles.value(v.workloadId)));
}

void ChartsPage::showViewInPlots(const QString& viewId)
{
    m_throughput->showView(viewId);
    m_memory->showView(viewId);
    m_distribution->showView(viewId);
    const std::vector<ChartView>& views = m_store->views();
    const auto view = std::find_if(views.begin(), views.end(), [&](const ChartView& v) { return v.id == viewId; });
    m_verdicts->showWorkload(view != views.end() ? view->workloadId : viewId);
}

namespace {

/// A warning's first sentence, at most about a line: the banner keeps the plots tall at 1280x720, and its tooltip
/// holds every warning whole.
QString bannerLine(const QString& warning)
{
    constexpr int kMaxChars = 110;
    QString line = warning;
    if (const int end = line.indexOf(QStringLiteral(". ")); end > 0)
        line = line.left(end + 1);
    if (line.size() > kMaxChars)
        line = line.left(kMaxChars - 1).trimmed() + QChar(0x2026);
    return line;
}

}  // namespace

void ChartsPage::showEnvironmentWarnings(const std::vector<std::string>& warnings, const QString& when)
{
    QStringList items;
    QStringList whole;
    for (const std::string& w : warnings) {
        items << QStringLiteral("<li>%1</li>").arg(bannerLine(toQString(w)).toHtmlEscaped());
        whole << QStringLiteral("<li>%1</li>").arg(toQString(w).toHtmlEscaped());
    }
    m_environmentBanner->setVisible(!items.isEmpty());
    const QString title = tr("<b>%1: what may make the numbers noisy or biased.</b>").arg(when.toHtmlEscaped());
    m_environmentBanner->setText(
        items.isEmpty()
            ? QString()
            : title + tr(" (hover for the whole text)<ul style=\"margin: 0\">%1</ul>").arg(items.join(QString())));
    m_environmentBanner->setToolTip(
        items.isEmpty() ? QString()
                        : title + QStringLiteral("<ul style=\"margin: 0\">%1</ul>").arg(whole.join(QString())));
}

QString ChartsPage::environmentBannerText() const
{
    return m_environmentBanner->isVisible() ? m_environmentBanner->toolTip() : QString();
}

bool ChartsPage::logScale() const
{
    return m_logScale->isChecked();
}

void ChartsPage::setLogScale(bool on)
{
    for (PlotWidget* plot : m_plots)
        plot->setLogScale(on);
    m_logScale->setChecked(on);
}

void ChartsPage::resetZoom()
{
    for (PlotWidget* plot : m_plots)
        plot->resetZoom();
}

}  // namespace versus::gui
