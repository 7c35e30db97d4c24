// Formats results with core's text_format so the table reads like the CLI; SortRole carries the raw numbers.
#include "results_model.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QLocale>
#include <QStyle>

#include <cmath>
#include <limits>

#include "headline.h"
#include "runtime_palette.h"
#include "series_label.h"
#include "text_format.h"

namespace versus::gui {

namespace {

/// What ended the sampling of a result, in words.
QString stopReasonText(const std::string& reason)
{
    if (reason == "samples")
        return QObject::tr("the sample budget");
    if (reason == "ci-target")
        return QObject::tr("the target CI (reached)");
    if (reason == "time-budget")
        return QObject::tr("the time budget");
    return QString::fromStdString(reason.empty() ? std::string("-") : reason);
}

QString statusText(const Result& r)
{
    switch (r.status) {
    case ResultStatus::Ok:
        return QObject::tr("ok");
    case ResultStatus::Cancelled:
        return QObject::tr("stopped");
    case ResultStatus::Failed:
        break;
    }
    return QObject::tr("failed: %1").arg(QString::fromStdString(r.failure.message));
}

/// The result's warnings, one paragraph each, for tooltips; empty when there are none.
QString warningsText(const Result& r)
{
    QString text;
    for (const std::string& warning : r.warnings)
        text += QObject::tr("\n\nWarning: %1").arg(QString::fromStdString(warning));
    return text;
}

std::string groupOf(const Result& r)
{
    return comparisonKey(r.workloadId, r.params);
}

}  // namespace

ResultsModel::ResultsModel(QObject* parent) : QAbstractTableModel(parent) { }

int ResultsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ResultsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double ResultsModel::ratioToFastest(int row) const
{
    const Row& r = m_rows[std::size_t(row)];
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (r.running || !isComparable(r.result))
        return nan;
    // The same fastest as the headline and the summary chart: failed results and the native reference never are.
    std::vector<const Result*> group;
    const std::string key = groupOf(r.result);
    for (const Row& other : m_rows)
        if (!other.running && groupOf(other.result) == key)
            group.push_back(&other.result);
    const Result* fastest = fastestOf(group);
    return fastest ? r.result.summary.medianNs / fastest->summary.medianNs : nan;
}

int ResultsModel::comparableInGroup(int row) const
{
    const std::string key = groupOf(m_rows[std::size_t(row)].result);
    int count = 0;
    for (const Row& other : m_rows)
        count += !other.running && groupOf(other.result) == key && isComparable(other.result)
            && contenderOf(other.result) != Contender::Reference;
    return count;
}

QVariant ResultsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[std::size_t(index.row())];
    const Result& r = row.result;
    const bool measured = !row.running && r.ok() && r.summary.samples > 0;
    const int column = index.column();

    if (role == Qt::DisplayRole || role == SortRole) {
        const bool sort = role == SortRole;
        switch (column) {
        case WorkloadColumn: {
            QString text = row.running ? row.title : QString::fromStdString(r.workloadTitle);
            if (!row.running && !r.params.empty())
                text += QStringLiteral(" (%1)").arg(QString::fromStdString(formatParams(r.params)));
            return text;
        }
        case RuntimeColumn:
            return row.running ? row.series : seriesLabel(r);
        case MedianColumn:
            if (!measured)
                return sort ? QVariant(std::numeric_limits<double>::infinity()) : QVariant(QStringLiteral("-"));
            return sort ? QVariant(r.summary.medianNs)
                        : QVariant(QString::fromStdString(formatDuration(r.summary.medianNs)));
        case CiColumn:
            if (!measured)
                return sort ? QVariant(std::numeric_limits<double>::infinity()) : QVariant(QStringLiteral("-"));
            if (sort)
                return r.summary.ciLowNs;
            return QStringLiteral("%1 to %2")
                .arg(QString::fromStdString(formatDuration(r.summary.ciLowNs)),
                     QString::fromStdString(formatDuration(r.summary.ciHighNs)));
        case MadColumn:
            if (!measured)
                return sort ? QVariant(std::numeric_limits<double>::infinity()) : QVariant(QStringLiteral("-"));
            return sort ? QVariant(r.summary.madNs) : QVariant(QString::fromStdString(formatDuration(r.summary.madNs)));
        case CallsPerSecondColumn:
            if (!measured)
                return sort ? QVariant(-1.0) : QVariant(QStringLiteral("-"));
            return sort
                ? QVariant(r.summary.callsPerSecond)
                : QVariant(QLocale().toString(r.summary.callsPerSecond, 'f', r.summary.callsPerSecond < 100 ? 1 : 0));
        case RatioColumn: {
            const double ratio = ratioToFastest(index.row());
            if (std::isnan(ratio))
                return sort ? QVariant(std::numeric_limits<double>::infinity()) : QVariant(QStringLiteral("-"));
            if (sort)
                return ratio;
            if (contenderOf(r) == Contender::Reference)  // faster than every contender, yet no contender
                return tr("%1 (reference)").arg(QString::fromStdString(formatRatio(ratio)));
            return ratio < 1.005 && comparableInGroup(index.row()) > 1 ? tr("fastest")
                                                                       : QString::fromStdString(formatRatio(ratio));
        }
        case StatusColumn:
            if (row.running)
                return tr("running...");
            if (r.warnings.empty())
                return statusText(r);
            return statusText(r)
                + (r.warnings.size() == 1 ? tr(", 1 warning") : tr(", %1 warnings").arg(r.warnings.size()));
        }
        return {};
    }
    switch (role) {
    case Qt::ToolTipRole:
        if (column == CiColumn && measured)
            return tr("95% confidence interval of the median (bootstrap, %1 samples)").arg(r.summary.samples);
        if (row.running)
            return tr("Measuring now");
        if (!r.ok()) {
            QString where;
            if (r.failure.line > 0)
                where = tr("\nat line %1 of %2").arg(r.failure.line).arg(QString::fromStdString(r.failure.file));
            return statusText(r) + where + warningsText(r);
        }
        return tr("%1 measured samples of %2 call(s) each; answer %3\n%4 order; sampling ended by %5")
                   .arg(r.summary.samples)
                   .arg(r.innerLoops)
                   .arg(QString::fromStdString(r.answer), QString::fromStdString(r.order), stopReasonText(r.stopReason))
            + warningsText(r);
    case Qt::DecorationRole:
        if (column == RuntimeColumn)
            return RuntimePalette::color(QString::fromStdString(r.runtimeId), QString::fromStdString(r.flavour));
        if (column == StatusColumn && !row.running && !r.warnings.empty())
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::ForegroundRole:
        if (column == StatusColumn && !row.running && r.status == ResultStatus::Failed)
            return QBrush(QColor(0xD5, 0x5E, 0x00));
        return {};
    case Qt::TextAlignmentRole:
        if (column >= MedianColumn && column <= RatioColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case WorkloadColumn:
        return tr("Workload");
    case RuntimeColumn:
        return tr("Runtime");
    case MedianColumn:
        return tr("Median / call");
    case CiColumn:
        return tr("95% CI");
    case MadColumn:
        return tr("MAD");
    case CallsPerSecondColumn:
        return tr("Calls/s");
    case RatioColumn:
        return tr("vs fastest");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

void ResultsModel::addRunning(int itemIndex, const QString& workloadTitle, const QString& seriesName,
                              const QString& runtimeId, const QString& flavour)
{
    Row row;
    row.running = true;
    row.title = workloadTitle;
    row.series = seriesName;
    row.result.itemIndex = itemIndex;
    row.result.runtimeId = runtimeId.toStdString();
    row.result.flavour = flavour.toStdString();
    beginInsertRows({}, rowCount(), rowCount());
    m_rows.push_back(std::move(row));
    endInsertRows();
}

void ResultsModel::addResult(const Result& result)
{
    int at = -1;
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].result.itemIndex == result.itemIndex && result.itemIndex >= 0)
            at = int(i);
    if (at < 0) {
        beginInsertRows({}, rowCount(), rowCount());
        m_rows.push_back({result, false, {}, {}});
        endInsertRows();
    } else {
        m_rows[std::size_t(at)] = {result, false, {}, {}};
    }
    // Every row of the same workload may have a new ratio; the table is small, so update whole rows.
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ResultsModel::clear()
{
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

std::vector<Result> ResultsModel::results() const
{
    std::vector<Result> out;
    for (const Row& row : m_rows)
        if (!row.running)
            out.push_back(row.result);
    return out;
}

}  // namespace versus::gui
