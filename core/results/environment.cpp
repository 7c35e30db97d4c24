// Reads /proc, /sys and os-release under a root folder; every reader tolerates a missing or odd file.
#include "environment.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace versus {

namespace {

/// Whole file, or empty when it cannot be read.
std::string readText(const std::string& path)
{
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return in ? text.str() : std::string();
}

std::string trim(const std::string& s)
{
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

/// "key<sep>value" lines: the value of the first line whose trimmed key equals `key`.
std::string fieldValue(const std::string& text, const std::string& key, char separator)
{
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        const auto pos = line.find(separator);
        if (pos != std::string::npos && trim(line.substr(0, pos)) == key)
            return trim(line.substr(pos + 1));
    }
    return {};
}

std::string unquote(std::string s)
{
    if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front())
        s = s.substr(1, s.size() - 2);
    return s;
}

/// "MemTotal:       24684092 kB" -> bytes; -1 when absent.
std::int64_t meminfoBytes(const std::string& meminfo, const std::string& key)
{
    const std::string value = fieldValue(meminfo, key, ':');
    long long kib = -1;
    if (std::sscanf(value.c_str(), "%lld", &kib) != 1 || kib < 0)
        return -1;
    return static_cast<std::int64_t>(kib) * 1024;
}

}  // namespace

Environment readEnvironment(const std::string& root)
{
    const std::string base = root.empty() || root.back() == '/' ? root : root + "/";
    Environment env;

    std::string osRelease = readText(base + "etc/os-release");
    if (osRelease.empty())
        osRelease = readText(base + "usr/lib/os-release");
    env.os = unquote(fieldValue(osRelease, "PRETTY_NAME", '='));
    env.kernel = trim(readText(base + "proc/sys/kernel/osrelease"));

    const std::string cpuinfo = readText(base + "proc/cpuinfo");
    for (const char* key : {"model name", "Model", "Hardware", "cpu model", "Processor"}) {
        env.cpuModel = fieldValue(cpuinfo, key, ':');
        if (!env.cpuModel.empty())
            break;
    }
    std::istringstream lines(cpuinfo);
    int processors = 0;
    for (std::string line; std::getline(lines, line);)
        if (line.rfind("processor", 0) == 0 && line.find(':') != std::string::npos)
            ++processors;
    if (processors > 0)
        env.logicalCores = processors;

    env.governor = trim(readText(base + "sys/devices/system/cpu/cpu0/cpufreq/scaling_governor"));
    const std::string noTurbo = trim(readText(base + "sys/devices/system/cpu/intel_pstate/no_turbo"));
    const std::string boost = trim(readText(base + "sys/devices/system/cpu/cpufreq/boost"));
    if (noTurbo == "0" || noTurbo == "1")
        env.turbo = noTurbo == "1" ? "off" : "on";
    else if (boost == "0" || boost == "1")
        env.turbo = boost == "1" ? "on" : "off";

    const std::string loadavg = readText(base + "proc/loadavg");
    double l1 = 0, l5 = 0, l15 = 0;
    if (std::sscanf(loadavg.c_str(), "%lf %lf %lf", &l1, &l5, &l15) == 3) {
        env.loadAverage1m = l1;
        env.loadAverage5m = l5;
        env.loadAverage15m = l15;
    }

    const std::string aslr = trim(readText(base + "proc/sys/kernel/randomize_va_space"));
    if (aslr == "0" || aslr == "1" || aslr == "2")
        env.aslr = aslr[0] - '0';

    const std::string meminfo = readText(base + "proc/meminfo");
    env.memoryTotalBytes = meminfoBytes(meminfo, "MemTotal");
    env.memoryAvailableBytes = meminfoBytes(meminfo, "MemAvailable");
    return env;
}

std::vector<std::string> environmentWarnings(const Environment& env)
{
    std::vector<std::string> warnings;
    char buffer[256];
    if (!env.governor.empty() && env.governor != "performance")
        warnings.push_back("CPU frequency governor is " + env.governor
                           + ": numbers will be noisy. Set it to performance "
                             "(sudo cpupower frequency-set -g performance) for stable clocks.");
    if (env.turbo == "on")
        warnings.push_back("Turbo boost is on: the clock follows temperature and load, so numbers drift during a "
                           "run. Turn it off for the steadiest numbers.");
    if (env.loadAverage1m >= 0 && env.logicalCores > 0 && env.loadAverage1m > 0.5 * env.logicalCores) {
        std::snprintf(buffer, sizeof buffer,
                      "Load average %.2g on %d core%s: other programs compete for the CPU and will slow some "
                      "samples. Close them or wait for the load to drop.",
                      env.loadAverage1m, env.logicalCores, env.logicalCores == 1 ? "" : "s");
        warnings.push_back(buffer);
    }
    if (env.logicalCores == 1)
        warnings.push_back("Only one CPU core: the runtimes' background threads (garbage collector, JIT compiler) "
                           "compete with the measurement.");
    constexpr std::int64_t kMiB = 1024 * 1024;
    if (env.memoryAvailableBytes >= 0 && env.memoryTotalBytes > 0
        && (env.memoryAvailableBytes < 512 * kMiB || env.memoryAvailableBytes * 10 < env.memoryTotalBytes)) {
        std::snprintf(buffer, sizeof buffer,
                      "Only %lld MiB of memory available: the system may swap and distort the numbers. Close "
                      "programs to free memory.",
                      static_cast<long long>(env.memoryAvailableBytes / kMiB));
        warnings.push_back(buffer);
    }
    return warnings;
}

}  // namespace versus
