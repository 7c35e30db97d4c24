// Terminal tables. Widths are computed from the content, never fixed.
#include "text_format.h"

#include "headline.h"
#include "http_article_figures.h"
#include "speedup.h"

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

std::string formatBytes(double bytes)
{
    if (!std::isfinite(bytes))
        return "-";
    char buffer[32];
    const double a = std::fabs(bytes);
    if (a < 1024)
        std::snprintf(buffer, sizeof buffer, "%.0f B", bytes);
    else if (a < 1024.0 * 1024)
        std::snprintf(buffer, sizeof buffer, "%.1f KiB", bytes / 1024);
    else if (a < 1024.0 * 1024 * 1024)
        std::snprintf(buffer, sizeof buffer, "%.1f MiB", bytes / (1024.0 * 1024));
    else
        std::snprintf(buffer, sizeof buffer, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    return buffer;
}

std::string formatWait(double seconds)
{
    if (!std::isfinite(seconds))
        return "-";
    if (seconds < 5)
        return "under 5 s";
    if (seconds < 60)
        return "about " + std::to_string(int(std::lround(seconds / 5) * 5)) + " s";
    const long minutes = std::lround(seconds / 60);
    if (minutes < 60)
        return "about " + std::to_string(minutes) + " min";
    return "about " + std::to_string(minutes / 60) + " h " + std::to_string(minutes % 60) + " min";
}

std::string formatRatio(double ratio)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, ratio < 10 ? "%.2fx" : ratio < 100 ? "%.1fx" : "%.0fx", ratio);
    return buffer;
}

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

std::string formatTextTable(const std::vector<std::vector<std::string>>& rows)
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

std::string singularNoun(const std::string& plural)
{
    if (plural.size() > 3 && plural.compare(plural.size() - 3, 3, "ies") == 0)
        return plural.substr(0, plural.size() - 3) + "y";
    if (plural.size() > 1 && plural.back() == 's')
        return plural.substr(0, plural.size() - 1);
    return plural;
}

std::string formatResultsTable(const std::vector<Result>& results, const std::map<std::string, std::string>& callUnits)
{
    std::string out;
    for (const auto& [label, group] : groupByWorkload(results)) {
        out += "\n" + label + "\n";
        const auto unit = callUnits.find(group.front()->workloadId);
        const std::string plural = unit == callUnits.end() || unit->second.empty() ? "calls" : unit->second;
        std::vector<std::vector<std::string>> rows = {
            {"runtime", "version", "median/" + singularNoun(plural), "MAD", plural + "/s", "samples", "answer",
             "status"}};
        for (const Result* r : group) {
            std::string status = r->ok() ? "ok" : std::string(failureKindName(r->failure.kind));
            std::string check = r->answer.empty() ? "-" : r->answer;
            if (r->ok())
                check += r->expectedAnswer.empty() ? " (agrees)" : " (expected)";
            rows.push_back({r->seriesName(), r->runtimeVersion, r->ok() ? formatDuration(r->summary.medianNs) : "-",
                            r->ok() ? formatDuration(r->summary.madNs) : "-",
                            r->ok() ? formatRate(r->summary.callsPerSecond) : "-", std::to_string(r->summary.samples),
                            check, status});
        }
        out += formatTextTable(rows);
        for (const Result* r : group) {
            if (!r->ok())
                out += "  ! " + r->seriesName() + ": " + r->failure.message
                    + (r->failure.line > 0 ? " [" + r->failure.file + ":" + std::to_string(r->failure.line) + "]" : "")
                    + "\n";
            for (const auto& warning : r->warnings)
                out += "  ! warning, " + r->seriesName() + ": " + warning + "\n";
        }
        for (const Headline& h : headlines(group))
            out += "  => " + h.sentence + "\n";
    }
    return out;
}

std::string formatSpeedupTable(const std::vector<Result>& results, const std::string& workloadId,
                               const std::string& stepParameter)
{
    const SpeedupTable table = speedupTable(results, workloadId, stepParameter);
    if (table.steps.empty())
        return {};
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header{"speed-up against one thread"};
    for (std::int64_t step : table.steps)
        header.push_back(stepParameter + "=" + std::to_string(step));
    rows.push_back(header);
    for (const SpeedupSeries& series : table.series) {
        std::vector<std::string> row{series.name};
        for (const auto& speedup : series.speedup)
            row.push_back(speedup ? formatRatio(*speedup) : "-");
        rows.push_back(std::move(row));
    }
    return workloadId + " (" + formatParams(table.sharedParams) + "): the baseline's median time over each series' "
        + "median at the same " + stepParameter + "\n" + formatTextTable(rows);
}

}  // namespace versus

namespace versus {

std::string formatHttpLoadTable(const std::vector<Result>& results)
{
    std::vector<std::vector<std::string>> rows = {
        {"server", "req/s", "wrk req/s", "p50", "p90", "p99", "max", "errors", "article"}};
    std::string notes;
    auto reported = [](const Result& r, const char* name) {
        const auto it = r.reported.find(name);
        return it == r.reported.end() ? std::nan("") : it->second;
    };
    auto ms = [&](const Result& r, const char* name) { return formatDuration(reported(r, name) * 1e3); };
    for (const Result& r : results) {
        if (r.workloadId != "http")
            continue;
        const auto figure = httpArticleFigureFor(r.flavour);
        const std::string article = figure ? formatRate(figure->requestsPerSecond) : "-";
        if (!r.ok()) {
            rows.push_back({r.seriesName(), "-", "-", "-", "-", "-", "-", "-", article});
            continue;
        }
        const double socketErrors = reported(r, "socket_errors");
        const double non2xx = reported(r, "non_2xx_responses");
        rows.push_back({r.seriesName(), formatRate(r.summary.callsPerSecond),
                        formatRate(reported(r, "wrk_requests_per_s")), ms(r, "latency_p50_us"), ms(r, "latency_p90_us"),
                        ms(r, "latency_p99_us"), ms(r, "latency_max_us"),
                        formatNumber(socketErrors) + " / " + formatNumber(non2xx), article});
        if (socketErrors > 0 || non2xx > 0)
            notes += "  ! " + r.seriesName() + ": " + formatNumber(socketErrors) + " socket errors and "
                + formatNumber(non2xx) + " non-2xx responses: its requests/s counts failed requests too\n";
        if (notes.find("compete") == std::string::npos && r.reported.count("server_cpu"))
            notes += reported(r, "server_cpu") == reported(r, "wrk_cpu")
                ? "  the servers and wrk shared every CPU: they compete for the machine\n"
                : "  servers ran on CPU " + formatNumber(reported(r, "server_cpu")) + " and wrk on CPU "
                    + formatNumber(reported(r, "wrk_cpu")) + " (taskset); they still compete for the machine\n";
    }
    if (rows.size() == 1)
        return {};
    return "HTTP load: wrk, one thread, keep-alive; req/s is the median slice; latency of the last slice; errors are "
           "socket / non-2xx; article: its single-process figure\n"
        + formatTextTable(rows) + notes;
}

}  // namespace versus
