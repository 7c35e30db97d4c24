// C++ twin of harness.py / harness.js measure().
#include "native_harness.h"

#include <algorithm>

namespace versus {

std::string measure(const HarnessOptions& options, const MeasureHooks& hooks, HarnessJobContext& context)
{
    auto timed = [&](std::int64_t loops, std::string& answer) {
        const std::int64_t start = hooks.clockNs();
        for (std::int64_t i = 0; i < loops; ++i) {
            if (hooks.cancelled())
                throw MeasureCancelled{};
            answer = hooks.call();
        }
        return hooks.clockNs() - start;
    };
    std::string answer = hooks.call();  // the untimed probe call
    const auto minNs = static_cast<std::int64_t>(options.minSampleTimeMs * 1e6);
    const std::int64_t maxLoops = options.fixedInnerLoops > 0 ? options.fixedInnerLoops : options.maxInnerLoops;
    std::int64_t loops = options.fixedInnerLoops > 0 ? options.fixedInnerLoops : 1;
    std::int64_t elapsed = 0;
    for (;;) {
        elapsed = timed(loops, answer);
        if (elapsed >= minNs || loops >= maxLoops)
            break;
        loops = std::min(loops * 2, maxLoops);
    }
    context.calibrated(loops, elapsed);

    int index = 0;
    for (int w = 0; w < options.warmupSamples; ++w) {
        const std::int64_t ns = timed(loops, answer);
        context.sample(index++, true, loops, ns, hooks.heapBytes());
    }
    const auto budgetNs = static_cast<std::int64_t>(options.timeBudgetS * 1e9);
    const std::int64_t measuredStart = hooks.clockNs();
    for (int s = 0; s < options.samples; ++s) {
        if (budgetNs > 0 && index > options.warmupSamples && hooks.clockNs() - measuredStart >= budgetNs)
            break;
        const std::int64_t ns = timed(loops, answer);
        context.sample(index++, false, loops, ns, hooks.heapBytes());
    }
    return answer;
}

}  // namespace versus
