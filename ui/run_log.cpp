// The Log tab's lines, worded for the person reading along while the run goes.
#include "run_log.h"

#include <QFontDatabase>
#include <QTime>

#include "qstring_conversion.h"
#include "run_scheduler.h"
#include "text_format.h"

namespace versus::gui {

RunLog::RunLog(QWidget* parent) : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("log"));
    setReadOnly(true);
    setMaximumBlockCount(20000);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

void RunLog::append(const QString& text)
{
    appendPlainText(QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz ")) + text);
}

void RunLog::runStarted(const RunPlan& plan, int resultsExpected)
{
    append(
        tr("=== Run started: %1 item(s), %2 warm-up + %3 measured samples, min sample time %4 ms, %5 order%6")
            .arg(resultsExpected)
            .arg(plan.options.warmupSamples)
            .arg(plan.options.samples)
            .arg(plan.options.minSampleTimeMs)
            .arg(QString::fromLatin1(runOrderName(plan.order)))
            .arg(
                (plan.targetCiPercent > 0 ? tr(", target CI %1% of the median").arg(plan.targetCiPercent) : QString())
                + (plan.options.timeBudgetS > 0 ? tr(", time budget %1 s").arg(plan.options.timeBudgetS) : QString())));
}

void RunLog::itemStarted(const QString& workloadTitle, const QString& seriesName, const std::string& runtimeVersion)
{
    append(tr("%1 on %2 %3: started").arg(workloadTitle, seriesName, toQString(runtimeVersion)));
}

void RunLog::calibrated(const CalibratedEvent& e)
{
    append(tr("  calibrated: %1 call(s) per sample (last attempt %2)")
               .arg(e.innerLoops)
               .arg(toQString(formatDuration(double(e.lastElapsedNs)))));
}

void RunLog::output(const OutputEvent& e)
{
    QString text = toQString(e.text);
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    append(QStringLiteral("  [%1 %2] %3").arg(toQString(e.key.runtimeId), toQString(e.stream), text));
}

void RunLog::finished(const Result& r)
{
    append(tr("  done: median %1 per call (MAD %2), %3 samples, answer %4 (%5 order, stopped by %6)")
               .arg(toQString(formatDuration(r.summary.medianNs)), toQString(formatDuration(r.summary.madNs)))
               .arg(r.summary.samples)
               .arg(toQString(r.answer), toQString(r.order), toQString(r.stopReason)));
}

void RunLog::failed(const Result& r)
{
    QString where;
    if (r.failure.line > 0)
        where = tr(" (line %1 of %2)").arg(r.failure.line).arg(toQString(r.failure.file));
    append(tr("  %1 %2: %3%4")
               .arg(r.status == ResultStatus::Cancelled ? tr("STOPPED") : tr("FAILED"),
                    toQString(r.workloadTitle) + QStringLiteral(" / ") + toQString(r.seriesName()),
                    toQString(r.failure.message), where));
    if (!r.output.empty() && r.status == ResultStatus::Failed)
        append(QStringLiteral("  output:\n") + toQString(r.output));
}

}  // namespace versus::gui
