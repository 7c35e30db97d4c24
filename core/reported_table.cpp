// What workloads report beside their timing, as terminal tables: one column rule (ReportColumn) from the manifest.
#include "reported_table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>

#include "headline.h"
#include "text_format.h"

namespace versus {

namespace {

/// A column of the table: its heading and how a result fills its cell (nothing: "-").
struct Column {
    std::string heading;
    std::function<std::optional<std::string>(const Result&)> cell;
};

std::string formatValue(double value, ReportColumn::Format format)
{
    if (!std::isfinite(value))
        return "-";
    char buffer[32];
    switch (format) {
    case ReportColumn::Format::Bytes:
        return formatBytes(value);
    case ReportColumn::Format::Share:
        std::snprintf(buffer, sizeof buffer, "%.0f%%", value * 100);
        return buffer;
    case ReportColumn::Format::Rate:
        return formatRate(value);
    case ReportColumn::Format::Number:
        break;
    }
    std::snprintf(buffer, sizeof buffer,
                  std::fabs(value) >= 100      ? "%.0f"
                      : std::fabs(value) >= 10 ? "%.1f"
                                               : "%.2f",
                  value);
    return buffer;
}

std::optional<std::string> reportedCell(const Result& r, const std::string& key, ReportColumn::Format format)
{
    const auto found = r.reported.find(key);
    if (!r.ok() || found == r.reported.end())
        return std::nullopt;
    return formatValue(found->second, format);
}

/// The parameter as a number: NaN for a string.
double numberOf(const ParamValue& value)
{
    if (const auto* i = std::get_if<std::int64_t>(&value))
        return double(*i);
    if (const auto* d = std::get_if<double>(&value))
        return *d;
    return NAN;
}

std::vector<Column> columnsFor(const Workload& w, const ParamValues& params)
{
    std::vector<Column> columns;
    const MetricSpec& metric = w.metric;
    if (metric.kind == MetricSpec::Kind::Throughput) {
        const auto work = params.find(metric.workParameter);
        const double units = work == params.end() ? NAN : numberOf(work->second);
        columns.push_back({metric.unit, [units](const Result& r) -> std::optional<std::string> {
                               if (!r.ok() || !std::isfinite(units) || r.summary.medianNs <= 0)
                                   return std::nullopt;
                               return formatRate(units / (r.summary.medianNs / 1e9));
                           }});
    } else if (metric.kind == MetricSpec::Kind::Reported) {
        const auto format =
            metric.unit.rfind("bytes", 0) == 0 ? ReportColumn::Format::Bytes : ReportColumn::Format::Number;
        columns.push_back({metric.unit, [key = metric.reportedName, format](const Result& r) {
                               return reportedCell(r, key, format);
                           }});
    }
    for (const ReportColumn& column : w.report)
        if (column.name != metric.reportedName)
            columns.push_back({column.label, [key = column.keyFor(params), format = column.format](const Result& r) {
                                   return reportedCell(r, key, format);
                               }});
    return columns;
}

}  // namespace

std::string formatReportedTable(const std::vector<Result>& results, const Catalog& catalog)
{
    std::string out;
    for (const auto& [label, group] : groupByWorkload(results)) {
        const Workload* w = catalog.find(group.front()->workloadId);
        if (!w)
            continue;
        const std::vector<Column> columns = columnsFor(*w, group.front()->params);
        if (columns.empty())
            continue;
        // Cells of the results that reported something; a column nobody filled (pgbench off) is left out, and so is a
        // result with no cell (failed: the results table above says why).
        std::vector<std::vector<std::optional<std::string>>> cells;
        std::vector<const Result*> shown;
        std::vector<bool> used(columns.size(), false);
        for (const Result* r : group) {
            std::vector<std::optional<std::string>> row;
            for (std::size_t c = 0; c < columns.size(); ++c) {
                row.push_back(columns[c].cell(*r));
                used[c] = used[c] || row.back().has_value();
            }
            if (std::any_of(row.begin(), row.end(), [](const auto& cell) { return cell.has_value(); })) {
                cells.push_back(std::move(row));
                shown.push_back(r);
            }
        }
        if (shown.empty())
            continue;
        std::vector<std::vector<std::string>> rows(1, {"runtime"});
        for (std::size_t c = 0; c < columns.size(); ++c)
            if (used[c])
                rows[0].push_back(columns[c].heading);
        for (std::size_t i = 0; i < shown.size(); ++i) {
            std::vector<std::string> row{shown[i]->seriesName()};
            for (std::size_t c = 0; c < columns.size(); ++c)
                if (used[c])
                    row.push_back(cells[i][c].value_or("-"));
            rows.push_back(std::move(row));
        }
        out += "\n" + label + ": what the workload reported\n" + formatTextTable(rows);
    }
    return out;
}

}  // namespace versus
