// Progress of a CLI run on stderr.
#include "cli_progress.h"

#include <ostream>

#include "text_format.h"

namespace versus::cli {

namespace {

std::string resultName(const Result& r)
{
    return r.workloadId + " on " + r.runtimeName + (r.flavour == "plain" ? "" : " [" + r.flavour + "]");
}

}  // namespace

CliProgress::CliProgress(std::ostream& out, bool fragments, bool quiet)
    : m_out(out), m_fragments(fragments), m_quiet(quiet)
{
}

void CliProgress::started(const StartedEvent& e)
{
    if (!m_quiet && m_fragments)
        m_out << e.key.workloadId << " on " << e.runtimeName
              << (e.key.flavour == "plain" ? "" : " [" + e.key.flavour + "]") << ": " << std::flush;
}

void CliProgress::calibrated(const CalibratedEvent& e)
{
    if (!m_quiet && m_fragments)
        m_out << e.innerLoops << " call(s)/sample " << std::flush;
}

void CliProgress::sample(const SampleEvent& e)
{
    if (!m_quiet && m_fragments)
        m_out << (e.sample.warmup ? "w" : ".") << std::flush;
}

void CliProgress::output(const OutputEvent&) { }  // the finished result carries the kept output

void CliProgress::finished(const FinishedEvent& e)
{
    if (m_quiet)
        return;
    const Result& r = e.result;
    if (m_fragments)
        m_out << " " << formatDuration(r.summary.medianNs) << "/call\n";
    else
        m_out << resultName(r) << ": " << formatDuration(r.summary.medianNs) << "/call, " << r.summary.samples
              << " samples\n";
}

void CliProgress::failed(const FailedEvent& e)
{
    if (m_quiet)
        return;
    if (m_fragments)
        m_out << " FAILED\n";
    else
        m_out << resultName(e.result) << ": FAILED: " << e.result.failure.message << "\n";
}

void CliProgress::memory(const MemoryEvent&) { }  // kept in the session's document
void CliProgress::gc(const GcEvent&) { }
void CliProgress::planDone(const PlanDoneEvent&) { }

}  // namespace versus::cli
