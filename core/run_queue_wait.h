// How long a thread has waited for a CPU: the kernel's run-queue delay from /proc/.../schedstat, which the clock
// check allows for (a sample the host reads late because its thread, or the runtime's, was not scheduled).
#pragma once

#include <cstdint>

#include <sys/types.h>

namespace versus {

/// Nanoseconds the calling thread has spent runnable but not running since it started; -1 when the kernel does not
/// say (no /proc, or a kernel without schedstat).
std::int64_t threadRunQueueWaitNs();

/// The same for the main thread of process `pid` (the harness's thread in a child interpreter); -1 when unknown.
std::int64_t processRunQueueWaitNs(pid_t pid);

}  // namespace versus
