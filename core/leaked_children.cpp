// Finds and ends the child processes a job left in this process (see leaked_children.h).
#include "leaked_children.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

namespace versus {

namespace {

/// A zombie: the process has ended and only waits to be reaped.
bool exitedAlready(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = stat.rfind(')');
    return close != std::string::npos && close + 2 < stat.size() && stat[close + 2] == 'Z';
}

}  // namespace

std::set<pid_t> ownGroupChildren()
{
    std::set<pid_t> pids;
    const pid_t group = getpgrp();
    std::error_code ec;
    for (const auto& task : std::filesystem::directory_iterator("/proc/self/task", ec)) {
        std::ifstream in(task.path() / "children");
        pid_t pid = 0;
        while (in >> pid)
            if (getpgid(pid) == group)
                pids.insert(pid);
    }
    return pids;
}

std::string killChildrenSince(const std::set<pid_t>& before)
{
    // /proc/<pid>/task/<tid>/children may skip a child while its siblings exit (proc(5): reliable only when the
    // children are stopped): scan again after each pass until a pass finds none, for at most a second.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    std::vector<pid_t> killed;
    std::string names;
    for (;;) {
        std::vector<pid_t> leaked;
        bool reaped = false;
        for (pid_t pid : ownGroupChildren()) {
            if (before.count(pid))
                continue;
            if (exitedAlready(pid)) {
                waitpid(pid, nullptr, WNOHANG);  // ended by the job, not yet reaped by the runtime that started it
                reaped = true;
            } else if (std::find(killed.begin(), killed.end(), pid) == killed.end()) {
                leaked.push_back(pid);
            }
        }
        for (pid_t pid : leaked) {
            std::ifstream comm("/proc/" + std::to_string(pid) + "/comm");
            std::string name;
            std::getline(comm, name);
            names += (names.empty() ? "" : ", ") + std::to_string(pid) + (name.empty() ? "" : " " + name);
            kill(pid, SIGKILL);
            killed.push_back(pid);
        }
        for (pid_t pid : leaked)
            while (waitpid(pid, nullptr, WNOHANG) == 0 && std::chrono::steady_clock::now() < deadline)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
        if ((leaked.empty() && !reaped) || std::chrono::steady_clock::now() >= deadline)
            break;
    }
    if (killed.empty())
        return {};
    const bool one = killed.size() == 1;
    return "left " + std::to_string(killed.size()) + (one ? " child process" : " child processes") + " running ("
        + names + "); " + (one ? "it was" : "they were")
        + " killed: end every process the workload starts before run() or teardown() returns";
}

}  // namespace versus
