// The native runtime: stops at the next call when cancelled, and says clearly when a manifest asks it for a
// workload it has no C++ implementation of.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

#include <unistd.h>

#include "event_queue.h"
#include "run_helpers.h"
#include "run_scheduler.h"

namespace versus::workload_tests {

using namespace versus::testing;

namespace {

TEST(NativeRuntime, CancelStopsTheRunWithinItsNextCall)
{
    const Workload* fib = mainCatalog().find("fib");
    ASSERT_NE(fib, nullptr);
    EventQueue queue(1 << 16);
    RunScheduler scheduler(registry(), queue);
    scheduler.start({{{fib, "native", {{"n", std::int64_t(32)}}}}, HarnessOptions{}});  // seconds of sampling
    std::chrono::steady_clock::time_point cancelledAt;
    for (bool done = false; !done;)
        for (const Event& event : queue.take(256, std::chrono::milliseconds(50))) {
            if (std::holds_alternative<SampleEvent>(event) && cancelledAt == std::chrono::steady_clock::time_point{}) {
                cancelledAt = std::chrono::steady_clock::now();
                scheduler.cancel();
            }
            done = done || std::holds_alternative<PlanDoneEvent>(event);
        }
    scheduler.wait();
    const auto latency = std::chrono::steady_clock::now() - cancelledAt;
    const auto results = scheduler.results();
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results.front().status, ResultStatus::Cancelled);
    EXPECT_LT(latency, std::chrono::milliseconds(500));  // one call of fib(32) is a few ms; the rest is polling
}

TEST(NativeRuntime, WorkloadWithoutNativeImplementationFailsWithAClearMessage)
{
    std::string pattern = (std::filesystem::temp_directory_path() / "versus-native-test-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    const std::filesystem::path dir = pattern;
    std::filesystem::create_directories(dir / "not_native");
    std::ofstream(dir / "not_native" / "manifest.json") << R"({"schema_version": 1, "id": "not_native",
        "title": "T", "category": "test", "description": "D.", "implementations": [{"language": "native"}]})";
    const Catalog catalog = Catalog::load(dir);
    std::filesystem::remove_all(dir);
    ASSERT_EQ(catalog.workloads().size(), 1u);

    DiscardEvents events;
    RunScheduler scheduler(registry(), events);
    scheduler.runBlocking({{{&catalog.workloads().front(), "native", {}}}, quickOptionsWithoutWarmup()});
    const auto results = scheduler.results();
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results.front().failure.kind, FailureKind::RuntimeUnavailable);
    EXPECT_NE(results.front().failure.message.find("no native implementation of 'not_native'"), std::string::npos)
        << results.front().failure.message;
}

}  // namespace
}  // namespace versus::workload_tests
