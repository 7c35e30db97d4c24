// Speed-up against the single-threaded baseline, per step (see speedup.h).
#include "speedup.h"

#include <algorithm>
#include <map>

namespace versus {

SpeedupTable speedupTable(const std::vector<Result>& results, const std::string& workloadId,
                          const std::string& stepParameter)
{
    SpeedupTable table;
    std::map<std::pair<std::string, std::int64_t>, const Result*> cell;  // (series, step)
    std::map<std::pair<std::string, std::int64_t>, const Result*> baseline;  // (runtime, step)
    for (const Result& r : results) {
        const auto it = r.params.find(stepParameter);
        if (r.workloadId != workloadId || it == r.params.end() || !std::holds_alternative<std::int64_t>(it->second))
            continue;
        const std::int64_t step = std::get<std::int64_t>(it->second);
        if (std::find(table.steps.begin(), table.steps.end(), step) == table.steps.end())
            table.steps.push_back(step);
        const std::string name = r.seriesName();
        if (std::none_of(table.series.begin(), table.series.end(), [&](const auto& s) { return s.name == name; }))
            table.series.push_back({name, r.runtimeId, r.flavour, {}});
        cell[{name, step}] = &r;
        if (r.flavour == "plain")
            baseline[{r.runtimeId, step}] = &r;
        table.sharedParams = r.params;
    }
    std::sort(table.steps.begin(), table.steps.end());
    table.sharedParams.erase(stepParameter);
    for (SpeedupSeries& series : table.series)
        for (std::int64_t step : table.steps) {
            const auto found = cell.find({series.name, step});
            const Result* r = found == cell.end() ? nullptr : found->second;
            const auto base = r ? baseline.find({r->runtimeId, step}) : baseline.end();
            const bool usable = r && r->ok() && base != baseline.end() && base->second->ok() && r->summary.medianNs > 0;
            series.speedup.push_back(
                usable ? std::optional<double>(base->second->summary.medianNs / r->summary.medianNs) : std::nullopt);
        }
    return table;
}

}  // namespace versus
