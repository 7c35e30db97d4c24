// Results with real-looking samples and core's summaries, for tests that need measurements without runtimes.
#pragma once

#include <cmath>
#include <string>

#include "result.h"
#include "sample_store.h"
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

/// The chart view of syntheticResult(..., workload, ...): the workload with n=20.
inline QString syntheticView(const std::string& workload)
{
    return chartView(workload, {{"n", std::int64_t(20)}}).id;
}

/// An http result with 1 warm-up and 5 measured samples (one request per call at `reqPerS`) and what wrk reported,
/// as the engine makes it.
inline Result syntheticHttpResult(int item, const std::string& runtime, const std::string& flavour,
                                  const std::string& label, double reqPerS)
{
    Result r = syntheticResult(item, "http", runtime, 1e9 / reqPerS, flavour, 1, 5);
    r.workloadTitle = "HTTP server under load (wrk)";
    r.params = {{"connections", std::int64_t(8)}};
    r.flavourLabel = label;
    const double p50Us = 8 * 1e6 / reqPerS;  // 8 connections
    r.reported = {{"latency_p50_us", p50Us},
                  {"latency_p90_us", p50Us * 1.6},
                  {"latency_p99_us", p50Us * 3},
                  {"latency_max_us", p50Us * 8},
                  {"wrk_requests_per_s", reqPerS}};
    return r;
}

/// The seven servers of the http workload on embedded Node.js and CPython, at the rates of a loaded 2-core machine.
inline std::vector<Result> syntheticHttpRun()
{
    return {syntheticHttpResult(0, "node", "plain", "", 5300),
            syntheticHttpResult(1, "node", "express", "Express", 1400),
            syntheticHttpResult(2, "node", "fastify", "Fastify", 5700),
            syntheticHttpResult(3, "python", "plain", "asyncio", 9000),
            syntheticHttpResult(4, "python", "http_server", "http.server", 250),
            syntheticHttpResult(5, "python", "flask", "Flask", 640),
            syntheticHttpResult(6, "python", "fastapi", "FastAPI", 1200)};
}

/// A database run as the window meets it: three workloads with long titles, each at two pool sizes, seven
/// runtime/ORM series per parameter set, the embedded Node.js + Prisma failing as runtime-unavailable (42 results).
inline std::vector<Result> syntheticDatabaseRun()
{
    struct Series {
        const char* runtime;
        const char* flavour;
        const char* name;
        const char* label;
        double medianNs;
    };
    const Series series[] = {{"python", "plain", "CPython (embedded)", "psycopg2", 0.85e6},
                             {"python", "sqlalchemy_orm", "CPython (embedded)", "SQLAlchemy ORM", 1.9e6},
                             {"python", "sqlalchemy_core", "CPython (embedded)", "SQLAlchemy Core", 1.57e6},
                             {"node", "plain", "Node.js (embedded)", "pg", 1.2e6},
                             {"node", "prisma", "Node.js (embedded)", "Prisma", 0},
                             {"node-process", "plain", "Node.js 20 (process)", "pg", 1.3e6},
                             {"node-process", "prisma", "Node.js 20 (process)", "Prisma", 2.4e6}};
    const std::pair<const char*, const char*> workloads[] = {{"db_insert", "Database: insert in a transaction"},
                                                             {"db_join", "Database: filtered list with a join"},
                                                             {"db_point", "Database: point lookup by primary key"}};
    std::vector<Result> results;
    for (const auto& [id, title] : workloads)
        for (const std::int64_t pool : {1, 8})
            for (const Series& s : series) {
                const int item = int(results.size());
                Result r = syntheticResult(item, id, s.runtime,
                                           s.medianNs > 0 ? s.medianNs * (pool == 8 ? 0.7 : 1) : 1e6, s.flavour, 2, 10);
                r.workloadTitle = title;
                r.runtimeName = s.name;
                r.flavourLabel = s.label;
                r.params = {
                    {"clients", std::int64_t(8)}, {"pgbench", true}, {"pool", pool}, {"queries", std::int64_t(200)}};
                if (s.medianNs == 0) {
                    r.status = ResultStatus::Failed;
                    r.failure = {FailureKind::RuntimeUnavailable,
                                 "Prisma 7 needs Node.js 20.19 or later, this is Node.js 18.20.4: run it on a newer "
                                 "Node.js (here: -r node-process)",
                                 "", 0};
                    r.samples.clear();
                    r.summary = {};
                }
                results.push_back(std::move(r));
            }
    return results;
}

}  // namespace versus::gui::testing
