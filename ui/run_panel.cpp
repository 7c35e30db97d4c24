// The run panel: builds its three boxes, keeps the user's parameters per workload and makes a RunPlan of them.
#include "run_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <thread>

#include "parameter_editor.h"
#include "run_progress.h"
#include "runtime_list_model.h"
#include "text_format.h"
#include "workload_tree_model.h"

namespace versus::gui {

RunPanel::RunPanel(const Catalog& catalog, const RuntimeRegistry& registry, QWidget* parent)
    : QWidget(parent), m_catalog(catalog)
{
    m_workloads = new WorkloadTreeModel(m_catalog, this);
    m_workloadProxy = new QSortFilterProxyModel(this);
    m_workloadProxy->setSourceModel(m_workloads);
    m_workloadProxy->setFilterRole(WorkloadTreeModel::SearchTextRole);
    m_workloadProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_workloadProxy->setRecursiveFilteringEnabled(true);
    m_runtimes = new RuntimeListModel(registry, this);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildWorkloadBox());
    layout->addWidget(buildRuntimeBox());
    layout->addWidget(buildRunBox());
    layout->addStretch(1);
    m_controls = buildRunControls();

    // Defaults before settings: the manifests' default job.
    QStringList defaults;
    for (const Workload& w : m_catalog.workloads())
        if (w.defaultJob)
            defaults << QString::fromStdString(w.id);
    m_workloads->setCheckedWorkloadIds(defaults);
    // The question a first run answers: embedded CPython against embedded Node.js (the CLI's default too), in a few
    // seconds; the other runtimes are one click away.
    m_runtimes->setCheckedRuntimeIds({QStringLiteral("python"), QStringLiteral("node")});
    if (!m_catalog.workloads().empty())
        selectWorkload(QString::fromStdString(m_catalog.workloads().front().id));
    updateControls();
}

QWidget* RunPanel::buildWorkloadBox()
{
    auto* workloadBox = new QGroupBox(tr("Workloads"), this);
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

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_workloadProxy->setFilterFixedString(text);
        m_tree->expandAll();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { onCurrentWorkloadChanged(m_workloadProxy->mapToSource(current)); });
    connect(m_parameters, &ParameterEditor::edited, this, &RunPanel::storeEditedParameters);
    connect(m_workloads, &WorkloadTreeModel::checkedChanged, this, &RunPanel::updateControls);
    return workloadBox;
}

QWidget* RunPanel::buildRuntimeBox()
{
    auto* runtimeBox = new QGroupBox(tr("Runtimes"), this);
    auto* rl = new QVBoxLayout(runtimeBox);
    m_runtimeList = new QListView(runtimeBox);
    m_runtimeList->setObjectName(QStringLiteral("runtimeList"));
    m_runtimeList->setModel(m_runtimes);
    m_runtimeList->setIconSize(QSize(12, 12));
    m_runtimeList->setTextElideMode(Qt::ElideRight);
    m_runtimeList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_runtimeList->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    updateRuntimeListHeight();
    rl->addWidget(m_runtimeList);
    auto* addInterpreterButton = new QPushButton(tr("Add interpreter..."), runtimeBox);
    addInterpreterButton->setObjectName(QStringLiteral("addInterpreterButton"));
    addInterpreterButton->setToolTip(tr("Add a Python or Node.js interpreter of your own as a runtime"));
    connect(addInterpreterButton, &QPushButton::clicked, this, &RunPanel::addInterpreterClicked);
    rl->addWidget(addInterpreterButton, 0, Qt::AlignLeft);
    connect(m_runtimes, &RuntimeListModel::checkedChanged, this, &RunPanel::updateControls);
    return runtimeBox;
}

QWidget* RunPanel::buildRunBox()
{
    auto* runBox = new QGroupBox(tr("Run"), this);
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
    connect(m_targetCi, &QDoubleSpinBox::valueChanged, this, [this] { updateControls(); });
    m_timeBudget = new QDoubleSpinBox(runBox);
    m_timeBudget->setObjectName(QStringLiteral("timeBudget"));
    m_timeBudget->setRange(0, 24 * 3600);
    m_timeBudget->setDecimals(0);
    m_timeBudget->setSuffix(tr(" s"));
    m_timeBudget->setSpecialValueText(tr("none"));
    m_timeBudget->setValue(HarnessOptions{}.timeBudgetS);
    m_timeBudget->setToolTip(tr("Stop measured sampling of an item once this much time went by (0 = no budget)"));
    form->addRow(tr("Time budget"), m_timeBudget);

    return runBox;
}

QWidget* RunPanel::buildRunControls()
{
    // Not in the panel's own (scrolling) layout: the window keeps these below it, always in view.
    auto* controls = new QWidget(this);
    controls->setObjectName(QStringLiteral("runControls"));
    auto* form = new QVBoxLayout(controls);
    auto* buttons = new QHBoxLayout;
    m_runButton = new QPushButton(tr("Run"), controls);
    m_runButton->setObjectName(QStringLiteral("runButton"));
    m_runButton->setToolTip(tr("Run the checked workloads on the checked runtimes (Ctrl+R)"));
    m_runButton->setDefault(true);
    m_stopButton = new QPushButton(tr("Stop"), controls);
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_stopButton->setToolTip(tr("Stop the running workload and skip the rest (Esc)"));
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_stopButton);
    form->addLayout(buttons);
    m_progress = new QProgressBar(controls);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    form->addWidget(m_progress);
    m_progressText = new QLabel(tr("Idle"), controls);
    m_progressText->setObjectName(QStringLiteral("progressText"));
    m_progressText->setWordWrap(true);
    form->addWidget(m_progressText);
    m_message = new QLabel(controls);
    m_message->setObjectName(QStringLiteral("runMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #D55E00;"));
    m_message->setVisible(false);
    form->addWidget(m_message);

    connect(m_runButton, &QPushButton::clicked, this, &RunPanel::runClicked);
    connect(m_stopButton, &QPushButton::clicked, this, &RunPanel::stopClicked);
    return controls;
}

// ---------------------------------------------------------------------------------------------------------------
// Selection and parameters

void RunPanel::setCheckedWorkloads(const QStringList& ids)
{
    m_workloads->setCheckedWorkloadIds(ids);
}

void RunPanel::setCheckedRuntimes(const QStringList& ids)
{
    m_runtimes->setCheckedRuntimeIds(ids);
}

void RunPanel::selectWorkload(const QString& id)
{
    const QModelIndex source = m_workloads->indexOf(id);
    if (!source.isValid())
        return;
    const QModelIndex proxy = m_workloadProxy->mapFromSource(source);
    if (proxy.isValid())
        m_tree->setCurrentIndex(proxy);
    onCurrentWorkloadChanged(source);
}

void RunPanel::onCurrentWorkloadChanged(const QModelIndex& current)
{
    const Workload* w = m_workloads->workloadAt(current);
    if (!w) {
        m_description->setText(QString());
        return;
    }
    if (w == m_parameters->workload())
        return;
    m_description->setText(QStringLiteral("<b>%1</b><br>%2")
                               .arg(QString::fromStdString(w->title).toHtmlEscaped(),
                                    QString::fromStdString(w->description).toHtmlEscaped()));
    m_parameters->setWorkload(w, m_overrides[w->id]);
    storeEditedParameters();
}

void RunPanel::storeEditedParameters()
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
    updateControls();
}

void RunPanel::useTinyParameters()
{
    for (const Workload& w : m_catalog.workloads()) {
        m_overrides[w.id] = w.tinyParams;
        m_parameterErrors.erase(w.id);
    }
    if (const Workload* current = m_parameters->workload())
        m_parameters->setWorkload(current, m_overrides[current->id]);
    updateControls();
}

void RunPanel::setSampling(int warmupSamples, int samples, double minSampleTimeMs)
{
    m_warmup->setValue(warmupSamples);
    m_samples->setValue(samples);
    m_minSampleTime->setValue(minSampleTimeMs);
}

void RunPanel::setRunPlanOptions(RunOrder order, double targetCiPercent, double timeBudgetS, int maxSamples)
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
// The plan

Expected<RunPlan> RunPanel::checkedPlan()
{
    const auto refuse = [](const QString& reason) { return Error{reason.toStdString()}; };
    const QStringList workloads = m_workloads->checkedWorkloadIds();
    const QStringList runtimes = m_runtimes->checkedRuntimeIds();
    if (workloads.isEmpty())
        return refuse(tr("Check at least one workload to run."));
    if (runtimes.isEmpty())
        return refuse(tr("Check at least one available runtime to run on."));
    std::vector<PlanItem> items;
    for (const QString& id : workloads) {
        const Workload* w = m_catalog.find(id.toStdString());
        if (!w)
            continue;
        if (auto it = m_parameterErrors.find(w->id); it != m_parameterErrors.end()) {
            const QString reason = tr("Not started: %1 (workload '%2'). Fix the field or clear it to use the default.")
                                       .arg(it->second, QString::fromStdString(w->title));
            selectWorkload(id);
            return refuse(reason);
        }
        if (const auto resolved = w->resolveParams(m_overrides[w->id]); !resolved)
            return refuse(tr("Not started: %1").arg(QString::fromStdString(resolved.error())));
        // A stepped workload (cpu_parallel's workers) gives one item per step and runtime, as `versus run` does.
        for (const ParamValues& step : w->stepOverrides(m_overrides[w->id], std::thread::hardware_concurrency()))
            for (const QString& runtime : runtimes)
                items.push_back({w, runtime.toStdString(), step});
    }
    return planOf(std::move(items));
}

RunPlan RunPanel::planOf(std::vector<PlanItem> items) const
{
    RunPlan plan;
    plan.items = std::move(items);
    plan.options.warmupSamples = m_warmup->value();
    plan.options.samples = m_samples->value();
    plan.options.minSampleTimeMs = m_minSampleTime->value();
    plan.options.timeBudgetS = m_timeBudget->value();
    plan.order = runOrderFromName(m_order->currentData().toString().toStdString()).value_or(RunOrder::Interleaved);
    plan.targetCiPercent = m_targetCi->value();
    plan.maxSamples = m_maxSamples->value();
    return plan;
}

// ---------------------------------------------------------------------------------------------------------------
// Run state, refusals and progress

void RunPanel::setRunning(bool running)
{
    m_running = running;
    updateControls();
}

void RunPanel::updateControls()
{
    m_runButton->setEnabled(!m_running);
    m_stopButton->setEnabled(m_running);
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

void RunPanel::showRefusal(const QString& reason)
{
    m_message->setText(reason);
    m_message->setVisible(true);
}

void RunPanel::clearRefusal()
{
    m_message->setVisible(false);
}

void RunPanel::clearRefusal(const QString& reason)
{
    if (m_message->text() == reason)
        clearRefusal();
}

QString RunPanel::runMessage() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void RunPanel::showProgress(const RunProgress& progress, const QString& currentItem, double elapsedS)
{
    // QProgressBar counts in int: per mille is fine enough for a bar.
    m_progress->setRange(0, 1000);
    m_progress->setValue(progress.perMille());
    QString text = currentItem;
    if (progress.running()) {
        text += tr("\n%1 of %2%3 samples, %4 of %5 results")
                    .arg(progress.samplesDone())
                    .arg(progress.upperBound() ? tr("at most ") : QString())
                    .arg(progress.samplesPlanned())
                    .arg(progress.resultsDone())
                    .arg(progress.resultsExpected());
        if (const std::optional<double> left = progress.secondsLeft(elapsedS)) {
            const QString duration = QString::fromStdString(formatWait(*left));
            text += progress.upperBound() ? tr(", at most %1 left (a target CI often stops sooner)").arg(duration)
                                          : tr(", %1 left").arg(duration);
        }
    }
    m_progressText->setText(text);
}

QString RunPanel::progressText() const
{
    return m_progressText->text();
}

// ---------------------------------------------------------------------------------------------------------------
// Runtimes and settings

void RunPanel::reloadRuntimes(const QString& checked)
{
    m_runtimes->reload(checked);
    updateRuntimeListHeight();
}

void RunPanel::updateRuntimeListHeight()
{
    const int rowHeight = std::max(m_runtimeList->sizeHintForRow(0), fontMetrics().height() + 4);
    m_runtimeList->setFixedHeight(std::max(2, m_runtimes->rowCount()) * rowHeight + 2 * m_runtimeList->frameWidth()
                                  + 4);
}

void RunPanel::restoreSettings(const QSettings& settings)
{
    if (settings.contains(QStringLiteral("run/workloads")))
        m_workloads->setCheckedWorkloadIds(settings.value(QStringLiteral("run/workloads")).toStringList());
    if (settings.contains(QStringLiteral("run/runtimes")))
        m_runtimes->setCheckedRuntimeIds(settings.value(QStringLiteral("run/runtimes")).toStringList());
    m_warmup->setValue(settings.value(QStringLiteral("run/warmupSamples"), m_warmup->value()).toInt());
    m_samples->setValue(settings.value(QStringLiteral("run/samples"), m_samples->value()).toInt());
    m_minSampleTime->setValue(
        settings.value(QStringLiteral("run/minSampleTimeMs"), m_minSampleTime->value()).toDouble());
    const int order = m_order->findData(settings.value(QStringLiteral("run/order")).toString());
    if (order >= 0)
        m_order->setCurrentIndex(order);
    m_targetCi->setValue(settings.value(QStringLiteral("run/targetCiPercent"), m_targetCi->value()).toDouble());
    m_maxSamples->setValue(settings.value(QStringLiteral("run/maxSamples"), m_maxSamples->value()).toInt());
    m_timeBudget->setValue(settings.value(QStringLiteral("run/timeBudgetS"), m_timeBudget->value()).toDouble());
    const QString current = settings.value(QStringLiteral("run/currentWorkload")).toString();
    if (!current.isEmpty())
        selectWorkload(current);
}

void RunPanel::saveSettings(QSettings& settings) const
{
    settings.setValue(QStringLiteral("run/workloads"), m_workloads->checkedWorkloadIds());
    settings.setValue(QStringLiteral("run/runtimes"), m_runtimes->checkedRuntimeIds());
    settings.setValue(QStringLiteral("run/warmupSamples"), m_warmup->value());
    settings.setValue(QStringLiteral("run/samples"), m_samples->value());
    settings.setValue(QStringLiteral("run/minSampleTimeMs"), m_minSampleTime->value());
    settings.setValue(QStringLiteral("run/order"), m_order->currentData().toString());
    settings.setValue(QStringLiteral("run/targetCiPercent"), m_targetCi->value());
    settings.setValue(QStringLiteral("run/maxSamples"), m_maxSamples->value());
    settings.setValue(QStringLiteral("run/timeBudgetS"), m_timeBudget->value());
    if (const Workload* w = m_parameters->workload())
        settings.setValue(QStringLiteral("run/currentWorkload"), QString::fromStdString(w->id));
}

}  // namespace versus::gui
