// Descendants of this process from /proc/<pid>/stat's parent field.
#include "process_tree.h"

#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

namespace versus {

namespace {

/// The parent pid of `pid` from /proc/<pid>/stat; -1 when it is gone. The command name (field 2) may hold spaces
/// and parentheses: the fields after it start after the last ')'.
pid_t parentOf(const std::string& pid)
{
    std::ifstream in("/proc/" + pid + "/stat");
    std::string text;
    std::getline(in, text);
    const auto close = text.rfind(')');
    if (close == std::string::npos || close + 4 >= text.size())
        return -1;
    // ") S 1234 ...": state, then the parent pid.
    return static_cast<pid_t>(std::atol(text.c_str() + close + 4));
}

}  // namespace

std::vector<pid_t> descendantProcesses()
{
    std::multimap<pid_t, pid_t> children;  // parent -> child
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos)
            continue;
        const pid_t parent = parentOf(name);
        if (parent > 0)
            children.emplace(parent, static_cast<pid_t>(std::atol(name.c_str())));
    }
    std::vector<pid_t> out;
    std::vector<pid_t> queue{getpid()};
    for (std::size_t i = 0; i < queue.size(); ++i) {
        auto [first, last] = children.equal_range(queue[i]);
        for (auto it = first; it != last; ++it) {
            out.push_back(it->second);
            queue.push_back(it->second);
        }
    }
    return out;
}

int killDescendantProcesses()
{
    // Stop the whole tree first (SIGSTOP: nobody forks a replacement meanwhile), then kill it.
    const std::vector<pid_t> tree = descendantProcesses();
    for (pid_t pid : tree)
        kill(pid, SIGSTOP);
    for (pid_t pid : descendantProcesses())
        kill(pid, SIGKILL);
    for (pid_t pid : tree)
        kill(pid, SIGKILL);
    while (waitpid(-1, nullptr, WNOHANG) > 0) {
    }
    return static_cast<int>(tree.size());
}

}  // namespace versus
