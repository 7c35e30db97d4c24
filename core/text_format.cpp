// Terminal tables. Widths are computed from the content, never fixed.
#include "text_format.h"

#include "statistics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace versus {

std::string formatDuration(double ns)
{
    if (!std::isfinite(ns))
        return "-";
    char buffer[32];
    const double a = std::fabs(ns);
    if (a < 1e3)
        std::snprintf(buffer, sizeof buffer, "%.0f ns", ns);
    else if (a < 1e6)
        std::snprintf(buffer, sizeof buffer, "%.2f us", ns / 1e3);
    else if (a < 1e9)
        std::snprintf(buffer, sizeof buffer, "%.2f ms", ns / 1e6);
    else
        std::snprintf(buffer, sizeof buffer, "%.2f s", ns / 1e9);
    return buffer;
}

std::string formatRatio(double ratio)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, ratio < 10 ? "%.2fx" : ratio < 100 ? "%.1fx" : "%.0fx", ratio);
    return buffer;
}

namespace {

std::string formatRate(double perSecond)
{
    char buffer[32];
    if (perSecond >= 1e6)
        std::snprintf(buffer, sizeof buffer, "%.2fM", perSecond / 1e6);
    else if (perSecond >= 1e4)
        std::snprintf(buffer, sizeof buffer, "%.1fk", perSecond / 1e3);
    else
        std::snprintf(buffer, sizeof buffer, "%.1f", perSecond);
    return buffer;
}

std::string renderTable(const std::vector<std::vector<std::string>>& rows)
{
    std::vector<size_t> widths;
    auto displayWidth = [](const std::string& s) {
        size_t n = 0;
        for (unsigned char c : s)
            n += (c & 0xC0) != 0x80;  // count UTF-8 code points
        return n;
    };
    for (const auto& row : rows)
        for (size_t i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.push_back(0);
            widths[i] = std::max(widths[i], displayWidth(row[i]));
        }
    std::string out;
    for (size_t r = 0; r < rows.size(); ++r) {
        std::string line = "  ";
        for (size_t i = 0; i < rows[r].size(); ++i) {
            line += rows[r][i];
            if (i + 1 < rows[r].size())
                line += std::string(widths[i] - displayWidth(rows[r][i]) + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line + "\n";
        if (r == 0) {
            size_t total = 0;
            for (size_t w : widths)
                total += w + 2;
            out += "  " + std::string(total > 2 ? total - 2 : 0, '-') + "\n";
        }
    }
    return out;
}

} // namespace

std::optional<std::string> headline(const std::vector<Result>& sameWorkload)
{
    std::vector<const Result*> ok;
    for (const auto& r : sameWorkload)
        if (r.ok() && r.summary.samples > 0 && r.summary.medianNs > 0)
            ok.push_back(&r);
    if (ok.size() < 2)
        return std::nullopt;
    auto [fastest, slowest] = std::minmax_element(ok.begin(), ok.end(), [](const Result* a, const Result* b) {
        return a->summary.medianNs < b->summary.medianNs;
    });
    const std::string params = formatParams((*fastest)->params);
    const std::string where = " on " + (*fastest)->workloadId + (params.empty() ? "" : " (" + params + ")");
    // With raw samples the sentence carries the 95% CI of the ratio and says when the difference is not real.
    if (!stats::perCallNs((*fastest)->samples).empty() && !stats::perCallNs((*slowest)->samples).empty())
        return stats::compare(**fastest, **slowest).sentence + where;
    const double ratio = (*slowest)->summary.medianNs / (*fastest)->summary.medianNs;
    return (*fastest)->seriesName() + " is " + formatRatio(ratio) + " faster than " + (*slowest)->seriesName() + where
        + " (medians per call)";
}

std::string formatResultsTable(const std::vector<Result>& results)
{
    std::vector<std::string> order;
    std::map<std::string, std::vector<Result>> byWorkload;
    for (const auto& r : results) {
        const std::string params = formatParams(r.params);
        const std::string key = r.workloadId + (params.empty() ? "" : " (" + params + ")");
        if (!byWorkload.count(key))
            order.push_back(key);
        byWorkload[key].push_back(r);
    }
    std::string out;
    for (const auto& key : order) {
        const auto& group = byWorkload[key];
        out += "\n" + key + "\n";
        std::vector<std::vector<std::string>> rows = {
            {"runtime", "version", "median/call", "MAD", "calls/s", "samples", "answer", "status"}};
        for (const auto& r : group) {
            std::string status = r.ok() ? "ok" : std::string(failureKindName(r.failure.kind));
            std::string check = r.answer.empty() ? "-" : r.answer;
            if (r.ok())
                check += r.expectedAnswer.empty() ? " (agrees)" : " (expected)";
            rows.push_back({r.seriesName(), r.runtimeVersion, r.ok() ? formatDuration(r.summary.medianNs) : "-",
                            r.ok() ? formatDuration(r.summary.madNs) : "-",
                            r.ok() ? formatRate(r.summary.callsPerSecond) : "-",
                            std::to_string(r.summary.samples), check, status});
        }
        out += renderTable(rows);
        for (const auto& r : group)
            if (!r.ok())
                out += "  ! " + r.seriesName() + ": " + r.failure.message
                    + (r.failure.line > 0 ? " [" + r.failure.file + ":" + std::to_string(r.failure.line) + "]" : "")
                    + "\n";
        if (auto text = headline(group))
            out += "  => " + *text + "\n";
    }
    return out;
}

} // namespace versus
