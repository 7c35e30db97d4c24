// A runtime for tests: no interpreter, a virtual clock, and behaviour chosen by the test. Makes the scheduler,
// the harness algorithm and the event stream testable exactly and fast.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "runtime.h"

namespace versus {

struct FakeBehaviour {
    std::string language = "python";  ///< which implementations of a workload it runs
    std::int64_t nsPerCall = 1'000'000;  ///< virtual time one call takes
    std::string answer = "42";  ///< JSON text returned by every call
    bool hang = false;  ///< each call spins in real time until cancel()
    FailureKind failWith = FailureKind::None;
    std::string failMessage;
    double harnessOverheadNs = -1;  ///< when >= 0, reported as Result::harnessOverheadNs of every job
};

class FakeRuntime final : public Runtime {
public:
    explicit FakeRuntime(FakeBehaviour behaviour, std::string id = "fake");
    RuntimeInfo info() const override;
    Result execute(const RunJob& job, EventSink& sink) override;
    void cancel() override;

    int executeCount() const { return m_executeCount.load(); }
    static RuntimeDescriptor descriptor(FakeBehaviour behaviour, std::string id = "fake");

private:
    FakeBehaviour m_behaviour;
    std::string m_id;
    std::atomic<bool> m_running{false};
    std::atomic<bool> m_cancel{false};
    std::atomic<int> m_executeCount{0};
};

}  // namespace versus
