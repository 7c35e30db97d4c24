// The instrument check (`versus selftest`, Help > Instrument check): Versus measures itself on this machine against
// the tools a specialist would use (the same interpreter as a process, timeit, a bare JavaScript loop, the host's
// own clock) and says how close it is. No Qt; blocking, so callers run it on a worker thread.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace versus {

class Catalog;
class RuntimeRegistry;

/// One line of the check: what was measured, the figure, what it is held against, and whether it meets the goal.
struct InstrumentFigure {
    std::string section;  ///< "Embedded against the same interpreter as a process", ...
    std::string what;  ///< "fib: CPython (embedded) / CPython (process)"
    std::string value;  ///< "1.01x (95% CI 0.99x to 1.03x)"
    std::string reference;  ///< "goal 1.00x +- 0.03"; may be empty
    std::optional<bool> meetsGoal;  ///< empty when the figure has no goal (timer resolution)
};

struct InstrumentReport {
    std::vector<InstrumentFigure> figures;
    std::vector<std::string> notes;  ///< runtimes that were unavailable, and similar
};

struct InstrumentCheckOptions {
    int runs = 10;  ///< cancel trials and measured samples per figure
    bool quick = false;  ///< tiny parameters and few samples: a smoke run for the test suite
    std::function<void(const std::string&)> progress;  ///< "measuring fib on CPython ...", on the calling thread
    const std::atomic<bool>* cancelled = nullptr;  ///< checked between steps
};

/// Runs every measurement of the check in turn. `catalog` is the workload catalog (fib, nbody, dict_ops) and
/// `selftest` the catalog of workloads/_selftest (noop, spin, bare_loop).
InstrumentReport runInstrumentCheck(RuntimeRegistry& registry, const Catalog& catalog, const Catalog& selftest,
                                    const InstrumentCheckOptions& options);

/// The report as a plain-text table, grouped by section; the same text in the CLI and the window.
std::string formatInstrumentReport(const InstrumentReport& report);

/// "5000000 loops, best of 5: 19.6 nsec per loop" -> 19.6 (ns); empty when the text is not timeit's.
std::optional<double> parseTimeitNs(const std::string& output);

}  // namespace versus
