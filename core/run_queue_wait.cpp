// /proc/<pid>/schedstat: "<ns on a CPU> <ns waiting on a run queue> <timeslices>" (Documentation/scheduler/sched-stats).
#include "run_queue_wait.h"

#include <cstdio>
#include <string>

namespace versus {

namespace {

std::int64_t runQueueWaitFrom(const char* path)
{
    std::FILE* file = std::fopen(path, "re");
    if (!file)
        return -1;
    long long running = 0, waiting = 0;
    const int read = std::fscanf(file, "%lld %lld", &running, &waiting);
    std::fclose(file);
    return read == 2 ? static_cast<std::int64_t>(waiting) : -1;
}

}  // namespace

std::int64_t threadRunQueueWaitNs()
{
    return runQueueWaitFrom("/proc/thread-self/schedstat");
}

std::int64_t processRunQueueWaitNs(pid_t pid)
{
    return pid > 0 ? runQueueWaitFrom(("/proc/" + std::to_string(pid) + "/schedstat").c_str()) : -1;
}

}  // namespace versus
