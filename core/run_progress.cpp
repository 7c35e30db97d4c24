// Progress of a run: planned samples corrected as results end, and a time-left estimate from the measured pace.
#include "run_progress.h"

#include <algorithm>

namespace versus {

void RunProgress::start(const RunPlan& plan, const RuntimeRegistry& registry)
{
    m_planned.clear();
    m_ended.clear();
    for (std::size_t i = 0; i < plan.items.size(); ++i) {
        const PlanItem& item = plan.items[i];
        const RuntimeDescriptor* d = registry.descriptor(item.runtimeId);
        if (d && item.workload)
            for (const Implementation* impl : item.implementations(d->info.language))
                m_planned.push_back({int(i), item.workload->id, item.runtimeId, impl->flavour});
    }
    m_resultsExpected = int(m_planned.size());
    m_running = true;
    m_cancelled = false;
    m_upperBound = plan.targetCiPercent > 0;
    m_timeBudgetS = plan.options.timeBudgetS;
    m_resultsDone = 0;
    m_plannedPerResult = plannedSamplesPerItem(plan);
    m_samplesPlanned = m_plannedPerResult * m_resultsExpected;
    m_samplesDone = 0;
    m_samplesPerResult.clear();
}

void RunProgress::sample(int itemIndex, const std::string& flavour)
{
    ++m_samplesDone;
    ++m_samplesPerResult[{itemIndex, flavour}];
}

void RunProgress::resultEnded(int itemIndex, const std::string& flavour)
{
    ++m_resultsDone;
    m_ended.insert({itemIndex, flavour});
    // An adaptive stop, a budget, a failure or Stop end a result early: the plan shrinks by what it did not take.
    const auto it = m_samplesPerResult.find({itemIndex, flavour});
    const long long taken = it == m_samplesPerResult.end() ? 0 : it->second;
    m_samplesPlanned -= std::max(0LL, m_plannedPerResult - taken);
    m_samplesPlanned = std::max(m_samplesPlanned, m_samplesDone);
}

long long RunProgress::samplesPlanned() const
{
    return std::max(1LL, m_samplesPlanned);
}

long long RunProgress::samplesDone() const
{
    return m_running || m_cancelled ? std::min(m_samplesDone, samplesPlanned()) : samplesPlanned();
}

std::vector<ItemKey> RunProgress::notEnded() const
{
    std::vector<ItemKey> out;
    for (const ItemKey& key : m_planned)
        if (!m_ended.count({key.itemIndex, key.flavour}))
            out.push_back(key);
    return out;
}

int RunProgress::perMille() const
{
    return int(1000 * samplesDone() / samplesPlanned());
}

std::optional<double> RunProgress::secondsLeft(double elapsedS) const
{
    const long long done = samplesDone();
    if (!m_running || done == 0 || elapsedS <= 1.0)
        return std::nullopt;
    double left = elapsedS * double(samplesPlanned() - done) / double(done);
    if (m_timeBudgetS > 0)  // each result not yet ended stops sampling at the budget
        left = std::min(left, m_timeBudgetS * std::max(0, m_resultsExpected - m_resultsDone));
    return left;
}

}  // namespace versus
