// The worker side of isolation: `versus worker` runs one job of an embedded runtime in a process of its own.
#pragma once

#include "runtime_registry.h"

namespace versus {

/// Address space an isolated worker may map beyond its resident-memory limit. Embedded V8 reserves address space it
/// never touches (its code range alone; a worker with both runtimes ready maps between 1.0 and 1.5 GiB, measured with
/// `ulimit -v`), so an RLIMIT_AS equal to the resident limit would stop Node.js from starting. The resident limit
/// itself is enforced by the parent (IsolatedRuntime); this bound catches an allocation too fast for its polling.
inline constexpr std::int64_t kWorkerAddressSpaceHeadroomBytes = std::int64_t(2) << 30;

/// Reads a WorkerJob (worker_protocol.h) from stdin, runs it on `registry`'s runtime of that id (in this process,
/// on the runtime's own thread, exactly as in the Versus process) and writes the protocol lines to `protocolFd`:
/// ready, the runtime's events, done with the Result. A job that cannot start (unreadable job, manifest that no
/// longer loads, unavailable runtime) still ends with a done line holding a failed Result. Returns the exit status.
int serveIsolatedJob(RuntimeRegistry& registry, int protocolFd);

}  // namespace versus
