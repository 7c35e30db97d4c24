// Results with real-looking samples and core's summaries, for tests that need measurements without runtimes.
#pragma once

#include <cmath>
#include <string>

#include "result.h"
#include "statistics.h"

namespace versus::gui::testing {

/// `warmup` + `measured` samples around `medianNs` per call (deterministic wobble of a few percent; warm-up samples
/// slower), summarised by stats::summarize like the engine does.
inline Result syntheticResult(int item, const std::string& workload, const std::string& runtime, double medianNs,
                              const std::string& flavour = "plain", int warmup = 3, int measured = 20)
{
    Result r;
    r.itemIndex = item;
    r.workloadId = workload;
    r.workloadTitle = workload == "fib" ? "Fibonacci" : workload;
    r.runtimeId = runtime;
    r.runtimeName = runtime == "python" ? "CPython (test)" : runtime == "node" ? "Node.js (test)" : runtime;
    r.runtimeVersion = "1.0";
    r.language = runtime == "native" ? "native" : runtime.rfind("node", 0) == 0 ? "javascript" : "python";
    r.embedded = runtime == "python" || runtime == "node";
    r.flavour = flavour;
    r.flavourLabel = flavour == "plain" ? "" : flavour;
    r.params = {{"n", std::int64_t(20)}};
    r.innerLoops = 100;
    for (int i = 0; i < warmup + measured; ++i) {
        Sample s;
        s.index = i;
        s.warmup = i < warmup;
        s.innerLoops = r.innerLoops;
        const double wobble = 1.0 + 0.03 * std::sin(double(i) * 2.3) + (s.warmup ? 0.4 : 0.0);
        s.elapsedNs = std::int64_t(medianNs * wobble * double(s.innerLoops));
        s.heapBytes = 1000000 + i * 1000;
        r.samples.push_back(s);
    }
    r.summary = stats::summarize(r.samples);
    r.answer = "6765";
    r.wallSeconds = 1;
    return r;
}

}  // namespace versus::gui::testing
