// The verdicts of a check of the article as text for a terminal, as Markdown and as a self-contained HTML handout
// (the verdict table, then each claim with its checks, the reason behind the numbers and its chart). Each returns the
// bytes; writing them is the caller's. No Qt.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "exporters.h"
#include "results_file.h"
#include "verdict.h"

namespace versus::claims {

/// Each claim's chart, by claim id.
using ClaimCharts = std::map<std::string, std::vector<ChartSvg>>;

/// The verdict table (number, claim, what the article says, verdict, what was compared), then one block per claim:
/// each check with what was measured and its verdict, or the reason it was not judged, and why the numbers are so.
std::string claimsText(const std::vector<ClaimOutcome>& outcomes);

/// The same as a GitHub-flavoured Markdown document: the verdict table (claim, article says, measured, verdict, why),
/// then the checks of each claim.
std::string claimsMarkdown(const std::vector<ClaimOutcome>& outcomes, const ResultsDocument& document);

/// A self-contained HTML handout (no external files or scripts): the verdict table, then each claim with its checks,
/// why, and `charts` of that claim (by claim id), drawn by Versus's own renderer.
std::string claimsHtml(const std::vector<ClaimOutcome>& outcomes, const ResultsDocument& document,
                       const ClaimCharts& charts);

/// Draws a document's report charts (the CLI through versus-gui, the window in process: gui::renderReportCharts).
using ReportChartRenderer = std::function<Expected<std::vector<ChartSvg>>(const ResultsDocument&)>;
/// Each claim's chart: the summary chart (every series against the fastest, with CIs) of the results its checks used;
/// claims without results have none. The renderer's error when it cannot draw.
Expected<ClaimCharts> claimCharts(const std::vector<ClaimOutcome>& outcomes, const ResultsDocument& document,
                                  const ReportChartRenderer& render);

/// The results a claim's checks were judged on (for its chart), in document order.
std::vector<Result> resultsOfClaim(const ClaimOutcome& outcome, const std::vector<Result>& results);

/// "what was measured", one line per judged check ("fib: Node.js (embedded) 14.1x faster (95% CI ...)"), or the
/// reason when nothing was: the cell of the verdict table.
std::string measuredSummary(const ClaimOutcome& outcome);

}  // namespace versus::claims
