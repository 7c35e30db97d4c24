// The Check the article dialog: Run and Stop, a progress bar with the time left, the verdict table, Save handout.
#include "claims_dialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QMetaObject>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <chrono>

#include "catalog.h"
#include "chart_render.h"
#include "claims_report.h"
#include "results/output_file.h"
#include "run_progress.h"
#include "runtime_registry.h"
#include "text_format.h"

namespace versus::gui {

namespace {

/// The plan's progress, counted on the worker thread that pumps the run and posted to the dialog.
class ProgressRelay final : public RunObserver {
public:
    using Post = std::function<void(int perMille, const QString& text)>;
    ProgressRelay(const RunPlan& plan, const RuntimeRegistry& registry, Post post) : m_post(std::move(post))
    {
        m_progress.start(plan, registry);
    }
    void started(const StartedEvent&) override { }
    void calibrated(const CalibratedEvent&) override { }
    void sample(const SampleEvent& e) override
    {
        m_progress.sample(e.key.itemIndex, e.key.flavour);
        post();
    }
    void output(const OutputEvent&) override { }
    void finished(const FinishedEvent& e) override { ended(e.result); }
    void failed(const FailedEvent& e) override { ended(e.result); }
    void memory(const MemoryEvent&) override { }
    void gc(const GcEvent&) override { }
    void planDone(const PlanDoneEvent& e) override { m_progress.finish(e.cancelled); }

private:
    void ended(const Result& r)
    {
        m_progress.resultEnded(r.itemIndex, r.flavour);
        post();
    }
    void post()
    {
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
        QString text = ClaimsDialog::tr("Measuring: %1 of %2 results")
                           .arg(m_progress.resultsDone())
                           .arg(m_progress.resultsExpected());
        if (const auto left = m_progress.secondsLeft(elapsed))
            text += QStringLiteral(", ") + QString::fromStdString(formatWait(*left)) + ClaimsDialog::tr(" left");
        m_post(m_progress.perMille(), text);
    }

    RunProgress m_progress;
    Post m_post;
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
};

QString verdictColor(claims::Verdict v, bool dark)
{
    switch (v) {
    case claims::Verdict::Holds:
        return dark ? QStringLiteral("#7fd37f") : QStringLiteral("#176117");
    case claims::Verdict::Partly:
        return dark ? QStringLiteral("#f0c060") : QStringLiteral("#8a5a00");
    case claims::Verdict::DoesNotHold:
        return dark ? QStringLiteral("#ff8080") : QStringLiteral("#a00000");
    default:
        return {};
    }
}

}  // namespace

ClaimsDialog::ClaimsDialog(RuntimeRegistry& registry, const Catalog& catalog, std::function<QString()> blockedReason,
                           QWidget* parent)
    : QDialog(parent), m_registry(registry), m_catalog(catalog), m_blockedReason(std::move(blockedReason))
{
    setWindowTitle(tr("Check the article"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Runs every claim of the article this machine can test, with budgets that keep the "
                                "whole check within about three minutes, and says for each whether it holds here. "
                                "Embedded runtimes are compared with embedded ones, processes with processes. "
                                "Nothing else should run meanwhile."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_status = new QLabel(tr("Not run yet."), this);
    m_status->setObjectName(QStringLiteral("claimsStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    layout->addWidget(m_progress);
    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(QStringLiteral("claimsTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("#"), tr("Claim"), tr("The article says"), tr("Measured here"), tr("Verdict"), tr("Why")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(0, 30);
    m_table->setColumnWidth(1, 260);
    m_table->setColumnWidth(2, 170);
    m_table->setColumnWidth(3, 330);
    m_table->setColumnWidth(4, 110);
    // Rows grow with their wrapped text; the Why column's width changes with the dialog's.
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, m_table, &QTableWidget::resizeRowsToContents);
    layout->addWidget(m_table, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_run = buttons->addButton(tr("&Check the article"), QDialogButtonBox::ActionRole);
    m_stop = buttons->addButton(tr("&Stop"), QDialogButtonBox::ActionRole);
    m_save = buttons->addButton(tr("Save &handout..."), QDialogButtonBox::ActionRole);
    m_stop->setEnabled(false);
    m_save->setEnabled(false);
    connect(m_run, &QPushButton::clicked, this, [this] { start(); });
    connect(m_stop, &QPushButton::clicked, this, &ClaimsDialog::stop);
    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Save handout"), QStringLiteral("claims.html"),
                                                          tr("HTML handout (*.html);;Markdown (*.md)"));
        QString error;
        if (!file.isEmpty() && !saveHandout(file, &error))
            QMessageBox::warning(this, tr("Save handout"), error);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(1200, 720);
}

ClaimsDialog::~ClaimsDialog()
{
    m_stopRequested = true;
    if (m_worker.joinable())
        m_worker.join();
}

bool ClaimsDialog::start(bool tiny)
{
    if (m_running)
        return false;
    if (const QString reason = m_blockedReason ? m_blockedReason() : QString(); !reason.isEmpty()) {
        m_status->setText(reason);
        return false;
    }
    if (m_worker.joinable())
        m_worker.join();
    m_running = true;
    m_stopRequested = false;
    m_run->setEnabled(false);
    m_stop->setEnabled(true);
    m_save->setEnabled(false);
    m_progress->setValue(0);
    m_status->setText(tr("Starting..."));
    QPointer<ClaimsDialog> self(this);
    auto post = [self](int perMille, const QString& text) {
        QMetaObject::invokeMethod(self, [self, perMille, text] {
            if (self)
                self->showProgress(perMille, text);
        });
    };
    m_worker = std::thread([this, self, tiny, post] {
        std::unique_ptr<ProgressRelay> relay;
        claims::ClaimsCheckCallbacks callbacks;
        callbacks.onPlan = [&](const claims::ClaimsPlan& plan) {
            relay = std::make_unique<ProgressRelay>(plan.plan, m_registry, post);
            callbacks.observer = relay.get();
        };
        callbacks.onStartup = [&](const std::string& label, int starts) {
            post(0, tr("Start-up of %1 (%2 cold starts)").arg(QString::fromStdString(label)).arg(starts));
        };
        callbacks.stop = &m_stopRequested;
        auto check = std::make_shared<const claims::ClaimsCheck>(
            claims::runClaimsCheck(claims::articleClaimCatalog(), m_catalog, m_registry,
                                   tiny ? claims::tinyClaimsBudget() : claims::defaultClaimsBudget(),
                                   std::thread::hardware_concurrency(), VERSUS_VERSION, callbacks));
        QMetaObject::invokeMethod(self, [self, check] {
            if (self)
                self->showOutcome(check);
        });
    });
    return true;
}

void ClaimsDialog::stop()
{
    m_stopRequested = true;
}

QString ClaimsDialog::statusText() const
{
    return m_status->text();
}

void ClaimsDialog::showProgress(int perMille, const QString& text)
{
    if (!m_running)
        return;
    m_progress->setValue(perMille);
    m_status->setText(text);
}

void ClaimsDialog::showOutcome(std::shared_ptr<const claims::ClaimsCheck> check)
{
    m_running = false;
    m_check = std::move(check);
    m_run->setEnabled(true);
    m_stop->setEnabled(false);
    m_save->setEnabled(true);
    m_progress->setValue(1000);
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    m_table->setRowCount(int(m_check->outcomes.size()));
    int row = 0;
    for (const claims::ClaimOutcome& o : m_check->outcomes) {
        const QString verdict = QString::fromUtf8(claims::verdictText(o.verdict))
            + (o.comparedAs.empty() ? QString() : QStringLiteral("\n(") + QString::fromStdString(o.comparedAs) + ")");
        const QStringList cells{QString::number(o.claim->number),
                                QString::fromStdString(o.claim->sentence),
                                QString::fromStdString(o.claim->articleSays),
                                QString::fromStdString(claims::measuredSummary(o)),
                                verdict,
                                QString::fromStdString(o.claim->why)};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            item->setToolTip(cells[column]);
            if (column == 4) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                if (const QString color = verdictColor(o.verdict, dark); !color.isEmpty())
                    item->setForeground(QColor(color));
            }
            m_table->setItem(row, column, item);
        }
        ++row;
    }
    m_table->resizeRowsToContents();
    m_status->setText(m_check->cancelled ? tr("Stopped: the verdicts use what was measured.")
                                         : tr("Done: %1 claims.").arg(m_check->outcomes.size()));
    emit finished();
}

bool ClaimsDialog::saveHandout(const QString& file, QString* error)
{
    if (!m_check) {
        *error = tr("Check the article first.");
        return false;
    }
    std::string bytes;
    if (file.endsWith(QStringLiteral(".md"), Qt::CaseInsensitive)) {
        bytes = claims::claimsMarkdown(m_check->outcomes, m_check->document);
    } else {
        const auto charts = claims::claimCharts(m_check->outcomes, m_check->document, renderReportCharts);
        bytes = claims::claimsHtml(m_check->outcomes, m_check->document, charts ? *charts : claims::ClaimCharts{});
    }
    if (const auto written = writeOutputFile(file.toStdString(), bytes); !written) {
        *error = QString::fromStdString(written.error());
        return false;
    }
    return true;
}

}  // namespace versus::gui
