// The statistics over a whole results set that cost bootstrap time (the ratio CIs of the summary plot, the
// headlines), computed off the GUI thread: a 20,000-sample result takes seconds to bootstrap, and the window must
// keep answering meanwhile.
#pragma once

#include <QObject>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "result.h"
#include "statistics.h"

namespace versus::gui {

/// Results compared with one another: the same workload with the same parameters (workloadLabel(), "fib (n=25)").
std::string comparisonGroup(const Result& r);

/// Everything the summary plot and the headline derive from one results set. Qt-free, so any thread computes it.
struct ResultAnalysis {
    std::vector<Result> results;
    /// Per result (same index): 95% CI of its median / the fastest median among the results of the same workload and
    /// parameters, as the headline computes it (compareWithFastest()); both ends NaN for results that are not
    /// comparable (isComparable()).
    std::vector<stats::Interval> ratioCi;
    /// The headline sentence of each workload and parameter set with two comparable results (headline.h, the same
    /// as the CLI's and the exports'), in order of appearance.
    std::vector<std::string> headlines;

    static ResultAnalysis compute(std::vector<Result> results);
};

/// Computes ResultAnalysis on one worker thread and hands it back on the thread that owns this object. Requests
/// coalesce: while one is computing only the newest waits, so a burst of finished results costs at most two
/// analyses; every ticket it returns is either delivered or superseded by a later one.
class ResultAnalyzer final : public QObject {
    Q_OBJECT
public:
    explicit ResultAnalyzer(QObject* parent = nullptr);
    /// Waits for the analysis being computed, if any; a waiting one is dropped.
    ~ResultAnalyzer() override;

    /// Queues an analysis of `results` and returns its ticket (increasing from 1).
    quint64 request(std::vector<Result> results);
    /// True when nothing is computing or waiting.
    bool idle() const;

signals:
    /// On the owner's thread. Tickets arrive in increasing order; superseded ones never arrive.
    void ready(quint64 ticket, std::shared_ptr<const ResultAnalysis> analysis);

private:
    void work();

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<std::pair<quint64, std::vector<Result>>> m_pending;
    quint64 m_nextTicket = 1;
    quint64 m_delivered = 0;  // the newest ticket handed to ready()
    bool m_stop = false;
    std::thread m_thread;  // last: started once the members above exist
};

} // namespace versus::gui
