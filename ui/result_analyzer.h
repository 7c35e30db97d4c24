// The worker thread that computes a ResultAnalysis (core/result_analysis.h) off the GUI thread: a 20,000-sample
// result takes seconds to bootstrap, and the window must keep answering meanwhile.
#pragma once

#include <QObject>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "result_analysis.h"

namespace versus::gui {

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

}  // namespace versus::gui
