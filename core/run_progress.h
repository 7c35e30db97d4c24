// How far a run is, in samples (warm-up included) and results, and how long it has left: the numbers behind a
// progress bar, with no clock and no Qt (the front end passes the elapsed time in). Used on one thread only.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "run_scheduler.h"

namespace versus {

class RunProgress {
public:
    /// A new run of `plan`: every implementation a checked runtime can run is one expected result, each planned at
    /// plannedSamplesPerItem(plan) samples (an upper bound under a target CI). Items whose runtime is unknown are
    /// left out: the scheduler skips them.
    void start(const RunPlan& plan, const RuntimeRegistry& registry);
    /// One sample (warm-up or measured) of the result `itemIndex`/`flavour` arrived.
    void sample(int itemIndex, const std::string& flavour);
    /// A result ended (finished, failed or stopped): it takes what it took, so what it did not take leaves the plan.
    void resultEnded(int itemIndex, const std::string& flavour);
    /// The plan is over. Complete: nothing is left to do. Cancelled (Stop): the bar stays where the run stopped.
    void finish(bool cancelled = false)
    {
        m_running = false;
        m_cancelled = cancelled;
    }
    /// The planned results that never ended (what Stop left out), in plan order.
    std::vector<ItemKey> notEnded() const;

    bool running() const { return m_running; }
    /// True when the planned total is an upper bound (a target CI may stop results sooner).
    bool upperBound() const { return m_upperBound; }
    /// The planned samples, at least 1 (so a bar over an empty plan is well-defined).
    long long samplesPlanned() const;
    /// Samples done, never above samplesPlanned(); all of them once the run is over, unless it was cancelled.
    long long samplesDone() const;
    int resultsDone() const { return m_resultsDone; }
    int resultsExpected() const { return m_resultsExpected; }
    /// samplesDone() / samplesPlanned() in thousandths, 0 to 1000.
    int perMille() const;
    /// Seconds left, extrapolated from the samples done in `elapsedS` (the measured pace, calibration and start-up
    /// included) and capped by the time budget of each result not yet ended. Nothing while no sample is done, in the
    /// first second (too little to extrapolate from) or once the run is over.
    std::optional<double> secondsLeft(double elapsedS) const;

private:
    bool m_running = false;
    bool m_cancelled = false;
    std::vector<ItemKey> m_planned;  // every expected result, in plan order
    std::set<std::pair<int, std::string>> m_ended;  // (itemIndex, flavour) of the results that ended
    bool m_upperBound = false;
    double m_timeBudgetS = 0;
    int m_resultsExpected = 0;
    int m_resultsDone = 0;
    long long m_plannedPerResult = 0;
    long long m_samplesPlanned = 0;
    long long m_samplesDone = 0;
    std::map<std::pair<int, std::string>, long long> m_samplesPerResult;  // (itemIndex, flavour) -> samples seen
};

}  // namespace versus
