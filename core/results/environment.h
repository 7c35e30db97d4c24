// The machine a run happens on, read from /proc and /sys, and the warnings about what will make its numbers noisy.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace versus {

/// What Versus knows of the machine. Text fields are empty and numbers negative when the system does not say.
struct Environment {
    std::string os;  ///< PRETTY_NAME of os-release: "Debian GNU/Linux 12 (bookworm)"
    std::string kernel;  ///< "6.1.0-18-amd64"
    std::string cpuModel;  ///< "Intel(R) Xeon(R) Processor @ 2.80GHz"
    int logicalCores = -1;  ///< processors listed in /proc/cpuinfo
    std::string governor;  ///< cpufreq scaling governor of cpu0: "performance", "powersave", ...
    std::string turbo;  ///< "on" or "off" (intel_pstate no_turbo or cpufreq boost)
    double loadAverage1m = -1;  ///< runnable tasks averaged over 1, 5 and 15 minutes
    double loadAverage5m = -1;
    double loadAverage15m = -1;
    int aslr = -1;  ///< /proc/sys/kernel/randomize_va_space: 0 off, 1 partial, 2 full
    std::int64_t memoryTotalBytes = -1;
    std::int64_t memoryAvailableBytes = -1;
};

/// Reads the environment from the file tree under `root` ("/" for this machine; tests pass a fake tree). Never
/// throws; what cannot be read stays unknown.
Environment readEnvironment(const std::string& root = "/");

/// One sentence per condition that makes measurements noisy, saying what to do about it; empty when all is well or
/// unknown. Pure.
std::vector<std::string> environmentWarnings(const Environment& environment);

}  // namespace versus
