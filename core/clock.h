// The one clock the host reads: CLOCK_MONOTONIC through std::chrono::steady_clock, in nanoseconds.
#pragma once

#include <chrono>
#include <cstdint>

namespace versus {

/// Nanoseconds of the steady (monotonic) clock. The harnesses read the same clock (perf_counter_ns, hrtime), so
/// host and runtime timestamps are comparable. Any thread.
inline std::int64_t steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

}  // namespace versus
