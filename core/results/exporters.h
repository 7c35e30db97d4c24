// Exporters: results to CSV, Markdown, hyperfine JSON, an HTML report and a comparison text. Each returns the
// bytes; writing them to a file is the caller's (writeOutputFile()).
#pragma once

#include <string>
#include <vector>

#include "result.h"
#include "results_file.h"

namespace versus {

/// Every sample of every result, warm-up included, one row each (RFC 4180: CRLF line ends, fields with a comma,
/// quote or line break quoted, quotes doubled). Columns: workload, params, runtime, flavour, series, status,
/// sample_index, warmup, inner_loops, elapsed_ns, per_call_ns, heap_bytes.
std::string samplesCsv(const std::vector<Result>& results);

/// One row per result with its summary (RFC 4180 as samplesCsv). Unknown numbers are empty fields. Columns:
/// workload, params, runtime, flavour, series, runtime_version, status, samples, median_ns, ci95_low_ns,
/// ci95_high_ns, mean_ns, stddev_ns, mad_ns, min_ns, max_ns, p5_ns, p25_ns, p75_ns, p95_ns, p99_ns, cv, outliers,
/// steady_state_index, calls_per_s, failure_kind, failure_message.
std::string summariesCsv(const std::vector<Result>& results);

/// A GitHub-flavoured Markdown table per workload and parameter set (median with its 95% CI, mean and standard
/// deviation, range, samples, status), followed by its comparisons (comparisonsWithFastest(), the same sentences as
/// the CLI's headline), failures and warnings.
std::string markdownTable(const std::vector<Result>& results);

/// hyperfine's --export-json format, so its plotting scripts read Versus results: {"results": [{command, mean,
/// stddev, median[, user, system], min, max, times[, exit_codes][, parameters]}]}, one entry per successful result, in
/// seconds per call of the workload. Unlike hyperfine's, each of `times` is one sample's average per call (its
/// elapsed time over its inner loops), not one whole process run. stddev is null below two samples (as hyperfine
/// writes it). user and system are the CPU time of the child process that ran the job (process runtimes only),
/// divided by every call of every sample, warm-up included: an upper bound, since start-up, set-up and calibration are
/// in it too. exit_codes repeats that child's exit status once per time. The three keys are left out where Versus has
/// no child figures (embedded runtimes, older files).
std::string hyperfineJson(const std::vector<Result>& results);

/// A chart the caller rendered (QCustomPlot, off-screen) as SVG text, for the HTML report.
struct ChartSvg {
    std::string title;
    std::string svg;  ///< inserted verbatim, without its XML declaration: it must come from Versus's own renderer
};

/// Text made safe inside HTML: & < > " and ' escaped.
std::string htmlEscape(const std::string& text);
/// "<tr><td>a</td><td>b</td></tr>" with every cell escaped; `tag` "th" for a header row.
std::string htmlTableRow(const std::vector<std::string>& cells, const char* tag = "td");
/// An SVG document as an inline element: without the XML declaration and doctype that only a file may carry.
std::string inlineSvg(const std::string& svg);
/// The style sheet of Versus's self-contained HTML pages (the report, the claims handout).
const char* htmlReportStyle();

/// A self-contained HTML page (no external files or scripts): run metadata, environment table and warnings, a
/// summary table with 95% CIs, comparisons (comparisonsWithFastest()) and warnings per workload, the charts, and every
/// failure with its message.
std::string htmlReport(const ResultsDocument& document, const std::vector<ChartSvg>& charts);

/// Like pyperf's compare_to: per workload, parameters and runtime present in both, the old and new medians, the
/// change ("1.09x faster", "1.20x slower") with its bootstrap 95% CI and Mann-Whitney p-value, or "no clear
/// difference" when they do not both show one (stats::Comparison::significant); then the geometric mean of all the changes, and what is only in one of the documents.
std::string compareResults(const ResultsDocument& oldDocument, const ResultsDocument& newDocument);

}  // namespace versus
