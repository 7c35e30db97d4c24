// The processes Versus started, directly or not: found through /proc, so that none outlives Versus.
#pragma once

#include <vector>

#include <sys/types.h>

namespace versus {

/// Every live descendant of this process (children, their children, ...), parents before their children.
std::vector<pid_t> descendantProcesses();

/// SIGKILLs every descendant of this process and reaps those that are its own children. For the exits that cannot
/// wait for a job to end (a second Ctrl-C, a job blocked in C): whatever workload code started (multiprocessing
/// workers, servers) goes with Versus. Returns how many were killed.
int killDescendantProcesses();

}  // namespace versus
