// Ratio CIs and headlines of a results set, and the worker thread that computes them for the window.
#include "result_analysis.h"

#include <QMetaObject>

#include <cmath>
#include <map>

#include "text_format.h"

namespace versus::gui {

namespace {

/// 95% CI of median(r) / median(fastest): bootstrapped from the samples, or the median's own CI when there are none.
stats::Interval ratioInterval(const Result& r, const Result& fastest)
{
    const stats::Comparison c = stats::compareSamples(stats::perCallNs(r.samples), stats::perCallNs(fastest.samples));
    if (std::isfinite(c.ratioCi.low) && std::isfinite(c.ratioCi.high))
        return c.ratioCi;
    return {r.summary.ciLowNs / fastest.summary.medianNs, r.summary.ciHighNs / fastest.summary.medianNs};
}

} // namespace

bool isMeasured(const Result& r)
{
    return r.ok() && r.summary.samples > 0 && r.summary.medianNs > 0;
}

std::string comparisonGroup(const Result& r)
{
    return r.workloadId + "|" + formatParams(r.params);
}

ResultAnalysis ResultAnalysis::compute(std::vector<Result> results)
{
    ResultAnalysis a;
    a.results = std::move(results);
    std::map<std::string, std::size_t> fastest;  // group -> index of its fastest measured result
    for (std::size_t i = 0; i < a.results.size(); ++i) {
        const Result& r = a.results[i];
        if (!isMeasured(r))
            continue;
        auto [it, inserted] = fastest.emplace(comparisonGroup(r), i);
        if (!inserted && r.summary.medianNs < a.results[it->second].summary.medianNs)
            it->second = i;
    }
    a.ratioCi.assign(a.results.size(), {NAN, NAN});
    for (std::size_t i = 0; i < a.results.size(); ++i)
        if (isMeasured(a.results[i]))
            a.ratioCi[i] = ratioInterval(a.results[i], a.results[fastest.at(comparisonGroup(a.results[i]))]);

    std::vector<std::string> order;
    std::map<std::string, std::vector<Result>> byWorkload;
    for (const Result& r : a.results) {
        if (!byWorkload.count(r.workloadId))
            order.push_back(r.workloadId);
        byWorkload[r.workloadId].push_back(r);
    }
    for (const std::string& id : order)
        if (auto line = headline(byWorkload[id]))
            a.headlines.push_back(*line);
    return a;
}

ResultAnalyzer::ResultAnalyzer(QObject* parent) : QObject(parent), m_thread([this] { work(); }) {}

ResultAnalyzer::~ResultAnalyzer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_pending.reset();
    }
    m_wake.notify_all();
    m_thread.join();
}

quint64 ResultAnalyzer::request(std::vector<Result> results)
{
    quint64 ticket = 0;
    {
        std::lock_guard lock(m_mutex);
        ticket = m_nextTicket++;
        m_pending.emplace(ticket, std::move(results));  // supersedes a request that has not started
    }
    m_wake.notify_one();
    return ticket;
}

bool ResultAnalyzer::idle() const
{
    std::lock_guard lock(m_mutex);
    return m_delivered + 1 == m_nextTicket;
}

void ResultAnalyzer::work()
{
    for (;;) {
        std::pair<quint64, std::vector<Result>> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || m_pending; });
            if (m_stop)
                return;
            job = std::move(*m_pending);
            m_pending.reset();
        }
        auto analysis = std::make_shared<const ResultAnalysis>(ResultAnalysis::compute(std::move(job.second)));
        {
            std::lock_guard lock(m_mutex);
            if (m_stop)
                return;
            // Queued to the owner's thread; the destructor joins this thread first, and a QObject drops the events
            // still posted to it when it is destroyed, so the lambda never sees a dead `this`.
            QMetaObject::invokeMethod(this, [this, ticket = job.first, analysis] {
                {
                    std::lock_guard lock(m_mutex);
                    m_delivered = ticket;
                }
                emit ready(ticket, analysis);
            }, Qt::QueuedConnection);
        }
    }
}

} // namespace versus::gui
