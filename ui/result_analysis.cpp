// Ratio CIs and headlines of a results set, and the worker thread that computes them for the window.
#include "result_analysis.h"

#include <QMetaObject>

#include <cmath>

#include "headline.h"

namespace versus::gui {

namespace {

/// 95% CI of median(r) / median(fastest): the headline's interval (compareWithFastest), or the median's own CI when
/// there are no samples to bootstrap.
stats::Interval ratioInterval(const Result& r, const Result& fastest)
{
    const stats::Interval ci = compareWithFastest(r, fastest).ratioCi;
    if (std::isfinite(ci.low) && std::isfinite(ci.high))
        return ci;
    return {r.summary.ciLowNs / fastest.summary.medianNs, r.summary.ciHighNs / fastest.summary.medianNs};
}

} // namespace

std::string comparisonGroup(const Result& r)
{
    return workloadLabel(r);
}

ResultAnalysis ResultAnalysis::compute(std::vector<Result> results)
{
    ResultAnalysis a;
    a.results = std::move(results);
    a.ratioCi.assign(a.results.size(), {NAN, NAN});
    for (const auto& [label, group] : groupByWorkload(a.results)) {
        const Result* fastest = fastestOf(group);
        for (const Result* r : group)
            if (isComparable(*r))
                a.ratioCi[std::size_t(r - a.results.data())] = ratioInterval(*r, *fastest);
        if (auto h = headline(group))
            a.headlines.push_back(h->sentence);
    }
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
