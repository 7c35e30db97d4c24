// Child processes a job left behind in this process: found by difference with a snapshot, and ended.
#pragma once

#include <set>
#include <string>

#include <sys/types.h>

namespace versus {

/// This process's children in its own process group (the children of every thread: /proc/self/task/*/children).
/// External runtimes start their interpreters in groups of their own, so those are never counted.
std::set<pid_t> ownGroupChildren();

/// Kills (SIGKILL) and reaps the children in this process's group that are not in `before`; waits at most 1 s.
/// Returns "left 2 child processes running (4711 node, 4712 node); they were killed", or "" when there were none.
/// For runtimes whose own harness can no longer do it (a stopped Node.js environment); harness.py does the same for
/// CPython, from inside the interpreter.
std::string killChildrenSince(const std::set<pid_t>& before);

}  // namespace versus
