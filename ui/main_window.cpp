// Builds the window's frame (splitters, tabs, menus) and wires its parts: the run panel starts runs, the results
// presenter shows them, the results actions read and write files; one benchmark, start-up or instrument measurement
// at a time.
#include "main_window.h"

#include <QAction>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QMenuBar>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QScreen>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>

#include "about_box.h"
#include "chart_guide.h"
#include "charts_page.h"
#include "claims_dialog.h"
#include "custom_code_panel.h"
#include "instrument_check_dialog.h"
#include "interpreter_dialog.h"
#include "plot_widget.h"
#include "presentation_window.h"
#include "qstring_conversion.h"
#include "results_actions.h"
#include "results_model.h"
#include "results_presenter.h"
#include "results_table.h"
#include "run_log.h"
#include "run_panel.h"
#include "runtime_list_model.h"
#include "startup_plot.h"
#include "startup_view.h"

namespace versus::gui {

namespace {

QString runBlocksTheInstrumentCheck()
{
    return MainWindow::tr("A benchmark run is in progress: the check would disturb it and share its interpreters. "
                          "Run the check when it ends.");
}

}  // namespace

MainWindow::MainWindow(RuntimeRegistry& registry, Catalog catalog, Options options, QWidget* parent)
    : QMainWindow(parent), m_registry(registry), m_catalog(std::move(catalog)), m_options(options),
      m_interpreters(registry, options.persistSettings)
{
    setWindowTitle(tr("Versus: Python vs Node.js workbench"));
    // Before the run panel lists the runtimes: the saved interpreters are checked like the built-in ones.
    const QStringList skippedInterpreters = m_options.persistSettings ? m_interpreters.restore() : QStringList();
    m_results = new ResultsModel(this);
    m_resultsProxy = new QSortFilterProxyModel(this);
    m_resultsProxy->setSourceModel(m_results);
    m_resultsProxy->setSortRole(ResultsModel::SortRole);

    buildLayout();
    m_presenter = new ResultsPresenter(m_registry, m_catalog, {m_charts, m_results, m_log, m_runPanel, m_custom}, this);
    connect(m_presenter, &ResultsPresenter::runningChanged, this, &MainWindow::setRunning);
    connect(m_presenter, &ResultsPresenter::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text); });
    m_resultsActions = new ResultsActions(
        this, m_charts, [this] { return currentDocument(); }, [this] { return isRunning(); },
        m_options.persistSettings);
    connect(m_resultsActions, &ResultsActions::documentOpened, this, &MainWindow::showDocument);
    connect(m_resultsActions, &ResultsActions::logLine, m_log, &RunLog::append);
    buildActions();

    if (m_options.persistSettings)
        restoreSettings();
    for (const QString& line : skippedInterpreters)
        m_log->append(line);
    for (const auto& error : m_catalog.errors())
        m_log->append(tr("Workload not loaded: %1").arg(toQString(error.toString())));
    setRunning(false);
    statusBar()->showMessage(tr("%1 workloads, %2 runtimes. Ctrl+R runs the checked ones.")
                                 .arg(m_catalog.workloads().size())
                                 .arg(m_registry.descriptors().size()));
}

MainWindow::~MainWindow()
{
    // Now, not with the other children: a running plan points into m_catalog, which goes before them.
    delete m_presenter;  // cancels a running plan and waits for it; the journal stays for the next start to offer
}

// ---------------------------------------------------------------------------------------------------------------
// Layout and menus

void MainWindow::buildLayout()
{
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    // The run panel scrolls; its Run button, progress and messages stay below it, in view at any window height.
    auto* left = new QWidget(m_mainSplitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(left);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_runPanel = new RunPanel(m_catalog, m_registry);
    scroll->setWidget(m_runPanel);
    leftLayout->addWidget(scroll, 1);
    m_runPanel->runControls()->setParent(left);
    leftLayout->addWidget(m_runPanel->runControls());
    left->setMinimumWidth(300);
    m_mainSplitter->addWidget(left);
    connect(m_runPanel, &RunPanel::runClicked, this, &MainWindow::runClicked);
    connect(m_runPanel, &RunPanel::stopClicked, this, &MainWindow::stopRun);
    connect(m_runPanel, &RunPanel::addInterpreterClicked, this, &MainWindow::addInterpreterWithDialog);

    m_rightSplitter = new QSplitter(Qt::Vertical, m_mainSplitter);
    m_rightSplitter->setObjectName(QStringLiteral("rightSplitter"));
    m_viewTabs = new QTabWidget(m_rightSplitter);
    m_viewTabs->setDocumentMode(true);
    m_charts = new ChartsPage(m_catalog, m_viewTabs);
    m_viewTabs->addTab(m_charts, tr("Charts"));
    connect(m_charts, &ChartsPage::analysisSettled, this, &MainWindow::planFinished);
    m_custom = new CustomCodePanel(m_viewTabs);
    m_viewTabs->addTab(m_custom, tr("Your own code"));
    connect(m_custom, &CustomCodePanel::raceRequested, this, &MainWindow::startCustomRace);
    // Start-up is measured in child processes, on demand: nothing starts before the user asks.
    m_startup = new StartupView(m_registry,
                                m_options.versusExecutable.isEmpty() ? QCoreApplication::applicationFilePath()
                                                                     : m_options.versusExecutable,
                                m_viewTabs);
    m_startup->setObjectName(QStringLiteral("startupView"));
    // A refused run's warning goes when its cause does.
    connect(m_startup, &StartupView::finished, this, [this] { m_runPanel->clearRefusal(startupRefusal()); });
    m_viewTabs->addTab(m_startup, tr("Start-up"));
    m_rightSplitter->addWidget(m_viewTabs);
    m_rightSplitter->addWidget(buildBottomTabs());
    m_rightSplitter->setStretchFactor(0, 3);
    m_rightSplitter->setStretchFactor(1, 1);
    m_rightSplitter->setSizes({690, 160});

    m_mainSplitter->addWidget(m_rightSplitter);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({330, 1070});
    setCentralWidget(m_mainSplitter);
    // 1400x900, or less on a smaller screen: a first window larger than a 1280x720 screen hides Run and the charts.
    const QSize available = screen() ? screen()->availableGeometry().size() : QSize(1400, 900);
    resize(QSize(1400, 900).boundedTo(available * 0.95));
}

QWidget* MainWindow::buildBottomTabs()
{
    auto* tabs = new QTabWidget(m_rightSplitter);
    tabs->setDocumentMode(true);
    tabs->addTab(new ResultsTable(m_resultsProxy, tabs), tr("Results"));
    m_log = new RunLog(tabs);
    tabs->addTab(m_log, tr("Log"));
    return tabs;
}

void MainWindow::buildActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open results..."), m_resultsActions, &ResultsActions::openWithDialog)
        ->setShortcut(QKeySequence::Open);
    file->addAction(tr("&Export results..."), m_resultsActions, &ResultsActions::exportResultsWithDialog)
        ->setShortcuts({QKeySequence::Save, QKeySequence(Qt::CTRL | Qt::Key_E)});
    QMenu* charts = file->addMenu(tr("Export &chart"));
    std::vector<PlotWidget*> exportable = m_charts->plots();
    for (PlotWidget* plot : m_charts->concurrencyPlots())
        exportable.push_back(plot);
    exportable.push_back(m_startup->plot());
    for (PlotWidget* plot : exportable)
        charts->addAction(plot->title() + QStringLiteral("..."), this,
                          [this, plot] { m_resultsActions->exportChartWithDialog(plot); });
    charts->addSeparator();
    charts->addAction(tr("All charts on one page..."), m_resultsActions, &ResultsActions::exportAllChartsWithDialog);
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    m_runAction = run->addAction(tr("&Run"), this, &MainWindow::runClicked);
    m_runAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_stopAction = run->addAction(tr("&Stop"), this, &MainWindow::stopRun);
    m_stopAction->setShortcut(QKeySequence(Qt::Key_Escape));
    run->addSeparator();
    run->addAction(tr("Use &tiny parameters"), m_runPanel, &RunPanel::useTinyParameters);
    run->addAction(tr("&Add interpreter..."), this, &MainWindow::addInterpreterWithDialog);
    run->addAction(tr("Measure &start-up"), this,
                   [this] {
                       showStartupTab();
                       m_startup->start();
                   })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    run->addAction(tr("Check the &article..."), this, [this] {
        claimsCheck()->show();
        claimsCheck()->raise();
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_logScaleAction = view->addAction(tr("&Logarithmic scale"));
    m_logScaleAction->setCheckable(true);
    connect(m_logScaleAction, &QAction::toggled, m_charts, &ChartsPage::setLogScale);
    connect(m_charts, &ChartsPage::logScaleToggled, m_logScaleAction, &QAction::setChecked);
    view->addAction(tr("&Reset zoom"), m_charts, &ChartsPage::resetZoom);
    QAction* fullScreen = view->addAction(tr("&Full screen"));
    fullScreen->setShortcut(QKeySequence(Qt::Key_F11));
    fullScreen->setCheckable(true);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) { on ? showFullScreen() : showNormal(); });
    view->addAction(tr("&Presentation mode"), this, [this] { showPresentation(); })->setShortcut(Qt::Key_F5);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("How to &read these charts"), this, [this] { showChartGuide(this); })
        ->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&Instrument check..."), this, [this] {
        InstrumentCheckDialog* dialog = instrumentCheck();
        dialog->show();
        dialog->raise();
    });
    help->addAction(tr("&About Versus"), this, [this] { showAboutBox(this, m_registry); });
}

// ---------------------------------------------------------------------------------------------------------------
// Running

void MainWindow::runClicked()
{
    if (m_viewTabs->currentWidget() == m_custom)
        startCustomRace();
    else
        startRun();
}

QString MainWindow::startupRefusal() const
{
    return tr("Start-up is being measured (Start-up tab): a run now would disturb both measurements. Wait for it to "
              "finish or press its Stop.");
}

QString MainWindow::instrumentCheckRefusal() const
{
    return tr("The instrument check is running (Help > Instrument check): a run now would disturb it and share its "
              "interpreters. Wait for it to finish.");
}

void MainWindow::refuse(const QString& reason)
{
    m_runPanel->showRefusal(reason);
    statusBar()->showMessage(reason, 8000);
}

bool MainWindow::startRun()
{
    if (isRunning())
        return false;
    Expected<RunPlan> plan = m_runPanel->checkedPlan();
    if (!plan) {
        refuse(toQString(plan.error()));
        return false;
    }
    return startPlan(std::move(plan).value());
}

bool MainWindow::startCustomRace()
{
    if (isRunning())
        return false;
    m_viewTabs->setCurrentWidget(m_custom);
    const Workload* w = m_custom->prepareWorkload();
    if (!w) {
        refuse(tr("Your own code was not started: see the message under the editors."));
        return false;
    }
    std::vector<PlanItem> items;
    for (const QString& id : m_runPanel->runtimeModel()->checkedRuntimeIds()) {
        const RuntimeDescriptor* d = m_registry.descriptor(id.toStdString());
        if (d && !w->implementationsFor(d->info.language).empty())
            items.push_back({w, id.toStdString(), {}, m_custom->isolate()});
    }
    if (items.empty()) {
        refuse(tr("Check a Python or a JavaScript runtime to race your code on."));
        return false;
    }
    return startPlan(m_runPanel->planOf(std::move(items)), true);
}

bool MainWindow::startPlan(RunPlan plan, bool customRace)
{
    if (m_startup->isRunning()) {
        refuse(startupRefusal());
        return false;
    }
    if (m_instrumentCheck && m_instrumentCheck->isRunning()) {
        refuse(instrumentCheckRefusal());
        return false;
    }
    if (m_presentation && m_presentation->stage() == PresentationWindow::Stage::Racing) {
        refuse(tr("A demo of the presentation mode is running: press Esc in it first."));
        return false;
    }
    if (m_claimsCheck && m_claimsCheck->isRunning()) {
        refuse(tr("The article is being checked (Run > Check the article): a run now would disturb it. Wait for it "
                  "to finish or press its Stop."));
        return false;
    }
    m_runPanel->clearRefusal();
    m_custom->setRunning(true, customRace);
    m_startup->setBlockedBy(tr("A benchmark run is in progress: measuring start-up now would disturb both. "
                               "Measure when it ends."));
    if (m_instrumentCheck)
        m_instrumentCheck->setBlockedBy(runBlocksTheInstrumentCheck());
    m_presenter->start(std::move(plan));
    return true;
}

PresentationWindow* MainWindow::showPresentation()
{
    if (!m_presentation) {
        auto demos = claims::DemoCatalog::load(claims::demosFile());
        if (!demos) {
            m_log->append(tr("Presentation mode: %1").arg(toQString(demos.error())));
            statusBar()->showMessage(toQString(demos.error()));
            return nullptr;
        }
        PresentationWindow::Options options;
        options.persistSettings = m_options.persistSettings;
        options.blockedReason = [this] {
            if (isRunning())
                return tr("A benchmark run of the window is in progress: a demo now would disturb it and share its "
                          "interpreters. Stop it or wait for it to end.");
            if ((m_claimsCheck && m_claimsCheck->isRunning()) || m_startup->isRunning())
                return tr("The window is measuring (Check the article or Start-up): run the demo when it ends.");
            return QString();
        };
        m_presentation = new PresentationWindow(m_registry, m_catalog, std::move(*demos), std::move(options), this);
    }
    m_presentation->showFullScreen();
    m_presentation->raise();
    m_presentation->activateWindow();
    return m_presentation;
}

void MainWindow::stopRun()
{
    m_presenter->stop();
}

void MainWindow::setRunning(bool running)
{
    if (!running) {  // the plan is done: start-up and the instrument check may measure again
        m_custom->setRunning(false);
        m_startup->setBlockedBy({});
        if (m_instrumentCheck)
            m_instrumentCheck->setBlockedBy({});
    } else {
        statusBar()->clearMessage();  // "Showing run.json" would describe results the new run just replaced
    }
    m_runPanel->setRunning(running);
    m_runAction->setEnabled(!running);
    m_stopAction->setEnabled(running);
}

bool MainWindow::isRunning() const
{
    return m_presenter->running();
}

ResultsDocument MainWindow::currentDocument() const
{
    return m_presenter->currentDocument();
}

void MainWindow::showDocument(const ResultsDocument& document)
{
    m_presenter->showDocument(document);
}

// ---------------------------------------------------------------------------------------------------------------
// Interpreters, dialogs, settings

bool MainWindow::addInterpreter(const QString& name, const QString& path, QString* error)
{
    if (!m_interpreters.add(name, path, error))
        return false;
    m_runPanel->reloadRuntimes(name);
    if (const RuntimeDescriptor* d = m_registry.descriptor(name.toStdString()))
        m_log->append(tr("Added interpreter %1: %2").arg(name, toQString(d->info.displayVersion())));
    return true;
}

void MainWindow::addInterpreterWithDialog()
{
    InterpreterDialog dialog(
        [this](const QString& name, const QString& path, QString* error) { return addInterpreter(name, path, error); },
        this);
    dialog.exec();
}

InstrumentCheckDialog* MainWindow::instrumentCheck()
{
    if (!m_instrumentCheck) {
        m_instrumentCheck = new InstrumentCheckDialog(m_registry, m_catalog, this);
        connect(m_instrumentCheck, &InstrumentCheckDialog::finished, this,
                [this] { m_runPanel->clearRefusal(instrumentCheckRefusal()); });
        if (isRunning())
            m_instrumentCheck->setBlockedBy(runBlocksTheInstrumentCheck());
    }
    return m_instrumentCheck;
}

ClaimsDialog* MainWindow::claimsCheck()
{
    if (!m_claimsCheck)
        m_claimsCheck = new ClaimsDialog(
            m_registry, m_catalog,
            [this] {
                if (isRunning() || m_startup->isRunning() || (m_instrumentCheck && m_instrumentCheck->isRunning()))
                    return tr("Something else is measuring (a run, start-up or the instrument check): checking the "
                              "article now would disturb both. Check when it ends.");
                return QString();
            },
            this);
    return m_claimsCheck;
}

void MainWindow::showStartupTab()
{
    m_viewTabs->setCurrentWidget(m_startup);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_options.persistSettings)
        saveSettings();
    m_presenter->stop();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreSettings()
{
    const QSettings settings;
    if (settings.contains(QStringLiteral("window/geometry")))
        restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_mainSplitter->restoreState(settings.value(QStringLiteral("window/mainSplitter")).toByteArray());
    m_rightSplitter->restoreState(settings.value(QStringLiteral("window/rightSplitter")).toByteArray());
    m_logScaleAction->setChecked(settings.value(QStringLiteral("view/logScale"), false).toBool());
    m_runPanel->restoreSettings(settings);
    m_custom->restoreSettings(settings);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("window/rightSplitter"), m_rightSplitter->saveState());
    settings.setValue(QStringLiteral("view/logScale"), m_logScaleAction->isChecked());
    m_runPanel->saveSettings(settings);
    m_custom->saveSettings(settings);
}

}  // namespace versus::gui
