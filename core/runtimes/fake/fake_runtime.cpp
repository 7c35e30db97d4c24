// FakeRuntime: runs the C++ harness over a virtual clock.
#include "fake/fake_runtime.h"

#include <thread>

#include "harness_job.h"
#include "native_harness.h"

namespace versus {

FakeRuntime::FakeRuntime(FakeBehaviour behaviour, std::string id)
    : m_behaviour(std::move(behaviour)), m_id(std::move(id))
{
}

RuntimeInfo FakeRuntime::info() const
{
    return {m_id, "Fake (" + m_id + ")", m_behaviour.language, "1.0", "", false};
}

RuntimeDescriptor FakeRuntime::descriptor(FakeBehaviour behaviour, std::string id)
{
    RuntimeDescriptor d;
    d.info = FakeRuntime(behaviour, id).info();
    d.create = [behaviour, id] { return std::make_unique<FakeRuntime>(behaviour, id); };
    return d;
}

void FakeRuntime::cancel()
{
    if (m_running)
        m_cancel = true;
}

Result FakeRuntime::execute(const RunJob& job, EventSink& sink)
{
    ++m_executeCount;
    m_cancel = false;
    m_running = true;
    HarnessJobContext context(job, sink);
    std::int64_t virtualNs = 0;
    MeasureHooks hooks;
    hooks.clockNs = [&] { return virtualNs; };
    hooks.heapBytes = [&] { return std::int64_t(1000); };
    hooks.cancelled = [&] { return m_cancel.load(); };
    hooks.call = [&] {
        while (m_behaviour.hang && !m_cancel)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        virtualNs += m_behaviour.nsPerCall;
        return m_behaviour.answer;
    };
    Result result;
    if (m_behaviour.failWith != FailureKind::None) {
        result = context.fail(m_behaviour.failWith, m_behaviour.failMessage);
    } else {
        try {
            const std::string answer = measure(job.options, hooks, context);
            result = context.succeed(answer);
        } catch (const MeasureCancelled&) {
            result = context.fail(FailureKind::Cancelled, "cancelled");
        }
    }
    if (m_behaviour.harnessOverheadNs >= 0)
        result.harnessOverheadNs = m_behaviour.harnessOverheadNs;
    m_running = false;
    return result;
}

}  // namespace versus
