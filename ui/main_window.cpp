// Builds the window and moves engine events into models and plots on a 30 ms timer (never one signal per sample).
#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <chrono>

#include "chart_export_dialog.h"
#include "chart_render.h"
#include "compare_dialog.h"
#include "custom_code_panel.h"
#include "instrument_check_dialog.h"
#include "distribution_plot.h"
#include "environment.h"
#include "exporters.h"
#include "external/external_process_runtime.h"
#include "builtin_runtimes.h"
#include "journal.h"
#include "journal_location.h"
#include "memory_sampler.h"
#include "memory_plot.h"
#include "parameter_editor.h"
#include "results_export.h"
#include "output_file.h"
#include "results_file.h"
#include "result_analyzer.h"
#include "results_model.h"
#include "runtime_list_model.h"
#include "sample_store.h"
#include "startup_plot.h"
#include "startup_view.h"
#include "summary_plot.h"
#include "text_format.h"
#include "throughput_plot.h"
#include "workload_tree_model.h"
#include "clock.h"

#ifndef VERSUS_VERSION
#define VERSUS_VERSION "0.0.0"
#endif

namespace versus::gui {

namespace {

constexpr int kDrainIntervalMs = 30;        // at most ~33 plot updates a second
constexpr std::size_t kMaxEventsPerTick = 50000;  // bounds one tick; the rest waits for the next one

/// Which result a sample belongs to, for the progress count: "itemIndex|flavour".
std::string progressKey(int itemIndex, const std::string& flavour)
{
    return std::to_string(itemIndex) + "|" + flavour;
}



QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

MainWindow::MainWindow(RuntimeRegistry& registry, Catalog catalog, Options options, QWidget* parent)
    : QMainWindow(parent),
      m_registry(registry),
      m_catalog(std::move(catalog)),
      m_options(options),
      m_store(std::make_unique<SampleStore>()),
      m_document(std::make_unique<ResultsDocument>())
{
    setWindowTitle(tr("Versus: Python vs Node.js workbench"));
    m_workloads = new WorkloadTreeModel(m_catalog, this);
    m_workloadProxy = new QSortFilterProxyModel(this);
    m_workloadProxy->setSourceModel(m_workloads);
    m_workloadProxy->setFilterRole(WorkloadTreeModel::SearchTextRole);
    m_workloadProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_workloadProxy->setRecursiveFilteringEnabled(true);
    m_runtimes = new RuntimeListModel(m_registry, this);
    m_results = new ResultsModel(this);
    m_resultsProxy = new QSortFilterProxyModel(this);
    m_resultsProxy->setSourceModel(m_results);
    m_resultsProxy->setSortRole(ResultsModel::SortRole);

    m_drainTimer = new QTimer(this);
    m_drainTimer->setInterval(kDrainIntervalMs);
    connect(m_drainTimer, &QTimer::timeout, this, &MainWindow::drainEvents);
    m_analyzer = new ResultAnalyzer(this);
    connect(m_analyzer, &ResultAnalyzer::ready, this, &MainWindow::showAnalysis);

    buildLayout();
    buildActions();
    std::map<std::string, std::string> claims;
    for (const Workload& w : m_catalog.workloads())
        if (!w.claim.empty())
            claims[w.id] = w.claim;
    m_summary->setWorkloadClaims(std::move(claims));
    startDocument(HarnessOptions{});
    showEnvironmentWarnings(m_document->warnings, tr("Before you run"));

    // Defaults before settings: the manifest's default job on every available runtime.
    QStringList defaults;
    for (const Workload& w : m_catalog.workloads())
        if (w.defaultJob)
            defaults << qs(w.id);
    m_workloads->setCheckedWorkloadIds(defaults);
    if (m_options.persistSettings)
        restoreUserInterpreters();
    QStringList runtimes;
    for (const auto& d : m_registry.descriptors())
        runtimes << qs(d.info.id);
    m_runtimes->setCheckedRuntimeIds(runtimes);
    if (!m_catalog.workloads().empty())
        selectWorkload(qs(m_catalog.workloads().front().id));
    if (m_options.persistSettings)
        restoreSettings();
    for (const auto& error : m_catalog.errors())
        appendLog(tr("Workload not loaded: %1").arg(qs(error.toString())));
    updateRunControls();
    statusBar()->showMessage(tr("%1 workloads, %2 runtimes. Ctrl+R runs the checked ones.")
                                 .arg(m_catalog.workloads().size())
                                 .arg(m_registry.descriptors().size()));
}

MainWindow::~MainWindow()
{
    m_session.reset();  // cancels a running plan and waits for it; the journal stays for the next start to offer
}

// ---------------------------------------------------------------------------------------------------------------
// Layout

void MainWindow::buildLayout()
{
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    auto* scroll = new QScrollArea(m_mainSplitter);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(buildControlPanel());
    scroll->setMinimumWidth(300);
    m_mainSplitter->addWidget(scroll);

    m_rightSplitter = new QSplitter(Qt::Vertical, m_mainSplitter);
    m_rightSplitter->setObjectName(QStringLiteral("rightSplitter"));
    m_viewTabs = new QTabWidget(m_rightSplitter);
    m_viewTabs->setDocumentMode(true);
    m_viewTabs->addTab(buildChartsPage(), tr("Charts"));
    m_custom = new CustomCodePanel(m_viewTabs);
    m_viewTabs->addTab(m_custom, tr("Your own code"));
    // Start-up is measured in child processes, on demand: nothing starts before the user asks.
    m_startup = new StartupView(m_registry,
                                m_options.versusExecutable.isEmpty() ? QCoreApplication::applicationFilePath()
                                                                     : m_options.versusExecutable,
                                m_viewTabs);
    m_startup->setObjectName(QStringLiteral("startupView"));
    m_viewTabs->addTab(m_startup, tr("Start-up"));
    connect(m_custom, &CustomCodePanel::raceRequested, this, &MainWindow::startCustomRace);
    m_rightSplitter->addWidget(m_viewTabs);

    m_bottomTabs = new QTabWidget(m_rightSplitter);
    m_bottomTabs->setDocumentMode(true);
    m_table = new QTableView(m_bottomTabs);
    m_table->setObjectName(QStringLiteral("resultsTable"));
    m_table->setModel(m_resultsProxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);  // arrival order until the user sorts
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int widths[] = {20, 22, 9, 17, 8, 9, 8};
    for (int c = 0; c < 7; ++c)
        m_table->setColumnWidth(c, widths[c] * em);
    m_bottomTabs->addTab(m_table, tr("Results"));
    m_log = new QPlainTextEdit(m_bottomTabs);
    m_log->setObjectName(QStringLiteral("log"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(20000);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_bottomTabs->addTab(m_log, tr("Log"));
    m_rightSplitter->addWidget(m_bottomTabs);
    m_rightSplitter->setStretchFactor(0, 3);
    m_rightSplitter->setStretchFactor(1, 1);
    m_rightSplitter->setSizes({690, 160});

    m_mainSplitter->addWidget(m_rightSplitter);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({330, 1070});
    setCentralWidget(m_mainSplitter);
    resize(1400, 900);
}

QWidget* MainWindow::buildControlPanel()
{
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);

    auto* workloadBox = new QGroupBox(tr("Workloads"), panel);
    auto* wl = new QVBoxLayout(workloadBox);
    m_search = new QLineEdit(workloadBox);
    m_search->setObjectName(QStringLiteral("workloadSearch"));
    m_search->setPlaceholderText(tr("Filter workloads"));
    m_search->setClearButtonEnabled(true);
    wl->addWidget(m_search);
    m_tree = new QTreeView(workloadBox);
    m_tree->setObjectName(QStringLiteral("workloadTree"));
    m_tree->setModel(m_workloadProxy);
    m_tree->setHeaderHidden(true);
    m_tree->setMinimumHeight(120);
    m_tree->setMaximumHeight(260);
    m_tree->expandAll();
    wl->addWidget(m_tree);
    m_description = new QLabel(workloadBox);
    m_description->setObjectName(QStringLiteral("workloadDescription"));
    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::RichText);
    wl->addWidget(m_description);
    m_parameters = new ParameterEditor(workloadBox);
    m_parameters->setObjectName(QStringLiteral("parameterEditor"));
    wl->addWidget(m_parameters);
    layout->addWidget(workloadBox);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_workloadProxy->setFilterFixedString(text);
        m_tree->expandAll();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { onCurrentWorkloadChanged(m_workloadProxy->mapToSource(current)); });
    connect(m_parameters, &ParameterEditor::edited, this, &MainWindow::storeEditedParameters);
    connect(m_workloads, &WorkloadTreeModel::checkedChanged, this, &MainWindow::updateRunControls);

    auto* runtimeBox = new QGroupBox(tr("Runtimes"), panel);
    auto* rl = new QVBoxLayout(runtimeBox);
    auto* runtimeList = new QListView(runtimeBox);
    m_runtimeList = runtimeList;
    runtimeList->setObjectName(QStringLiteral("runtimeList"));
    runtimeList->setModel(m_runtimes);
    runtimeList->setIconSize(QSize(12, 12));
    runtimeList->setTextElideMode(Qt::ElideRight);
    runtimeList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    runtimeList->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    updateRuntimeListHeight();
    rl->addWidget(runtimeList);
    auto* addInterpreterButton = new QPushButton(tr("Add interpreter..."), runtimeBox);
    addInterpreterButton->setObjectName(QStringLiteral("addInterpreterButton"));
    addInterpreterButton->setToolTip(tr("Add a Python or Node.js interpreter of your own as a runtime"));
    connect(addInterpreterButton, &QPushButton::clicked, this, &MainWindow::addInterpreterWithDialog);
    rl->addWidget(addInterpreterButton, 0, Qt::AlignLeft);
    layout->addWidget(runtimeBox);
    connect(m_runtimes, &RuntimeListModel::checkedChanged, this, &MainWindow::updateRunControls);

    auto* runBox = new QGroupBox(tr("Run"), panel);
    auto* form = new QFormLayout(runBox);
    m_warmup = new QSpinBox(runBox);
    m_warmup->setObjectName(QStringLiteral("warmupSamples"));
    m_warmup->setRange(0, 100);
    m_warmup->setValue(HarnessOptions{}.warmupSamples);
    m_warmup->setToolTip(tr("Samples taken before measuring, so JIT compilers and caches settle; shown shaded"));
    form->addRow(tr("Warm-up samples"), m_warmup);
    m_samples = new QSpinBox(runBox);
    m_samples->setObjectName(QStringLiteral("samples"));
    m_samples->setRange(1, 100000);
    m_samples->setValue(HarnessOptions{}.samples);
    m_samples->setToolTip(tr("Measured samples per workload and runtime; the statistics use these only"));
    form->addRow(tr("Measured samples"), m_samples);
    m_minSampleTime = new QDoubleSpinBox(runBox);
    m_minSampleTime->setObjectName(QStringLiteral("minSampleTime"));
    m_minSampleTime->setRange(0.1, 10000);
    m_minSampleTime->setDecimals(1);
    m_minSampleTime->setSuffix(tr(" ms"));
    m_minSampleTime->setValue(HarnessOptions{}.minSampleTimeMs);
    m_minSampleTime->setToolTip(tr("Calibration repeats the call until one sample lasts at least this long"));
    form->addRow(tr("Min sample time"), m_minSampleTime);
    m_order = new QComboBox(runBox);
    m_order->setObjectName(QStringLiteral("runOrder"));
    const struct {
        RunOrder order;
        QString label;
        QString tip;
    } orders[] = {
        {RunOrder::Interleaved, tr("Interleaved"),
         tr("Rounds A B A B ...: slow drift of the machine (heat, other load) spreads over all items")},
        {RunOrder::Sequential, tr("Sequential"), tr("Each item's samples all at once, one item after another")},
        {RunOrder::Random, tr("Random"), tr("Rounds in a new random order each time (seeded, reproducible)")},
        {RunOrder::Race, tr("Race"),
         tr("runs runtimes at the same time, for demonstrations; results are labelled race")},
    };
    for (const auto& o : orders) {
        m_order->addItem(o.label, QString::fromLatin1(runOrderName(o.order)));
        m_order->setItemData(m_order->count() - 1, o.tip, Qt::ToolTipRole);
    }
    m_order->setCurrentIndex(0);
    auto updateOrderTip = [this] { m_order->setToolTip(m_order->currentData(Qt::ToolTipRole).toString()); };
    connect(m_order, &QComboBox::currentIndexChanged, this, updateOrderTip);
    updateOrderTip();
    form->addRow(tr("Order"), m_order);
    m_targetCi = new QDoubleSpinBox(runBox);
    m_targetCi->setObjectName(QStringLiteral("targetCi"));
    m_targetCi->setRange(0, 50);
    m_targetCi->setDecimals(1);
    m_targetCi->setSingleStep(0.5);
    m_targetCi->setSuffix(tr(" %"));
    m_targetCi->setSpecialValueText(tr("off"));
    m_targetCi->setValue(0);
    m_targetCi->setToolTip(tr("keep sampling until the 95% CI of the median is within this share of it, or the "
                              "time budget runs out"));
    form->addRow(tr("Target CI"), m_targetCi);
    m_maxSamples = new QSpinBox(runBox);
    m_maxSamples->setObjectName(QStringLiteral("maxSamples"));
    m_maxSamples->setRange(3, 100000);
    m_maxSamples->setValue(RunPlan{}.maxSamples);
    m_maxSamples->setToolTip(tr("With a target CI: the most measured samples an item may take before it stops "
                                "anyway"));
    form->addRow(tr("At most"), m_maxSamples);
    connect(m_targetCi, &QDoubleSpinBox::valueChanged, this, [this] { updateRunControls(); });
    m_timeBudget = new QDoubleSpinBox(runBox);
    m_timeBudget->setObjectName(QStringLiteral("timeBudget"));
    m_timeBudget->setRange(0, 24 * 3600);
    m_timeBudget->setDecimals(0);
    m_timeBudget->setSuffix(tr(" s"));
    m_timeBudget->setSpecialValueText(tr("none"));
    m_timeBudget->setValue(HarnessOptions{}.timeBudgetS);
    m_timeBudget->setToolTip(tr("Stop measured sampling of an item once this much time went by (0 = no budget)"));
    form->addRow(tr("Time budget"), m_timeBudget);

    auto* buttons = new QHBoxLayout;
    m_runButton = new QPushButton(tr("Run"), runBox);
    m_runButton->setObjectName(QStringLiteral("runButton"));
    m_runButton->setToolTip(tr("Run the checked workloads on the checked runtimes (Ctrl+R)"));
    m_stopButton = new QPushButton(tr("Stop"), runBox);
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_stopButton->setToolTip(tr("Stop the running workload and skip the rest (Esc)"));
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_stopButton);
    form->addRow(buttons);
    m_progress = new QProgressBar(runBox);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    form->addRow(m_progress);
    m_progressText = new QLabel(tr("Idle"), runBox);
    m_progressText->setObjectName(QStringLiteral("progressText"));
    m_progressText->setWordWrap(true);
    form->addRow(m_progressText);
    m_message = new QLabel(runBox);
    m_message->setObjectName(QStringLiteral("runMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #D55E00;"));
    m_message->setVisible(false);
    form->addRow(m_message);
    layout->addWidget(runBox);
    layout->addStretch(1);

    connect(m_runButton, &QPushButton::clicked, this, [this] {
        if (m_viewTabs->currentWidget() == m_custom)
            startCustomRace();
        else
            startRun();
    });
    connect(m_stopButton, &QPushButton::clicked, this, &MainWindow::stopRun);
    return panel;
}

QWidget* MainWindow::buildChartsPage()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 6, 6, 0);
    auto* header = new QHBoxLayout;
    m_headline = new QLabel(page);
    m_headline->setObjectName(QStringLiteral("headline"));
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_headline->setFont(big);
    m_headline->setWordWrap(true);
    m_headline->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_headline->setText(tr("Pick workloads and runtimes on the left, then Run."));
    header->addWidget(m_headline, 1);
    header->addWidget(new QLabel(tr("Show:"), page));
    m_shownWorkload = new QComboBox(page);
    m_shownWorkload->setObjectName(QStringLiteral("shownWorkload"));
    m_shownWorkload->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_shownWorkload->setMinimumContentsLength(16);
    m_shownWorkload->setToolTip(tr("Workload shown in the throughput, heap and distribution charts"));
    header->addWidget(m_shownWorkload);
    auto* logScale = new QCheckBox(tr("Log scale"), page);
    logScale->setObjectName(QStringLiteral("logScale"));
    header->addWidget(logScale);
    layout->addLayout(header);
    m_environmentBanner = new QLabel(page);
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
    m_throughput = new ThroughputPlot(*m_store, page);
    m_throughput->setObjectName(QStringLiteral("throughputPlot"));
    m_memory = new MemoryPlot(*m_store, page);
    m_memory->setObjectName(QStringLiteral("memoryPlot"));
    m_distribution = new DistributionPlot(*m_store, page);
    m_distribution->setObjectName(QStringLiteral("distributionPlot"));
    m_summary = new SummaryPlot(page);
    m_summary->setObjectName(QStringLiteral("summaryPlot"));
    grid->addWidget(m_throughput, 0, 0);
    grid->addWidget(m_distribution, 0, 1);
    grid->addWidget(m_memory, 1, 0);
    grid->addWidget(m_summary, 1, 1);
    layout->addLayout(grid, 1);
    m_plots = {m_throughput, m_memory, m_distribution, m_summary};
    for (PlotWidget* plot : m_plots)
        plot->setMinimumSize(320, 200);

    connect(m_shownWorkload, &QComboBox::activated, this, [this](int index) {
        m_followRunningWorkload = false;
        showWorkloadInPlots(m_shownWorkload->itemData(index).toString());
    });
    connect(logScale, &QCheckBox::toggled, this, [this](bool on) {
        m_logScaleAction->setChecked(on);
    });
    return page;
}

void MainWindow::buildActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open results..."), this, &MainWindow::openWithDialog);
    open->setShortcut(QKeySequence::Open);
    QAction* exportAction = file->addAction(tr("&Export results..."), this, &MainWindow::exportResultsWithDialog);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QMenu* charts = file->addMenu(tr("Export &chart"));
    for (PlotWidget* plot : m_plots) {
        charts->addAction(plot->title() + QStringLiteral("..."), this,
                          [this, plot] { exportChartWithDialog(plot); });
    }
    charts->addAction(m_startup->plot()->title() + QStringLiteral("..."), this,
                      [this] { exportChartWithDialog(m_startup->plot()); });
    charts->addSeparator();
    charts->addAction(tr("All charts on one page..."), this, &MainWindow::exportAllChartsWithDialog);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    m_runAction = run->addAction(tr("&Run"), this, [this] { m_runButton->click(); });
    m_runAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_stopAction = run->addAction(tr("&Stop"), this, &MainWindow::stopRun);
    m_stopAction->setShortcut(QKeySequence(Qt::Key_Escape));
    run->addSeparator();
    run->addAction(tr("Use &tiny parameters"), this, &MainWindow::useTinyParameters);
    run->addAction(tr("&Add interpreter..."), this, &MainWindow::addInterpreterWithDialog);
    run->addAction(tr("Measure &start-up"), this, [this] {
        showStartupTab();
        m_startup->start();
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_logScaleAction = view->addAction(tr("&Logarithmic scale"));
    m_logScaleAction->setCheckable(true);
    connect(m_logScaleAction, &QAction::toggled, this, [this](bool on) {
        for (PlotWidget* plot : m_plots)
            plot->setLogScale(on);
        if (auto* box = findChild<QCheckBox*>(QStringLiteral("logScale")))
            box->setChecked(on);
    });
    view->addAction(tr("&Reset zoom"), this, [this] {
        for (PlotWidget* plot : m_plots)
            plot->resetZoom();
    });
    QAction* fullScreen = view->addAction(tr("&Full screen"));
    fullScreen->setShortcut(QKeySequence(Qt::Key_F11));
    fullScreen->setCheckable(true);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) { on ? showFullScreen() : showNormal(); });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Instrument check..."), this, [this] {
        InstrumentCheckDialog* dialog = instrumentCheck();
        dialog->show();
        dialog->raise();
    });
    help->addAction(tr("&About Versus"), this, &MainWindow::showAbout);
}

// ---------------------------------------------------------------------------------------------------------------
// Selection and parameters

void MainWindow::setCheckedWorkloads(const QStringList& ids)
{
    m_workloads->setCheckedWorkloadIds(ids);
}

void MainWindow::setCheckedRuntimes(const QStringList& ids)
{
    m_runtimes->setCheckedRuntimeIds(ids);
}

void MainWindow::selectWorkload(const QString& id)
{
    const QModelIndex source = m_workloads->indexOf(id);
    if (!source.isValid())
        return;
    const QModelIndex proxy = m_workloadProxy->mapFromSource(source);
    if (proxy.isValid())
        m_tree->setCurrentIndex(proxy);
    onCurrentWorkloadChanged(source);
}

void MainWindow::onCurrentWorkloadChanged(const QModelIndex& current)
{
    const Workload* w = m_workloads->workloadAt(current);
    if (!w) {
        m_description->setText(QString());
        return;
    }
    if (w == m_parameters->workload())
        return;
    m_description->setText(QStringLiteral("<b>%1</b><br>%2")
                               .arg(qs(w->title).toHtmlEscaped(), qs(w->description).toHtmlEscaped()));
    m_parameters->setWorkload(w, m_overrides[w->id]);
    storeEditedParameters();
}

void MainWindow::storeEditedParameters()
{
    const Workload* w = m_parameters->workload();
    if (!w)
        return;
    m_overrides[w->id] = m_parameters->overrides();
    const QString error = m_parameters->firstError();
    if (error.isEmpty())
        m_parameterErrors.erase(w->id);
    else
        m_parameterErrors[w->id] = error;
    updateRunControls();
}

void MainWindow::useTinyParameters()
{
    for (const Workload& w : m_catalog.workloads()) {
        m_overrides[w.id] = w.tinyParams;
        m_parameterErrors.erase(w.id);
    }
    if (const Workload* current = m_parameters->workload())
        m_parameters->setWorkload(current, m_overrides[current->id]);
    updateRunControls();
}

void MainWindow::setSampling(int warmupSamples, int samples, double minSampleTimeMs)
{
    m_warmup->setValue(warmupSamples);
    m_samples->setValue(samples);
    m_minSampleTime->setValue(minSampleTimeMs);
}

void MainWindow::setRunPlanOptions(RunOrder order, double targetCiPercent, double timeBudgetS, int maxSamples)
{
    const int index = m_order->findData(QString::fromLatin1(runOrderName(order)));
    if (index >= 0)
        m_order->setCurrentIndex(index);
    m_targetCi->setValue(targetCiPercent);
    m_timeBudget->setValue(timeBudgetS);
    if (maxSamples > 0)
        m_maxSamples->setValue(maxSamples);
}

// ---------------------------------------------------------------------------------------------------------------
// Running

QString MainWindow::runMessage() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void MainWindow::refuse(const QString& reason)
{
    m_message->setText(reason);
    m_message->setVisible(true);
    statusBar()->showMessage(reason, 8000);
}

bool MainWindow::startRun()
{
    if (m_running)
        return false;
    const QStringList workloads = m_workloads->checkedWorkloadIds();
    const QStringList runtimes = m_runtimes->checkedRuntimeIds();
    if (workloads.isEmpty()) {
        refuse(tr("Check at least one workload to run."));
        return false;
    }
    if (runtimes.isEmpty()) {
        refuse(tr("Check at least one available runtime to run on."));
        return false;
    }
    std::vector<PlanEntry> entries;
    for (const QString& id : workloads) {
        const Workload* w = m_catalog.find(id.toStdString());
        if (!w)
            continue;
        if (auto it = m_parameterErrors.find(w->id); it != m_parameterErrors.end()) {
            refuse(tr("Not started: %1 (workload '%2'). Fix the field or clear it to use the default.")
                       .arg(it->second, qs(w->title)));
            selectWorkload(id);
            return false;
        }
        if (const auto resolved = w->resolveParams(m_overrides[w->id]); !resolved) {
            refuse(tr("Not started: %1").arg(qs(resolved.error())));
            return false;
        }
        for (const QString& runtime : runtimes)
            entries.push_back({w, runtime.toStdString(), m_overrides[w->id]});
    }
    return startPlan(entries);
}

bool MainWindow::startCustomRace()
{
    if (m_running)
        return false;
    m_viewTabs->setCurrentWidget(m_custom);
    const Workload* w = m_custom->prepareWorkload();
    if (!w) {
        refuse(tr("Your own code was not started: see the message under the editors."));
        return false;
    }
    std::vector<PlanEntry> entries;
    for (const QString& id : m_runtimes->checkedRuntimeIds()) {
        const RuntimeDescriptor* d = m_registry.descriptor(id.toStdString());
        if (d && !w->implementationsFor(d->info.language).empty())
            entries.push_back({w, id.toStdString(), {}});
    }
    if (entries.empty()) {
        refuse(tr("Check a Python or a JavaScript runtime to race your code on."));
        return false;
    }
    return startPlan(entries, true);
}

bool MainWindow::startPlan(const std::vector<PlanEntry>& entries, bool customRace)
{
    if (m_startup->isRunning()) {
        refuse(tr("Start-up is being measured (Start-up tab): a run now would disturb both measurements. Wait for "
                  "it to finish or press its Stop."));
        return false;
    }
    if (m_instrumentCheck && m_instrumentCheck->isRunning()) {
        refuse(tr("The instrument check is running (Help > Instrument check): a run now would disturb it and share "
                  "its interpreters. Wait for it to finish."));
        return false;
    }
    RunPlan plan;
    plan.options.warmupSamples = m_warmup->value();
    plan.options.samples = m_samples->value();
    plan.options.minSampleTimeMs = m_minSampleTime->value();
    plan.options.timeBudgetS = m_timeBudget->value();
    plan.order = runOrderFromName(m_order->currentData().toString().toStdString()).value_or(RunOrder::Interleaved);
    plan.targetCiPercent = m_targetCi->value();
    plan.maxSamples = m_maxSamples->value();
    m_itemsExpected = 0;
    for (const PlanEntry& e : entries) {
        plan.items.push_back({e.workload, e.runtimeId, e.overrides});
        const RuntimeDescriptor* d = m_registry.descriptor(e.runtimeId);
        m_itemsExpected += d ? int(e.workload->implementationsFor(d->info.language).size()) : 0;  // else skipped
    }
    m_message->setVisible(false);
    m_results->clear();
    m_store->clear();
    m_throughput->clear();
    m_memory->clear();
    m_distribution->clear();
    m_summary->setResults({});
    m_firstCurrentTicket = analyseResults({}, tr("Running..."));  // what an earlier run still computes is dropped
    if (m_finalTicket > 0)  // the previous run's analysis is dropped: its planFinished is still owed
        QTimer::singleShot(0, this, [this, cancelled = m_finalCancelled] { emit planFinished(cancelled); });
    m_finalTicket = 0;
    m_shownWorkload->clear();
    m_followRunningWorkload = true;
    m_headline->setText(tr("Running..."));
    m_itemsDone = 0;
    m_adaptive = plan.targetCiPercent > 0;  // then the plan is an upper bound
    m_plannedPerResult = plannedSamplesPerItem(plan);
    m_samplesPlanned = m_plannedPerResult * m_itemsExpected;
    m_samplesDone = 0;
    m_samplesPerResult.clear();
    m_currentItemText = tr("Starting");
    m_running = true;
    m_runClock.start();
    m_custom->setRunning(true, customRace);
    m_startup->setBlockedBy(tr("A benchmark run is in progress: measuring start-up now would disturb both. "
                               "Measure when it ends."));
    if (m_instrumentCheck)
        m_instrumentCheck->setBlockedBy(tr("A benchmark run is in progress: the check would disturb it and share its "
                                           "interpreters. Run the check when it ends."));
    appendLog(tr("=== Run started: %1 item(s), %2 warm-up + %3 measured samples, min sample time %4 ms, %5 order%6")
                  .arg(m_itemsExpected)
                  .arg(plan.options.warmupSamples)
                  .arg(plan.options.samples)
                  .arg(plan.options.minSampleTimeMs)
                  .arg(QString::fromLatin1(runOrderName(plan.order)))
                  .arg((plan.targetCiPercent > 0 ? tr(", target CI %1% of the median").arg(plan.targetCiPercent)
                                                 : QString())
                       + (plan.options.timeBudgetS > 0 ? tr(", time budget %1 s").arg(plan.options.timeBudgetS)
                                                       : QString())));
    // The session samples memory from now until the plan is done, on the same clock as the plot's time axis, and
    // journals every event so that a crash loses nothing already measured.
    m_session = std::make_unique<RunSession>(m_registry);
    RunSessionSetup setup;
    setup.journalPath = gui::defaultJournalPath().string();  // the one the window offers to recover on start
    setup.versusVersion = VERSUS_VERSION;
    setup.componentVersions = {{"Qt", qVersion()}};
    m_session->start(std::move(plan), setup);
    *m_document = m_session->document();  // its header: environment, warnings (machine and runtimes' biases)
    showEnvironmentWarnings(m_document->warnings, tr("This run"));
    if (!m_session->journalError().empty())
        appendLog(tr("No journal for this run: %1").arg(qs(m_session->journalError())));
    m_runStartNs = m_document->clockOriginNs;
    m_memory->setPerSampleHeap(true);
    m_memory->startRun(m_runStartNs);
    m_drainTimer->start();
    updateRunControls();
    updateProgress();
    return true;
}

void MainWindow::stopRun()
{
    if (!m_running)
        return;
    m_session->cancel();  // returns at once; the runtime stops within its cancel latency
    m_currentItemText = tr("Stopping...");
    appendLog(tr("Stop requested"));
    updateProgress();
}

void MainWindow::drainEvents()
{
    if (!m_session || m_session->pump(*this, std::chrono::milliseconds(0), kMaxEventsPerTick) == 0)
        return;
    // One batch per plot per tick, then one queued replot each.
    m_throughput->refresh();
    m_memory->refresh();
    m_distribution->refresh();
    m_memory->requestReplot();  // sampler series and GC markers are run-wide: drawn whatever workload is shown
    updateProgress();
}

QString MainWindow::seriesNameFor(const ItemKey& key, const std::string& runtimeName) const
{
    QString name = qs(runtimeName);
    if (const Workload* w = m_catalog.find(key.workloadId)) {
        for (const Implementation& impl : w->implementations)
            if (impl.flavour == key.flavour && !impl.label.empty() && key.flavour != "plain")
                name += QStringLiteral(" + ") + qs(impl.label);
    }
    return name;
}

void MainWindow::sample(const SampleEvent& e)
{
    // Samples carry no wall-clock time: they are placed when drained (at most one drain tick late).
    m_store->add(qs(e.key.workloadId), qs(e.key.runtimeId), qs(e.key.flavour), e.sample,
                 double(steadyNowNs() - m_runStartNs) / 1e9);
    ++m_samplesDone;
    ++m_samplesPerResult[progressKey(e.key.itemIndex, e.key.flavour)];
}

void MainWindow::memory(const MemoryEvent& e)
{
    m_memory->addMemoryPoint(e.series, e.timestampNs, e.bytes);
    m_document->memory.push_back(e);  // the shown document during the run; the session's at its end
}

void MainWindow::gc(const GcEvent& e)
{
    m_memory->addGcEvent(e.runtime, e.timestampNs, e.pauseNs, e.runtimeId);
    m_document->gcEvents.push_back(e);
}

void MainWindow::started(const StartedEvent& e)
{
    const QString workloadId = qs(e.key.workloadId);
    const Workload* w = m_catalog.find(e.key.workloadId);
    const QString title = w ? qs(w->title) : tr("Your own code");
    const QString series = seriesNameFor(e.key, e.runtimeName);
    m_store->series(workloadId, qs(e.key.runtimeId), qs(e.key.flavour), series);
    m_results->addRunning(e.key.itemIndex, title, series, qs(e.key.runtimeId), qs(e.key.flavour));
    m_currentItemText = tr("%1 on %2").arg(title, series);
    appendLog(tr("%1 on %2 %3: started").arg(title, series, qs(e.runtimeVersion)));
    if (m_shownWorkload->findData(workloadId) < 0)
        m_shownWorkload->addItem(title, workloadId);
    if (m_followRunningWorkload) {
        m_shownWorkload->setCurrentIndex(m_shownWorkload->findData(workloadId));
        showWorkloadInPlots(workloadId);
    }
}

void MainWindow::calibrated(const CalibratedEvent& e)
{
    appendLog(tr("  calibrated: %1 call(s) per sample (last attempt %2)")
                  .arg(e.innerLoops)
                  .arg(qs(formatDuration(double(e.lastElapsedNs)))));
}

void MainWindow::output(const OutputEvent& e)
{
    QString text = qs(e.text);
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    appendLog(QStringLiteral("  [%1 %2] %3").arg(qs(e.key.runtimeId), qs(e.stream), text));
}

void MainWindow::finished(const FinishedEvent& e)
{
    const Result& r = e.result;
    m_results->addResult(r);
    m_store->setFinished(r);
    ++m_itemsDone;
    settlePlannedSamples(r);
    appendLog(tr("  done: median %1 per call (MAD %2), %3 samples, answer %4 (%5 order, stopped by %6)")
                  .arg(qs(formatDuration(r.summary.medianNs)), qs(formatDuration(r.summary.madNs)))
                  .arg(r.summary.samples)
                  .arg(qs(r.answer), qs(r.order), qs(r.stopReason)));
    analyseResults(m_results->results(), tr("Running..."));
    if (r.workloadId == "custom")
        m_custom->showResult(r);
}

void MainWindow::failed(const FailedEvent& e)
{
    const Result& r = e.result;
    m_results->addResult(r);
    ++m_itemsDone;
    settlePlannedSamples(r);
    QString where;
    if (r.failure.line > 0)
        where = tr(" (line %1 of %2)").arg(r.failure.line).arg(qs(r.failure.file));
    appendLog(tr("  %1 %2: %3%4")
                  .arg(r.status == ResultStatus::Cancelled ? tr("STOPPED") : tr("FAILED"),
                       qs(r.workloadTitle) + QStringLiteral(" / ") + qs(r.seriesName()), qs(r.failure.message),
                       where));
    if (!r.output.empty() && r.status == ResultStatus::Failed)
        appendLog(QStringLiteral("  output:\n") + qs(r.output));
    if (r.workloadId == "custom")
        m_custom->showResult(r);
}

void MainWindow::planDone(const PlanDoneEvent& e)
{
    m_running = false;
    m_drainTimer->stop();
    m_memory->requestReplot();
    for (const auto& skipped : m_session->skipped())
        appendLog(tr("Skipped: %1").arg(qs(skipped.reason)));
    *m_document = m_session->document();  // complete: runtimes' full versions, memory, GC events, end time
    const auto results = m_results->results();
    const QString summary = e.cancelled
        ? tr("Stopped: %1 finished, %2 failed or stopped").arg(e.okCount).arg(e.failedCount)
        : tr("Finished: %1 ok, %2 failed in %3 s").arg(e.okCount).arg(e.failedCount)
              .arg(double(m_runClock.elapsed()) / 1000.0, 0, 'f', 1);
    m_currentItemText = summary;
    appendLog(QStringLiteral("=== ") + summary);
    statusBar()->showMessage(summary);
    m_custom->setRunning(false);
    m_startup->setBlockedBy({});
    if (m_instrumentCheck)
        m_instrumentCheck->setBlockedBy({});
    m_throughput->refresh();
    m_distribution->refresh();
    updateRunControls();
    updateProgress();
    // planFinished waits for the summary and the headlines: the bootstrap of large results takes a while.
    m_headline->setText(summary + tr(" (computing confidence intervals...)"));
    m_finalCancelled = e.cancelled;
    m_finalTicket = analyseResults(results, summary);
}

void MainWindow::showWorkloadInPlots(const QString& workloadId)
{
    m_throughput->showWorkload(workloadId);
    m_memory->showWorkload(workloadId);
    m_distribution->showWorkload(workloadId);
}

void MainWindow::updateRunControls()
{
    const bool canRun = !m_running;
    m_runButton->setEnabled(canRun);
    m_runAction->setEnabled(canRun);
    m_stopButton->setEnabled(m_running);
    m_stopAction->setEnabled(m_running);
    m_warmup->setEnabled(!m_running);
    m_samples->setEnabled(!m_running);
    m_minSampleTime->setEnabled(!m_running);
    m_order->setEnabled(!m_running);
    m_targetCi->setEnabled(!m_running);
    m_maxSamples->setEnabled(!m_running && m_targetCi->value() > 0);
    m_timeBudget->setEnabled(!m_running);
    if (!m_running && m_message->isVisible() && m_parameterErrors.empty()
        && m_message->text().startsWith(tr("Not started")))
        m_message->setVisible(false);  // the field that refused the run was fixed
}

void MainWindow::settlePlannedSamples(const Result& r)
{
    // A result that ended takes what it took: an adaptive stop, a budget, a failure or Stop end it early.
    const auto it = m_samplesPerResult.find(progressKey(r.itemIndex, r.flavour));
    const long long taken = it == m_samplesPerResult.end() ? 0 : it->second;
    m_samplesPlanned -= std::max(0LL, m_plannedPerResult - taken);
    m_samplesPlanned = std::max(m_samplesPlanned, m_samplesDone);
}

void MainWindow::updateProgress()
{
    const long long total = std::max(1LL, m_samplesPlanned);
    const long long done = m_running ? std::min(m_samplesDone, total) : total;
    // QProgressBar counts in int: per mille is fine enough for a bar.
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(1000 * done / total));
    QString text = m_currentItemText;
    if (m_running) {
        text += tr("\n%1 of %2%3 samples, %4 of %5 results")
                    .arg(done)
                    .arg(m_adaptive ? tr("at most ") : QString())
                    .arg(total)
                    .arg(m_itemsDone)
                    .arg(m_itemsExpected);
        const double elapsed = double(m_runClock.elapsed()) / 1000.0;
        if (done > 0 && elapsed > 1.0) {
            double left = elapsed * double(total - done) / double(done);
            if (m_timeBudget->value() > 0)  // each unfinished result stops sampling at the budget
                left = std::min(left, m_timeBudget->value() * std::max(0, m_itemsExpected - m_itemsDone));
            text += m_adaptive ? tr(", at most about %1 left (a target CI often stops sooner)")
                                     .arg(qs(formatDuration(left * 1e9)))
                               : tr(", about %1 left").arg(qs(formatDuration(left * 1e9)));
        }
    }
    m_progressText->setText(text);
}

QString MainWindow::progressText() const
{
    return m_progressText->text();
}

void MainWindow::appendLog(const QString& text)
{
    m_log->appendPlainText(QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz ")) + text);
}

// ---------------------------------------------------------------------------------------------------------------
// Export, About, settings

quint64 MainWindow::analyseResults(const std::vector<Result>& results, const QString& fallbackHeadline)
{
    m_fallbackHeadline = fallbackHeadline;
    return m_analyzer->request(results);
}

void MainWindow::showAnalysis(quint64 ticket, const std::shared_ptr<const ResultAnalysis>& analysis)
{
    if (ticket < m_firstCurrentTicket)
        return;
    m_summary->setAnalysis(analysis);
    QStringList headlines;
    for (const std::string& line : analysis->headlines)
        headlines << qs(line);
    m_headline->setText(headlines.isEmpty() ? m_fallbackHeadline : headlines.join(QLatin1Char('\n')));
    m_headline->setToolTip(headlines.join(QLatin1Char('\n')));
    if (ticket >= m_finalTicket && m_finalTicket > 0) {
        m_finalTicket = 0;
        // Let the queued replots happen before anyone (the screenshot) looks at the window.
        QTimer::singleShot(0, this, [this, cancelled = m_finalCancelled] { emit planFinished(cancelled); });
    }
}

void MainWindow::showStartupTab()
{
    m_viewTabs->setCurrentWidget(m_startup);
}

bool MainWindow::analysisPending() const
{
    return !m_analyzer->idle();
}

void MainWindow::showEnvironmentWarnings(const std::vector<std::string>& warnings, const QString& when)
{
    QStringList items;
    for (const std::string& w : warnings)
        items << QStringLiteral("<li>%1</li>").arg(qs(w).toHtmlEscaped());
    m_environmentBanner->setVisible(!items.isEmpty());
    m_environmentBanner->setText(items.isEmpty()
                                     ? QString()
                                     : tr("<b>%1: what may make the numbers noisy or biased.</b><ul style=\"margin: 0\">"
                                          "%2</ul>")
                                           .arg(when.toHtmlEscaped(), items.join(QString())));
}

QString MainWindow::environmentBannerText() const
{
    return m_environmentBanner->isVisible() ? m_environmentBanner->text() : QString();
}

// ---------------------------------------------------------------------------------------------------------------
// Results documents: export, open, compare, recover

std::vector<RuntimeInfo> MainWindow::runtimeInfos() const
{
    std::vector<RuntimeInfo> infos;
    for (const auto& d : m_registry.descriptors()) {
        infos.push_back(m_registry.info(d.info.id).value_or(d.info));
    }
    return infos;
}

void MainWindow::startDocument(const HarnessOptions& options)
{
    *m_document = newRunDocument(m_registry, {}, options);
    m_document->versusVersion = VERSUS_VERSION;
    m_document->componentVersions["Qt"] = qVersion();
}

ResultsDocument MainWindow::currentDocument() const
{
    ResultsDocument document = *m_document;
    // Runtimes created since the run started now report their full versions.
    if (document.runtimes.empty())
        document.runtimes = runtimeInfos();
    document.results = m_results->results();
    return document;
}

bool MainWindow::exportResults(const QString& fileName, QString* error, const QString& selectedFilter)
{
    return ResultsExport::write(fileName, currentDocument(), [this] {
        // The CLI's report charts, from the same code: the same file from both front ends.
        auto charts = renderReportCharts(currentDocument());
        return charts ? std::move(*charts) : std::vector<ChartSvg>{};
    }, error,
                                selectedFilter);
}

void MainWindow::exportResultsWithDialog()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString filter;
    const QString fileName = QFileDialog::getSaveFileName(this, tr("Export results"),
                                                          documents + QStringLiteral("/versus-results.json"),
                                                          ResultsExport::fileDialogFilter(), &filter);
    if (fileName.isEmpty())
        return;
    QString error;
    if (exportResults(fileName, &error, filter))
        statusBar()->showMessage(tr("Wrote %1").arg(fileName), 5000);
    else
        QMessageBox::warning(this, tr("Export results"), error);
}

void MainWindow::exportChartWithDialog(PlotWidget* plot)
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString fileName = QFileDialog::getSaveFileName(this, tr("Export chart"), documents,
                                                          tr("PNG (*.png);;SVG (*.svg);;PDF (*.pdf)"));
    if (fileName.isEmpty())
        return;
    QSize size;
    double scale = 2.0;
    if (QFileInfo(fileName).suffix().compare(QLatin1String("png"), Qt::CaseInsensitive) == 0) {
        ChartExportDialog dialog(plot->size(), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        size = dialog.chartSize();
        scale = dialog.dotsPerInch() / ChartExportDialog::kLogicalDpi;
    }
    QString error;
    if (!plot->exportTo(fileName, &error, size, scale))
        QMessageBox::warning(this, tr("Export chart"), error);
}

void MainWindow::exportAllChartsWithDialog()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString fileName = QFileDialog::getSaveFileName(this, tr("Export all charts"),
                                                          documents + QStringLiteral("/versus-charts.png"),
                                                          tr("PNG (*.png);;SVG (*.svg);;PDF (*.pdf)"));
    if (fileName.isEmpty())
        return;
    ChartExportDialog dialog(QSize(1200, 800), this);
    dialog.setWindowTitle(tr("Size of the charts"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto drawn = renderCharts(m_results->results(), fileName.toStdString(), dialog.chartSize().width(),
                                    dialog.chartSize().height(), dialog.dotsPerInch());
    if (drawn)
        statusBar()->showMessage(tr("Wrote %1").arg(fileName), 5000);
    else
        QMessageBox::warning(this, tr("Export all charts"), qs(drawn.error()));
}

void MainWindow::openWithDialog()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open results (one to show, two to compare)"), documents,
        tr("Versus results (*.json);;All files (*)"));
    if (!files.isEmpty())
        openResultsFiles(files);
}

bool MainWindow::openResultsFiles(const QStringList& files)
{
    auto complain = [this](const QString& message) {
        QMessageBox box(QMessageBox::Warning, tr("Open results"), message, QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("openResultsError"));
        box.exec();
        return false;
    };
    if (m_running)
        return complain(tr("Stop the run before opening results."));
    if (files.size() == 1) {
        QString error;
        return showResultsFile(files.first(), &error) || complain(error);
    }
    if (files.size() != 2)
        return complain(tr("Open one results file to show it, or two to compare them (you picked %1).")
                            .arg(files.size()));
    std::vector<ResultsDocument> documents;
    for (const QString& file : files) {
        auto parsed = readResultsFile(file.toStdString());
        if (!parsed)
            return complain(qs(parsed.error()));
        documents.push_back(std::move(*parsed));
    }
    auto* dialog = new CompareDialog(files[0], files[1], qs(compareResults(documents[0], documents[1])), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return true;
}

bool MainWindow::showResultsFile(const QString& fileName, QString* error)
{
    const auto parsed = readResultsFile(fileName.toStdString());
    if (!parsed) {
        if (error)
            *error = qs(parsed.error());
        return false;
    }
    showDocument(*parsed);
    appendLog(tr("=== Opened %1: %2 result(s) measured %3").arg(fileName).arg(parsed->results.size())
                  .arg(qs(parsed->startedAtUtc)));
    statusBar()->showMessage(tr("Showing %1").arg(fileName));
    return true;
}

void MainWindow::showDocument(const ResultsDocument& document)
{
    *m_document = document;
    m_document->results.clear();
    m_results->clear();
    m_store->clear();
    m_throughput->clear();
    m_memory->clear();
    m_memory->showDocumentMemory(document);
    m_distribution->clear();
    m_shownWorkload->clear();
    for (const Result& r : document.results) {
        m_results->addResult(r);
        m_store->addMeasured(r);
        const QString workloadId = qs(r.workloadId);
        if (m_shownWorkload->findData(workloadId) < 0)
            m_shownWorkload->addItem(qs(r.workloadTitle.empty() ? r.workloadId : r.workloadTitle), workloadId);
    }
    m_firstCurrentTicket = analyseResults(document.results,
                                          tr("%1 result(s), none comparable").arg(document.results.size()));
    if (m_shownWorkload->count() > 0) {
        m_shownWorkload->setCurrentIndex(0);
        showWorkloadInPlots(m_shownWorkload->itemData(0).toString());
    }
    m_itemsExpected = 0;
    m_currentItemText = tr("Showing results measured %1").arg(qs(document.startedAtUtc));
    updateProgress();
    showEnvironmentWarnings(document.warnings, tr("When these results were measured (%1)")
                                                   .arg(qs(document.startedAtUtc)));
}

bool MainWindow::recoverJournal(const QString& journalFile, QString* error)
{
    const auto recovered = versus::recoverJournal(journalFile.toStdString());
    if (!recovered) {
        if (error)
            *error = qs(recovered.error());
        return false;
    }
    const RecoveredRun& run = *recovered;
    const QString saved = QFileInfo(journalFile).absolutePath() + QStringLiteral("/recovered-")
        + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")) + QStringLiteral(".json");
    if (const auto written = writeOutputFile(saved.toStdString(), writeResultsDocument(run.document)); !written) {
        if (error)
            *error = qs(written.error());
        return false;
    }
    QFile::remove(journalFile);
    showDocument(run.document);
    appendLog(tr("=== Recovered %1 result(s) of a run that %2 (%3 unreadable line(s)); saved as %4")
                  .arg(run.document.results.size())
                  .arg(run.complete ? tr("finished but was not saved") : tr("did not finish"))
                  .arg(run.skippedLines)
                  .arg(saved));
    statusBar()->showMessage(tr("Recovered results saved as %1").arg(saved));
    return true;
}

void MainWindow::offerJournalRecovery(const QString& journalFile)
{
    if (!QFileInfo::exists(journalFile))
        return;
    // Every window run writes the journal; only one that did not reach its end is worth recovering.
    const auto recovered = versus::recoverJournal(journalFile.toStdString());
    if (recovered && recovered->complete)
        return;
    QMessageBox box(QMessageBox::Question, tr("Recover the last run?"),
                    tr("A run did not finish: Versus was closed or crashed while measuring. Its samples up to "
                       "that moment are in\n%1\n\nRecover them into a results file and show them?")
                        .arg(journalFile),
                    QMessageBox::NoButton, this);
    QPushButton* recover = box.addButton(tr("Recover"), QMessageBox::AcceptRole);
    QPushButton* discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    box.addButton(tr("Later"), QMessageBox::RejectRole);
    box.setDefaultButton(recover);
    box.exec();
    QString error;
    if (box.clickedButton() == recover && !recoverJournal(journalFile, &error))
        QMessageBox::warning(this, tr("Recover the last run"), error);
    else if (box.clickedButton() == discard)
        QFile::remove(journalFile);
}

InstrumentCheckDialog* MainWindow::instrumentCheck()
{
    if (!m_instrumentCheck) {
        m_instrumentCheck = new InstrumentCheckDialog(m_registry, m_catalog, this);
        if (m_running)
            m_instrumentCheck->setBlockedBy(tr("A benchmark run is in progress: the check would disturb it and share "
                                               "its interpreters. Run the check when it ends."));
    }
    return m_instrumentCheck;
}

void MainWindow::showAbout()
{
    QString runtimes;
    for (const auto& d : m_registry.descriptors()) {
        QString line;
        line = qs(m_registry.info(d.info.id).value_or(d.info).displayVersion()).toHtmlEscaped();
        if (!d.available())
            line += tr(" <i>(unavailable: %1)</i>").arg(qs(d.unavailableReason).toHtmlEscaped());
        runtimes += QStringLiteral("<li>%1</li>").arg(line);
    }
    QMessageBox::about(this, tr("About Versus"),
                       tr("<h3>Versus %1</h3><p>Races Python and Node.js side by side on the same workloads, with "
                          "warm-up, calibration and every sample kept.</p><p>Runtimes:</p><ul>%2</ul>"
                          "<p>Qt %3</p>")
                           .arg(QStringLiteral(VERSUS_VERSION), runtimes, QString::fromLatin1(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_options.persistSettings)
        saveSettings();
    if (m_running)
        if (m_session)
            m_session->cancel();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (settings.contains(QStringLiteral("window/geometry")))
        restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_mainSplitter->restoreState(settings.value(QStringLiteral("window/mainSplitter")).toByteArray());
    m_rightSplitter->restoreState(settings.value(QStringLiteral("window/rightSplitter")).toByteArray());
    if (settings.contains(QStringLiteral("run/workloads")))
        m_workloads->setCheckedWorkloadIds(settings.value(QStringLiteral("run/workloads")).toStringList());
    if (settings.contains(QStringLiteral("run/runtimes")))
        m_runtimes->setCheckedRuntimeIds(settings.value(QStringLiteral("run/runtimes")).toStringList());
    m_warmup->setValue(settings.value(QStringLiteral("run/warmupSamples"), m_warmup->value()).toInt());
    m_samples->setValue(settings.value(QStringLiteral("run/samples"), m_samples->value()).toInt());
    m_minSampleTime->setValue(settings.value(QStringLiteral("run/minSampleTimeMs"), m_minSampleTime->value()).toDouble());
    const int order = m_order->findData(settings.value(QStringLiteral("run/order")).toString());
    if (order >= 0)
        m_order->setCurrentIndex(order);
    m_targetCi->setValue(settings.value(QStringLiteral("run/targetCiPercent"), m_targetCi->value()).toDouble());
    m_maxSamples->setValue(settings.value(QStringLiteral("run/maxSamples"), m_maxSamples->value()).toInt());
    m_timeBudget->setValue(settings.value(QStringLiteral("run/timeBudgetS"), m_timeBudget->value()).toDouble());
    m_logScaleAction->setChecked(settings.value(QStringLiteral("view/logScale"), false).toBool());
    const QString current = settings.value(QStringLiteral("run/currentWorkload")).toString();
    if (!current.isEmpty())
        selectWorkload(current);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("window/rightSplitter"), m_rightSplitter->saveState());
    settings.setValue(QStringLiteral("run/workloads"), m_workloads->checkedWorkloadIds());
    settings.setValue(QStringLiteral("run/runtimes"), m_runtimes->checkedRuntimeIds());
    settings.setValue(QStringLiteral("run/warmupSamples"), m_warmup->value());
    settings.setValue(QStringLiteral("run/samples"), m_samples->value());
    settings.setValue(QStringLiteral("run/minSampleTimeMs"), m_minSampleTime->value());
    settings.setValue(QStringLiteral("run/order"), m_order->currentData().toString());
    settings.setValue(QStringLiteral("run/targetCiPercent"), m_targetCi->value());
    settings.setValue(QStringLiteral("run/maxSamples"), m_maxSamples->value());
    settings.setValue(QStringLiteral("run/timeBudgetS"), m_timeBudget->value());
    settings.setValue(QStringLiteral("view/logScale"), m_logScaleAction->isChecked());
    if (const Workload* w = m_parameters->workload())
        settings.setValue(QStringLiteral("run/currentWorkload"), qs(w->id));
}

void MainWindow::updateRuntimeListHeight()
{
    if (!m_runtimeList)
        return;
    const int rowHeight = std::max(m_runtimeList->sizeHintForRow(0), fontMetrics().height() + 4);
    m_runtimeList->setFixedHeight(std::max(2, m_runtimes->rowCount()) * rowHeight + 2 * m_runtimeList->frameWidth()
                                  + 4);
}

namespace {
const QString kUserInterpretersKey = QStringLiteral("runtimes/userInterpreters");
}

bool MainWindow::addInterpreter(const QString& name, const QString& path, QString* error)
{
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9_-]+$"));
    if (!validName.match(name).hasMatch())
        return fail(tr("The name may hold only letters, digits, '-' and '_'."));
    if (path.trimmed().isEmpty())
        return fail(tr("Choose the interpreter's path."));
    if (m_registry.descriptor(name.toStdString()))
        return fail(tr("A runtime named '%1' exists already: choose another name.").arg(name));
    // The registry keeps an interpreter that does not work (as unavailable): try it on a scratch registry first, so
    // a failure adds nothing. The version answer is cached, so registering for real does not start it again.
    {
        RuntimeRegistry trial;
        const std::string problem = registerExternalInterpreter(trial, name.toStdString(), path.toStdString());
        if (!problem.empty())
            return fail(qs(problem));
    }
    const std::string problem = registerExternalInterpreter(m_registry, name.toStdString(), path.toStdString());
    if (!problem.empty())
        return fail(qs(problem));
    m_runtimes->reload(name);
    updateRuntimeListHeight();
    if (const RuntimeDescriptor* d = m_registry.descriptor(name.toStdString()))
        appendLog(tr("Added interpreter %1: %2").arg(name, qs(d->info.displayVersion())));
    if (m_options.persistSettings) {
        QSettings settings;
        QStringList saved = settings.value(kUserInterpretersKey).toStringList();
        saved << name + QLatin1Char('=') + path;
        settings.setValue(kUserInterpretersKey, saved);
    }
    if (error)
        error->clear();
    return true;
}

void MainWindow::addInterpreterWithDialog()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Add interpreter"));
    auto* form = new QFormLayout(&dialog);
    auto* name = new QLineEdit(&dialog);
    name->setObjectName(QStringLiteral("interpreterName"));
    name->setPlaceholderText(tr("e.g. python312"));
    name->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9_-]*")), name));
    auto* path = new QLineEdit(&dialog);
    path->setObjectName(QStringLiteral("interpreterPath"));
    path->setPlaceholderText(tr("/usr/bin/python3.12"));
    auto* browse = new QPushButton(tr("Browse..."), &dialog);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(path, 1);
    pathRow->addWidget(browse);
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("&Path:"), pathRow);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(browse, &QPushButton::clicked, &dialog, [&dialog, path] {
        const QString start = path->text().isEmpty() ? QStringLiteral("/usr/bin") : QFileInfo(path->text()).path();
        const QString file = QFileDialog::getOpenFileName(&dialog, tr("Choose an interpreter"), start);
        if (!file.isEmpty())
            path->setText(file);
    });
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [this, &dialog, name, path] {
        QString error;
        if (addInterpreter(name->text().trimmed(), path->text().trimmed(), &error))
            dialog.accept();
        else
            QMessageBox::warning(&dialog, tr("Add interpreter"), error);  // the dialog stays open with its values
    });
    dialog.resize(std::max(dialog.sizeHint().width(), 460), dialog.sizeHint().height());
    dialog.exec();
}

void MainWindow::restoreUserInterpreters()
{
    QSettings settings;
    for (const QString& entry : settings.value(kUserInterpretersKey).toStringList()) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        const QString name = entry.left(eq);
        const QString path = eq < 0 ? QString() : entry.mid(eq + 1);
        if (m_registry.descriptor(name.toStdString()))
            continue;  // registered already (a second window of the process)
        RuntimeRegistry trial;
        std::string problem = registerExternalInterpreter(trial, name.toStdString(), path.toStdString());
        if (problem.empty())
            problem = registerExternalInterpreter(m_registry, name.toStdString(), path.toStdString());
        if (!problem.empty())
            appendLog(tr("Saved interpreter %1 skipped: %2").arg(entry, qs(problem)));
    }
    m_runtimes->reload();
    updateRuntimeListHeight();
}

} // namespace versus::gui
