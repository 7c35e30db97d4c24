// Text, Markdown and HTML of the claims' verdicts: one wording of each verdict for every front end and file.
#include "claims_report.h"

#include <algorithm>

#include "headline.h"
#include "text_format.h"

namespace versus::claims {

namespace {

/// "fib: CPython (embedded) / Node.js (embedded): Node.js (embedded) 14.1x faster (95% CI ...): partly".
std::string checkLine(const CheckOutcome& c)
{
    if (c.verdict == Verdict::NotTestable)
        return c.label + ": not judged: " + c.reason;
    return c.label + ": " + c.measured + ": " + verdictText(c.verdict) + " (article: " + c.statement + ")";
}

std::string markdownCell(std::string text)
{
    std::string out;
    for (char c : text) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n')
            out += "<br>";
        else
            out += c;
    }
    return out;
}

std::string verdictClass(Verdict v)
{
    switch (v) {
    case Verdict::Holds:
        return "holds";
    case Verdict::Partly:
        return "partly";
    case Verdict::DoesNotHold:
        return "fails";
    default:
        return "untested";
    }
}

constexpr const char* kHandoutStyle = R"(.verdict{font-weight:bold;white-space:nowrap}
.holds{color:#176117}.partly{color:#8a5a00}.fails{color:#a00}.untested{color:#555}
td{vertical-align:top}
)";

}  // namespace

std::string measuredSummary(const ClaimOutcome& outcome)
{
    if (outcome.checks.empty() || outcome.verdict == Verdict::NotTestable)
        return outcome.reason;
    std::string out;
    for (const CheckOutcome& c : outcome.checks)
        if (c.verdict != Verdict::NotTestable)
            out += (out.empty() ? "" : "\n") + c.label + ": " + c.measured;
    return out;
}

std::string claimsText(const std::vector<ClaimOutcome>& outcomes)
{
    std::vector<std::vector<std::string>> rows{{"#", "claim", "article says", "verdict", "compared"}};
    for (const ClaimOutcome& o : outcomes)
        rows.push_back({std::to_string(o.claim->number), o.claim->id, o.claim->articleSays, verdictText(o.verdict),
                        o.comparedAs.empty() ? "-" : o.comparedAs});
    std::string out = "The article's claims on this machine\n" + formatTextTable(rows);
    for (const ClaimOutcome& o : outcomes) {
        out += "\n" + std::to_string(o.claim->number) + ". " + o.claim->sentence
            + "\n   verdict: " + verdictText(o.verdict) + (o.reason.empty() ? "" : ": " + o.reason) + "\n";
        for (const CheckOutcome& c : o.checks)
            out += "   - " + checkLine(c) + "\n";
        if (!o.claim->why.empty())
            out += "   why: " + o.claim->why + "\n";
    }
    return out;
}

std::vector<Result> resultsOfClaim(const ClaimOutcome& outcome, const std::vector<Result>& results)
{
    std::vector<Result> out;
    for (const Result& r : results) {
        const bool used = std::any_of(outcome.checks.begin(), outcome.checks.end(), [&](const CheckOutcome& c) {
            return !c.workloadId.empty() && c.workloadId == r.workloadId && c.label.rfind(workloadLabel(r), 0) == 0;
        });
        if (used)
            out.push_back(r);
    }
    return out;
}

Expected<ClaimCharts> claimCharts(const std::vector<ClaimOutcome>& outcomes, const ResultsDocument& document,
                                  const ReportChartRenderer& render)
{
    ClaimCharts charts;
    for (const ClaimOutcome& o : outcomes) {
        ResultsDocument subset = document;
        subset.results = resultsOfClaim(o, document.results);
        if (subset.results.empty())
            continue;
        subset.memory.clear();  // the summary is the claim's chart; memory over time belongs to the whole run
        subset.gcEvents.clear();
        auto drawn = render(subset);
        if (!drawn)
            return Error{drawn.error()};
        if (!drawn->empty())
            charts[o.claim->id] = {drawn->front()};
    }
    return charts;
}

std::string claimsMarkdown(const std::vector<ClaimOutcome>& outcomes, const ResultsDocument& document)
{
    std::string out = "# The article's claims, checked on this machine\n\nVersus " + document.versusVersion
        + ", run started " + document.startedAtUtc + ". A ratio is the median time per call of one side over the "
        + "other, with its bootstrap 95% confidence interval.\n\n| # | claim | article says | measured | verdict | why "
          "|\n"
        + "|---|---|---|---|---|---|\n";
    for (const ClaimOutcome& o : outcomes)
        out += "| " + std::to_string(o.claim->number) + " | " + markdownCell(o.claim->sentence) + " | "
            + markdownCell(o.claim->articleSays) + " | " + markdownCell(measuredSummary(o)) + " | **"
            + verdictText(o.verdict) + "**" + (o.comparedAs.empty() ? "" : " (" + o.comparedAs + ")") + " | "
            + markdownCell(o.claim->why) + " |\n";
    for (const ClaimOutcome& o : outcomes) {
        if (o.checks.empty())
            continue;
        out += "\n## " + std::to_string(o.claim->number) + ". " + o.claim->sentence + "\n\n";
        for (const CheckOutcome& c : o.checks)
            out += "- " + checkLine(c) + "\n";
    }
    return out;
}

std::string claimsHtml(const std::vector<ClaimOutcome>& outcomes, const ResultsDocument& document,
                       const ClaimCharts& charts)
{
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>The article's "
                      "claims, checked</title>\n<style>\n"
        + std::string(htmlReportStyle()) + kHandoutStyle + "</style>\n</head>\n<body>\n";
    out += "<h1>The article's claims, checked on this machine</h1>\n<p>Versus " + htmlEscape(document.versusVersion)
        + ", run started " + htmlEscape(document.startedAtUtc) + ". A ratio is the median time per call of one side "
        + "over the other, with its bootstrap 95% confidence interval; embedded runtimes are compared with embedded "
        + "ones and processes with processes.</p>\n<table>\n"
        + htmlTableRow({"#", "Claim", "The article says", "Measured here", "Verdict", "Why"}, "th");
    for (const ClaimOutcome& o : outcomes) {
        std::string withBreaks;  // one measured check per line
        for (char c : htmlEscape(measuredSummary(o)))
            withBreaks += c == '\n' ? std::string("<br>") : std::string(1, c);
        out += "<tr><td>" + std::to_string(o.claim->number) + "</td><td><a href=\"#" + htmlEscape(o.claim->id) + "\">"
            + htmlEscape(o.claim->sentence) + "</a></td><td>" + htmlEscape(o.claim->articleSays) + "</td><td>"
            + withBreaks + "</td><td class=\"verdict " + verdictClass(o.verdict) + "\">" + verdictText(o.verdict)
            + (o.comparedAs.empty() ? "" : "<br><small>" + htmlEscape(o.comparedAs) + "</small>") + "</td><td>"
            + htmlEscape(o.claim->why) + "</td></tr>\n";
    }
    out += "</table>\n";
    for (const ClaimOutcome& o : outcomes) {
        out += "<h2 id=\"" + htmlEscape(o.claim->id) + "\">" + std::to_string(o.claim->number) + ". "
            + htmlEscape(o.claim->sentence) + "</h2>\n<p class=\"verdict " + verdictClass(o.verdict) + "\">"
            + verdictText(o.verdict) + (o.reason.empty() ? "" : ": " + htmlEscape(o.reason)) + "</p>\n";
        if (!o.checks.empty()) {
            out += "<table>\n" + htmlTableRow({"Check", "Article", "Measured", "Verdict"}, "th");
            for (const CheckOutcome& c : o.checks)
                out += htmlTableRow({c.label, c.statement, c.verdict == Verdict::NotTestable ? c.reason : c.measured,
                                     verdictText(c.verdict)});
            out += "</table>\n";
        }
        out += "<p>" + htmlEscape(o.claim->why) + "</p>\n";
        if (const auto it = charts.find(o.claim->id); it != charts.end())
            for (const ChartSvg& chart : it->second)
                out += "<figure>\n" + inlineSvg(chart.svg) + "\n<figcaption>" + htmlEscape(chart.title)
                    + "</figcaption>\n</figure>\n";
    }
    return out + "</body>\n</html>\n";
}

}  // namespace versus::claims
