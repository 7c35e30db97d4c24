// The worker thread that computes ResultAnalysis for the window.
#include "result_analyzer.h"

#include <QMetaObject>

namespace versus::gui {

ResultAnalyzer::ResultAnalyzer(QObject* parent) : QObject(parent), m_thread([this] { work(); }) { }

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
            QMetaObject::invokeMethod(
                this,
                [this, ticket = job.first, analysis] {
                    {
                        std::lock_guard lock(m_mutex);
                        m_delivered = ticket;
                    }
                    emit ready(ticket, analysis);
                },
                Qt::QueuedConnection);
        }
    }
}

}  // namespace versus::gui
