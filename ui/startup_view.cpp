// Controls, progress and failures of a start-up study above its chart. The study runs on m_worker; everything it
// reports crosses to the GUI thread as a queued call on this object, which drops undelivered calls when it dies.
#include "startup_view.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <exception>
#include <utility>

#include "runtime_registry.h"
#include "startup_plot.h"
#include "statistics.h"

namespace versus::gui {

namespace {

QSpinBox* countBox(int minimum, int maximum, int value, const QString& name, const QString& toolTip)
{
    auto* box = new QSpinBox;
    box->setRange(minimum, maximum);
    box->setValue(value);
    box->setObjectName(name);
    box->setToolTip(toolTip);
    return box;
}

/// "1 run", "3 runs".
QString counted(int n, const QString& one, const QString& many)
{
    return QString::number(n) + QLatin1Char(' ') + (n == 1 ? one : many);
}

}  // namespace

StartupView::StartupView(RuntimeRegistry& registry, QString versusExecutable, QWidget* parent)
    : QWidget(parent), m_registry(registry), m_versusExecutable(std::move(versusExecutable))
{
    m_measureButton = new QPushButton(tr("Measure start-up"));
    m_measureButton->setObjectName(QStringLiteral("measureStartup"));
    m_measureButton->setToolTip(tr("Start every external runtime's interpreter many times, then measure the parts "
                                   "of embedded start-up in fresh Versus processes"));
    m_stopButton = new QPushButton(tr("Stop"));
    m_stopButton->setObjectName(QStringLiteral("stopStartup"));
    m_runs = countBox(1, 500, 15, QStringLiteral("startupRuns"), tr("Timed starts of each command"));
    m_warmup = countBox(0, 50, 3, QStringLiteral("startupWarmup"), tr("Untimed starts before the timed ones"));
    m_probes = countBox(0, 50, 3, QStringLiteral("startupProbes"),
                        tr("Fresh 'versus startup-probe' processes that time embedded start-up (0 skips it)"));

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_measureButton);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Runs:")));
    controls->addWidget(m_runs);
    controls->addWidget(new QLabel(tr("Warm-up:")));
    controls->addWidget(m_warmup);
    controls->addWidget(new QLabel(tr("Probe processes:")));
    controls->addWidget(m_probes);
    controls->addSpacing(12);
    controls->addWidget(m_stopButton);
    controls->addStretch(1);

    m_status = new QLabel(tr("Not measured yet."));
    m_status->setObjectName(QStringLiteral("startupStatus"));
    m_messages = new QLabel;
    m_messages->setObjectName(QStringLiteral("startupMessages"));
    m_messages->setWordWrap(true);
    m_messages->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messages->setVisible(false);
    auto* about = new QLabel(tr("Each command is started without a shell through versus-spawn, like hyperfine; "
                                "/bin/true shows what spawning alone costs. Embedded start-up is timed inside fresh "
                                "'versus startup-probe' processes, because CPython initialises once per process."));
    about->setWordWrap(true);

    m_plot = new StartupPlot;
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addWidget(m_messages);
    layout->addWidget(about);
    layout->addWidget(m_plot, 1);

    connect(m_measureButton, &QPushButton::clicked, this, [this] { start(); });
    connect(m_stopButton, &QPushButton::clicked, this, &StartupView::stop);
    updateButtons();
}

StartupView::~StartupView()
{
    m_stopper.request();
    if (m_worker.joinable())
        m_worker.join();
}

void StartupView::setCounts(int runs, int warmup, int probeRuns)
{
    m_runs->setValue(runs);
    m_warmup->setValue(warmup);
    m_probes->setValue(probeRuns);
}

int StartupView::commandBoxCount() const
{
    return m_plot->commandBoxCount();
}

int StartupView::embeddedBoxCount() const
{
    return m_plot->embeddedBoxCount();
}

QString StartupView::statusText() const
{
    return m_status->text();
}

QString StartupView::messageText() const
{
    return m_messages->text();
}

bool StartupView::start(const std::vector<std::string>& runtimeIds)
{
    if (m_running)
        return false;
    if (!m_blockedBy.isEmpty()) {
        m_status->setText(m_blockedBy);
        return false;
    }
    if (m_worker.joinable())
        m_worker.join();  // an earlier study that already reported its end
    StartupPlan plan = planStartup(m_registry, runtimeIds.empty() ? externalRuntimeIds(m_registry) : runtimeIds);
    StartupStudyOptions options;
    options.runs = m_runs->value();
    options.warmup = m_warmup->value();
    options.probeRuns = m_probes->value();
    options.versusExecutable = m_versusExecutable.toStdString();

    m_skipped = plan.skipped;
    m_measured.clear();
    m_crash.clear();
    m_study = {};
    m_plot->clear();
    m_stopper.reset();
    m_running = true;
    m_clock.start();
    m_status->setText(tr("Starting %1...").arg(counted(int(plan.commands.size()), tr("command"), tr("commands"))));
    updateMessages();
    updateButtons();

    m_worker = std::thread([this, plan = std::move(plan), options] {
        StartupStudy study;
        QString crash;
        try {
            StartupStudyCallbacks callbacks;
            callbacks.onProgress = [this](const StartupProgress& p) {
                QMetaObject::invokeMethod(
                    this, [this, p] { showProgress(p); }, Qt::QueuedConnection);
            };
            callbacks.onCommand = [this](const StartupMeasurement& m) {
                QMetaObject::invokeMethod(
                    this, [this, m] { addMeasurement(m); }, Qt::QueuedConnection);
            };
            study = runStartupStudy(plan, options, callbacks, &m_stopper);
        } catch (const std::exception& e) {  // exceptions never cross the thread: they become a message
            crash = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(
            this, [this, study = std::move(study), crash] { finish(study, crash); }, Qt::QueuedConnection);
    });
    return true;
}

void StartupView::stop()
{
    if (!m_running)
        return;
    m_stopper.request();
    m_status->setText(tr("Stopping..."));
}

void StartupView::showProgress(const StartupProgress& p)
{
    if (!m_running || m_stopper.requested())
        return;
    const QString label = QString::fromStdString(p.label);
    if (p.probe)
        m_status->setText(tr("Embedded start-up, %1: %2 of %3").arg(label).arg(p.index).arg(p.count));
    else if (p.warmup)
        m_status->setText(tr("%1: warm-up %2 of %3 (command %4 of %5)")
                              .arg(label)
                              .arg(p.index)
                              .arg(p.count)
                              .arg(p.step)
                              .arg(p.steps));
    else
        m_status->setText(
            tr("%1: %2 of %3 (command %4 of %5)").arg(label).arg(p.index).arg(p.count).arg(p.step).arg(p.steps));
}

void StartupView::addMeasurement(const StartupMeasurement& measurement)
{
    m_measured.push_back(measurement);
    m_plot->showStudy(m_measured, {});
    updateMessages();
}

void StartupView::finish(StartupStudy study, const QString& crash)
{
    if (m_worker.joinable())
        m_worker.join();  // it posted this as its last act
    m_running = false;
    m_study = std::move(study);
    m_crash = crash;
    m_measured = m_study.commands;
    m_plot->showStudy(m_study.commands, m_study.parts);

    const double seconds = m_clock.elapsed() / 1000.0;
    int measured = 0;
    for (const auto& m : m_study.commands)
        measured += m.error.empty() ? 1 : 0;
    QString status;
    if (m_study.stopped) {
        status = tr("Stopped after %1 s: %2 measured.")
                     .arg(seconds, 0, 'f', 1)
                     .arg(counted(measured, tr("command"), tr("commands")));
    } else {
        status =
            tr("Measured in %1 s: %2, %3 each after %4.")
                .arg(seconds, 0, 'f', 1)
                .arg(counted(measured, tr("command"), tr("commands")), counted(m_runs->value(), tr("run"), tr("runs")),
                     counted(m_warmup->value(), tr("warm-up start"), tr("warm-up starts")));
        if (!m_study.probes.empty()) {
            std::vector<double> wall;
            for (const auto& part : m_study.parts)
                if (part.key == "process_wall_ms")
                    wall = part.values;
            status += QLatin1Char(' ')
                + tr("Embedded: %1, %2 ms and %3 MiB peak RSS each (medians).")
                      .arg(counted(int(m_study.probes.size()), tr("probe process"), tr("probe processes")))
                      .arg(wall.empty() ? 0.0 : stats::median(wall), 0, 'f', 0)
                      .arg(stats::median(m_study.probeMaxRssBytes) / (1024.0 * 1024.0), 0, 'f', 1);
        }
    }
    m_status->setText(status);
    updateMessages();
    updateButtons();
    emit finished();
}

void StartupView::updateMessages()
{
    QStringList lines;
    for (const StartupSkip& skip : m_skipped)
        lines << tr("Skipped %1: %2").arg(QString::fromStdString(skip.runtimeId), QString::fromStdString(skip.reason));
    for (const StartupMeasurement& m : m_measured)
        if (!m.error.empty() && m.error != "stopped")
            lines << tr("Failed: %1").arg(QString::fromStdString(m.error));
    if (!m_study.probeError.empty())
        lines << tr("Embedded start-up failed: %1").arg(QString::fromStdString(m_study.probeError));
    if (!m_crash.isEmpty())
        lines << tr("The start-up study ended on an error: %1").arg(m_crash);
    m_messages->setText(lines.join(QLatin1Char('\n')));
    m_messages->setVisible(!lines.isEmpty());
}

void StartupView::setBlockedBy(const QString& reason)
{
    m_blockedBy = reason;
    m_measureButton->setToolTip(reason);
    updateButtons();
}

void StartupView::updateButtons()
{
    m_measureButton->setEnabled(!m_running && m_blockedBy.isEmpty());
    m_stopButton->setEnabled(m_running);
    for (QSpinBox* box : {m_runs, m_warmup, m_probes})
        box->setEnabled(!m_running);
}

}  // namespace versus::gui
