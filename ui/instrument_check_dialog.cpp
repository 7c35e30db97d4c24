// The instrument check dialog: a Run button, a progress line and the report in a fixed-width text view.
#include "instrument_check_dialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QMetaObject>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

#include "catalog.h"
#include "instrument_check.h"
#include "runtime_registry.h"

namespace versus::gui {

InstrumentCheckDialog::InstrumentCheckDialog(RuntimeRegistry& registry, const Catalog& catalog, QWidget* parent)
    : QDialog(parent), m_registry(registry), m_catalog(catalog)
{
    setWindowTitle(tr("Instrument check"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("Versus measures itself against the tools a specialist would use: the embedded interpreters against the "
           "same interpreter as a process, the harness's cost per call against timeit and a bare JavaScript loop, "
           "the cost of a sample, the clock, cancel latency and the spread of a fib median. It takes about a "
           "minute; nothing else should run meanwhile."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_status = new QLabel(tr("Not run yet."), this);
    m_status->setObjectName(QStringLiteral("instrumentStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_report = new QPlainTextEdit(this);
    m_report->setObjectName(QStringLiteral("instrumentReport"));
    m_report->setReadOnly(true);
    m_report->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_report->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_report, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_run = buttons->addButton(tr("&Run the check"), QDialogButtonBox::ActionRole);
    connect(m_run, &QPushButton::clicked, this, [this] { start(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(900, 600);
}

InstrumentCheckDialog::~InstrumentCheckDialog()
{
    m_cancelled = true;
    if (m_worker.joinable())
        m_worker.join();
}

void InstrumentCheckDialog::setBlockedBy(const QString& reason)
{
    m_blockedBy = reason;
    m_run->setEnabled(reason.isEmpty() && !m_running);
    if (!reason.isEmpty() && !m_running)
        m_status->setText(reason);
}

bool InstrumentCheckDialog::start(bool quick)
{
    if (m_running || !m_blockedBy.isEmpty()) {
        if (!m_blockedBy.isEmpty())
            m_status->setText(m_blockedBy);
        return false;
    }
    if (m_worker.joinable())
        m_worker.join();
    m_running = true;
    m_cancelled = false;
    m_run->setEnabled(false);
    m_status->setText(tr("Measuring..."));
    m_report->clear();
    QPointer<InstrumentCheckDialog> self(this);
    m_worker = std::thread([this, self, quick] {
        InstrumentCheckOptions options;
        options.quick = quick;
        options.cancelled = &m_cancelled;
        options.progress = [self](const std::string& text) {
            QMetaObject::invokeMethod(self, [self, text] {
                if (self)
                    self->m_status->setText(QString::fromStdString(text) + QStringLiteral("..."));
            });
        };
        const Catalog selftest = Catalog::load(workloadsDirectory() / "_selftest");
        const InstrumentReport report = runInstrumentCheck(m_registry, m_catalog, selftest, options);
        bool allMeet = true;
        for (const auto& f : report.figures)
            allMeet = allMeet && (!f.meetsGoal || *f.meetsGoal);
        const QString text = QString::fromStdString(formatInstrumentReport(report));
        QMetaObject::invokeMethod(self, [self, text, allMeet] {
            if (self)
                self->showReport(text, allMeet);
        });
    });
    return true;
}

void InstrumentCheckDialog::showReport(const QString& text, bool allMeetGoals)
{
    m_running = false;
    m_run->setEnabled(m_blockedBy.isEmpty());
    m_report->setPlainText(text.trimmed());
    m_status->setText(allMeetGoals ? tr("Done: every figure with a goal meets it.")
                                   : tr("Done: figures marked !! miss their goal; see the README on what they mean."));
    emit finished();
}

QString InstrumentCheckDialog::reportText() const
{
    return m_report->toPlainText();
}

}  // namespace versus::gui
