// Exporters: pure functions from results to text. Numbers are printed in their shortest exact form, so the output
// of the same results is the same on every machine.
#include "exporters.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>

#include <nlohmann/json.hpp>

#include "headline.h"
#include "statistics.h"
#include "text_format.h"

namespace versus {

namespace {

/// Shortest text in plain decimal notation that reads back as the same double; empty for NaN and infinities.
std::string number(double value)
{
    if (!std::isfinite(value))
        return {};
    char buffer[400];  // the longest fixed-notation double, 1.8e308 or 2^-1074, fits
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed).ptr;
    return std::string(buffer, end);
}

std::string csvField(const std::string& text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string csvRow(const std::vector<std::string>& fields)
{
    std::string row;
    for (std::size_t i = 0; i < fields.size(); ++i)
        row += (i ? "," : "") + csvField(fields[i]);
    return row + "\r\n";
}

const char* statusText(const Result& r)
{
    return r.status == ResultStatus::Ok ? "ok" : r.status == ResultStatus::Cancelled ? "cancelled" : "failed";
}

std::string failureText(const Result& r)
{
    std::string text = std::string(failureKindName(r.failure.kind)) + ": " + r.failure.message;
    if (r.failure.line > 0)
        text += " [" + r.failure.file + ":" + std::to_string(r.failure.line) + "]";
    return text;
}

std::string ciText(const Summary& s)
{
    return formatDuration(s.ciLowNs) + " to " + formatDuration(s.ciHighNs);
}

std::string markdownCell(const std::string& text)
{
    std::string out;
    for (char c : text) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n' || c == '\r')
            out += ' ';
        else
            out += c;
    }
    return out;
}

std::string bytesText(std::int64_t bytes)
{
    if (bytes < 0)
        return "unknown";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f GiB", static_cast<double>(bytes) / (1024.0 * 1024.0 * 1024.0));
    return buffer;
}

std::string knownOr(const std::string& text)
{
    return text.empty() ? "unknown" : text;
}

std::string environmentLoad(const Environment& e)
{
    if (e.loadAverage1m < 0)
        return "unknown";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f, %.2f, %.2f (1, 5, 15 min)", e.loadAverage1m, e.loadAverage5m,
                  e.loadAverage15m);
    return buffer;
}

constexpr const char* kReportStyle = R"(body{font-family:system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:0.5em 0 1em}
th,td{border:1px solid #ccc;padding:0.25em 0.6em;text-align:left}
th{background:#f3f3f3}
.warning{color:#8a4b00}
.failure{color:#a00}
figure{margin:1em 0}
)";

}  // namespace

std::string htmlEscape(const std::string& text)
{
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string htmlTableRow(const std::vector<std::string>& cells, const char* tag)
{
    std::string row = "<tr>";
    for (const auto& cell : cells)
        row += std::string("<") + tag + ">" + htmlEscape(cell) + "</" + tag + ">";
    return row + "</tr>\n";
}

std::string inlineSvg(const std::string& svg)
{
    const std::size_t start = svg.find("<svg");
    const std::size_t end = svg.find_last_not_of(" \t\r\n");
    return start == std::string::npos ? std::string() : svg.substr(start, end + 1 - start);
}

const char* htmlReportStyle()
{
    return kReportStyle;
}

std::string samplesCsv(const std::vector<Result>& results)
{
    std::string out = csvRow({"workload", "params", "runtime", "flavour", "series", "status", "sample_index", "warmup",
                              "inner_loops", "elapsed_ns", "per_call_ns", "heap_bytes"});
    for (const auto& r : results)
        for (const auto& s : r.samples)
            out +=
                csvRow({r.workloadId, formatParams(r.params), r.runtimeId, r.flavour, r.seriesName(), statusText(r),
                        std::to_string(s.index), s.warmup ? "true" : "false", std::to_string(s.innerLoops),
                        std::to_string(s.elapsedNs),
                        s.innerLoops > 0 ? number(static_cast<double>(s.elapsedNs) / static_cast<double>(s.innerLoops))
                                         : std::string(),
                        s.heapBytes >= 0 ? std::to_string(s.heapBytes) : std::string()});
    return out;
}

std::string summariesCsv(const std::vector<Result>& results)
{
    std::string out =
        csvRow({"workload",    "params",       "runtime",        "flavour",     "series",       "runtime_version",
                "status",      "samples",      "median_ns",      "ci95_low_ns", "ci95_high_ns", "mean_ns",
                "stddev_ns",   "mad_ns",       "min_ns",         "max_ns",      "p5_ns",        "p25_ns",
                "p75_ns",      "p95_ns",       "p99_ns",         "cv",          "outliers",     "steady_state_index",
                "calls_per_s", "failure_kind", "failure_message"});
    for (const auto& r : results) {
        const Summary& s = r.summary;
        const bool measured = s.samples > 0;
        auto value = [&](double v) { return measured ? number(v) : std::string(); };
        out += csvRow({r.workloadId,
                       formatParams(r.params),
                       r.runtimeId,
                       r.flavour,
                       r.seriesName(),
                       r.runtimeVersion,
                       statusText(r),
                       std::to_string(s.samples),
                       value(s.medianNs),
                       value(s.ciLowNs),
                       value(s.ciHighNs),
                       value(s.meanNs),
                       value(s.stddevNs),
                       value(s.madNs),
                       value(s.minNs),
                       value(s.maxNs),
                       value(s.p5Ns),
                       value(s.p25Ns),
                       value(s.p75Ns),
                       value(s.p95Ns),
                       value(s.p99Ns),
                       value(s.cv),
                       measured ? std::to_string(s.outliers) : std::string(),
                       measured ? std::to_string(s.steadyStateIndex) : std::string(),
                       value(s.callsPerSecond),
                       r.ok() ? std::string() : failureKindName(r.failure.kind),
                       r.ok() ? std::string() : r.failure.message});
    }
    return out;
}

std::string markdownTable(const std::vector<Result>& results)
{
    std::string out;
    for (const auto& [label, group] : groupByWorkload(results)) {
        out += (out.empty() ? "" : "\n") + std::string("### ") + markdownCell(label) + "\n\n";
        out += "| Runtime | Version | Median | 95% CI | Mean ± σ | Min | Max | Samples | Status |\n";
        out += "| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | --- |\n";
        for (const Result* r : group) {
            const Summary& s = r->summary;
            const bool measured = r->ok() && s.samples > 0;
            auto cell = [&](const std::string& text) { return measured ? text : std::string("-"); };
            out += "| " + markdownCell(r->seriesName()) + " | " + markdownCell(r->runtimeVersion) + " | "
                + cell(formatDuration(s.medianNs)) + " | " + cell(ciText(s)) + " | "
                + cell(formatDuration(s.meanNs) + " ± " + formatDuration(s.stddevNs)) + " | "
                + cell(formatDuration(s.minNs)) + " | " + cell(formatDuration(s.maxNs)) + " | "
                + std::to_string(s.samples) + " | " + statusText(*r) + " |\n";
        }
        std::string notes;
        for (const auto& comparison : comparisonsWithFastest(group))
            notes += "- " + markdownCell(comparison.sentence) + "\n";
        for (const Result* r : group) {
            if (!r->ok())
                notes += "- **" + markdownCell(r->seriesName()) + "** " + markdownCell(failureText(*r)) + "\n";
            for (const auto& warning : r->warnings)
                notes += "- Warning, **" + markdownCell(r->seriesName()) + "**: " + markdownCell(warning) + "\n";
        }
        if (!notes.empty())
            out += "\n" + notes;
    }
    return out;
}

std::string hyperfineJson(const std::vector<Result>& results)
{
    using nlohmann::json;
    json entries = json::array();
    for (const auto& r : results) {
        std::vector<double> times = stats::perCallNs(r.samples);
        if (!r.ok() || times.empty())
            continue;
        for (double& t : times)
            t /= 1e9;
        json entry;
        entry["command"] = workloadLabel(r) + " on " + r.seriesName();
        entry["mean"] = stats::mean(times);
        entry["stddev"] = times.size() < 2 ? json(nullptr) : json(stats::stddev(times));
        entry["median"] = stats::median(times);
        // The child's CPU time spread over every call the job timed (warm-up included), so it reads per call like
        // `times`; start-up, set-up and calibration are in it too. Left out where there is no child.
        std::int64_t calls = 0;
        for (const Sample& s : r.samples)
            calls += s.innerLoops;
        if (r.childUserNs >= 0 && calls > 0)
            entry["user"] = static_cast<double>(r.childUserNs) / static_cast<double>(calls) / 1e9;
        if (r.childSysNs >= 0 && calls > 0)
            entry["system"] = static_cast<double>(r.childSysNs) / static_cast<double>(calls) / 1e9;
        entry["min"] = stats::minimum(times);
        entry["max"] = stats::maximum(times);
        entry["times"] = times;
        if (r.childExitCode >= 0)
            entry["exit_codes"] = std::vector<int>(times.size(), r.childExitCode);
        if (!r.params.empty()) {
            json parameters = json::object();
            for (const auto& [name, value] : r.params)
                parameters[name] = formatParamValue(value);
            entry["parameters"] = parameters;
        }
        entries.push_back(std::move(entry));
    }
    return json{{"results", entries}}.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string htmlReport(const ResultsDocument& document, const std::vector<ChartSvg>& charts)
{
    const Environment& e = document.environment;
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Versus results "
        + htmlEscape(document.startedAtUtc) + "</title>\n<style>\n" + htmlReportStyle() + "</style>\n</head>\n<body>\n";
    out += "<h1>Versus results</h1>\n<p>Versus " + htmlEscape(document.versusVersion) + " (commit "
        + htmlEscape(knownOr(document.gitCommit)) + "), run started " + htmlEscape(knownOr(document.startedAtUtc))
        + (document.finishedAtUtc.empty() ? "" : ", finished " + htmlEscape(document.finishedAtUtc)) + ".</p>\n";

    out += "<h2>Environment</h2>\n<table>\n";
    const std::vector<std::pair<std::string, std::string>> environment = {
        {"OS", knownOr(e.os)},
        {"Kernel", knownOr(e.kernel)},
        {"CPU", knownOr(e.cpuModel)},
        {"Logical cores", e.logicalCores > 0 ? std::to_string(e.logicalCores) : "unknown"},
        {"Memory", bytesText(e.memoryTotalBytes) + " (" + bytesText(e.memoryAvailableBytes) + " available)"},
        {"Frequency governor", knownOr(e.governor)},
        {"Turbo boost", knownOr(e.turbo)},
        {"Load average", environmentLoad(e)},
        {"ASLR",
         e.aslr < 0        ? "unknown"
             : e.aslr == 0 ? "off"
             : e.aslr == 1 ? "partial"
                           : "full"}};
    for (const auto& [name, value] : environment)
        out += htmlTableRow({name, value});
    for (const auto& runtime : document.runtimes)
        out += htmlTableRow({runtime.name, runtime.displayVersion()});
    for (const auto& [name, version] : document.componentVersions)
        out += htmlTableRow({name, version});
    out += "</table>\n";
    for (const auto& warning : document.warnings)
        out += "<p class=\"warning\">" + htmlEscape(warning) + "</p>\n";

    out += "<h2>Results</h2>\n<p>Times per call of the workload: median with its bootstrap 95% confidence "
           "interval.</p>\n";
    for (const auto& [label, group] : groupByWorkload(document.results)) {
        out += "<h3>" + htmlEscape(label) + "</h3>\n<table>\n";
        out += htmlTableRow(
            {"Runtime", "Version", "Median", "95% CI", "Mean ± σ", "p5 to p95", "CV", "Outliers", "Samples", "Status"},
            "th");
        for (const Result* r : group) {
            const Summary& s = r->summary;
            const bool measured = r->ok() && s.samples > 0;
            auto cell = [&](const std::string& text) { return measured ? text : std::string("-"); };
            char cv[32];
            std::snprintf(cv, sizeof cv, "%.1f%%", s.cv * 100);
            out += htmlTableRow({r->seriesName(), r->runtimeVersion, cell(formatDuration(s.medianNs)), cell(ciText(s)),
                                 cell(formatDuration(s.meanNs) + " ± " + formatDuration(s.stddevNs)),
                                 cell(formatDuration(s.p5Ns) + " to " + formatDuration(s.p95Ns)), cell(cv),
                                 cell(std::to_string(s.outliers)), std::to_string(s.samples), statusText(*r)});
        }
        out += "</table>\n";
        for (const auto& comparison : comparisonsWithFastest(group))
            out += "<p>" + htmlEscape(comparison.sentence) + "</p>\n";
        for (const Result* r : group)
            for (const auto& warning : r->warnings)
                out += "<p class=\"warning\">Warning, " + htmlEscape(r->seriesName()) + ": " + htmlEscape(warning)
                    + "</p>\n";
    }

    if (!charts.empty()) {
        out += "<h2>Charts</h2>\n";
        for (const auto& chart : charts)
            out += "<figure>\n" + inlineSvg(chart.svg) + "\n<figcaption>" + htmlEscape(chart.title)
                + "</figcaption>\n</figure>\n";
    }

    std::string failures;
    for (const auto& r : document.results)
        if (!r.ok())
            failures += "<li class=\"failure\"><b>" + htmlEscape(workloadLabel(r) + " on " + r.seriesName())
                + "</b>: " + htmlEscape(failureText(r)) + "</li>\n";
    if (!failures.empty())
        out += "<h2>Failures</h2>\n<ul>\n" + failures + "</ul>\n";
    return out + "</body>\n</html>\n";
}

std::string compareResults(const ResultsDocument& oldDocument, const ResultsDocument& newDocument)
{
    auto key = [](const Result& r) { return workloadLabel(r) + "\x1f" + r.runtimeId + "\x1f" + r.flavour; };
    std::map<std::string, const Result*> oldByKey;
    for (const auto& r : oldDocument.results)
        oldByKey.emplace(key(r), &r);
    std::map<std::string, bool> matched;

    std::string out = "old: " + knownOr(oldDocument.startedAtUtc) + " (Versus " + oldDocument.versusVersion
        + ")\nnew: " + knownOr(newDocument.startedAtUtc) + " (Versus " + newDocument.versusVersion + ")\n";
    double logRatioSum = 0;
    int ratioCount = 0;
    std::vector<std::string> onlyNew;
    for (const auto& [label, group] : groupByWorkload(newDocument.results)) {
        std::string lines;
        for (const Result* now : group) {
            const auto found = oldByKey.find(key(*now));
            if (found == oldByKey.end()) {
                onlyNew.push_back(label + " on " + now->seriesName());
                continue;
            }
            const Result& before = *found->second;
            matched[found->first] = true;
            lines += "  " + now->seriesName() + ": ";
            if (!before.ok() || !now->ok()) {
                const Result& broken = before.ok() ? *now : before;
                const char* where = !before.ok() && !now->ok() ? "both" : before.ok() ? "new" : "old";
                lines += std::string("failed in ") + where + " (" + failureKindName(broken.failure.kind) + ")\n";
                continue;
            }
            const stats::Comparison c =
                stats::compareSamples(stats::perCallNs(before.samples), stats::perCallNs(now->samples));
            if (!std::isfinite(c.ratio) || c.ratio <= 0) {
                lines += "no measured samples to compare\n";
                continue;
            }
            logRatioSum += std::log(c.ratio);
            ++ratioCount;
            // ratio = old / new: above 1 when the new run is faster.
            const bool faster = c.ratio >= 1;
            const std::string change = faster ? formatRatio(c.ratio) + " faster" : formatRatio(1 / c.ratio) + " slower";
            lines += formatDuration(before.summary.medianNs) + " -> " + formatDuration(now->summary.medianNs) + ": ";
            const double low = faster ? c.ratioCi.low : 1 / c.ratioCi.high;
            const double high = faster ? c.ratioCi.high : 1 / c.ratioCi.low;
            const std::string numbers =
                "95% CI " + formatRatio(low) + " to " + formatRatio(high) + ", " + stats::formatPValue(c.pValue);
            // The same rule as the headlines: a change is claimed only when the p-value and the CI both show it.
            lines += c.significant ? change + " (" + numbers + ")\n"
                                   : "no clear difference (" + change + ", " + numbers + ")\n";
        }
        if (!lines.empty())
            out += "\n" + label + "\n" + lines;
    }
    if (ratioCount > 0) {
        const double geometricMean = std::exp(logRatioSum / ratioCount);
        out += "\nGeometric mean of " + std::to_string(ratioCount) + " change" + (ratioCount == 1 ? "" : "s") + ": "
            + (geometricMean >= 1 ? formatRatio(geometricMean) + " faster" : formatRatio(1 / geometricMean) + " slower")
            + "\n";
    }
    std::string onlyOld;
    for (const auto& r : oldDocument.results)
        if (!matched.count(key(r)))
            onlyOld += "  " + workloadLabel(r) + " on " + r.seriesName() + "\n";
    if (!onlyOld.empty())
        out += "\nOnly in old:\n" + onlyOld;
    if (!onlyNew.empty()) {
        out += "\nOnly in new:\n";
        for (const auto& name : onlyNew)
            out += "  " + name + "\n";
    }
    return out;
}

}  // namespace versus
