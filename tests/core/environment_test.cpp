// Environment: parsing a fake /proc and /sys tree exactly, this machine plausibly, and the noise warnings.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "environment.h"

using namespace versus;

std::string tempDir(const std::string& name);  // results_file_test.cpp

namespace {

void put(const std::string& root, const std::string& relative, const std::string& text)
{
    const std::filesystem::path path = std::filesystem::path(root) / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

/// A fake two-core x86 machine running powersave with turbo on and some load.
std::string fakeMachine()
{
    const std::string root = tempDir("environment");
    put(root, "etc/os-release",
        "NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\n");
    put(root, "proc/sys/kernel/osrelease", "6.1.0-18-amd64\n");
    put(root, "proc/cpuinfo",
        "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) Processor @ 2.80GHz\n\n"
        "processor\t: 1\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) Processor @ 2.80GHz\n\n");
    put(root, "sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "powersave\n");
    put(root, "sys/devices/system/cpu/intel_pstate/no_turbo", "0\n");
    put(root, "proc/loadavg", "1.80 1.25 0.50 3/412 12345\n");
    put(root, "proc/sys/kernel/randomize_va_space", "2\n");
    put(root, "proc/meminfo",
        "MemTotal:       24684092 kB\nMemFree:        21862292 kB\nMemAvailable:   22548288 kB\n");
    return root;
}

}  // namespace

TEST(Environment, ReadsEveryFieldFromTheTree)
{
    const Environment e = readEnvironment(fakeMachine());
    EXPECT_EQ(e.os, "Debian GNU/Linux 12 (bookworm)");
    EXPECT_EQ(e.kernel, "6.1.0-18-amd64");
    EXPECT_EQ(e.cpuModel, "Intel(R) Xeon(R) Processor @ 2.80GHz");
    EXPECT_EQ(e.logicalCores, 2);
    EXPECT_EQ(e.governor, "powersave");
    EXPECT_EQ(e.turbo, "on");
    EXPECT_DOUBLE_EQ(e.loadAverage1m, 1.8);
    EXPECT_DOUBLE_EQ(e.loadAverage5m, 1.25);
    EXPECT_DOUBLE_EQ(e.loadAverage15m, 0.5);
    EXPECT_EQ(e.aslr, 2);
    EXPECT_EQ(e.memoryTotalBytes, 24684092LL * 1024);
    EXPECT_EQ(e.memoryAvailableBytes, 22548288LL * 1024);
}

TEST(Environment, TurboFromIntelPstateOrCpufreqBoost)
{
    const std::string root = fakeMachine();
    put(root, "sys/devices/system/cpu/intel_pstate/no_turbo", "1\n");
    EXPECT_EQ(readEnvironment(root).turbo, "off");
    std::filesystem::remove_all(root + "/sys/devices/system/cpu/intel_pstate");
    put(root, "sys/devices/system/cpu/cpufreq/boost", "1\n");
    EXPECT_EQ(readEnvironment(root).turbo, "on");
    put(root, "sys/devices/system/cpu/cpufreq/boost", "0\n");
    EXPECT_EQ(readEnvironment(root).turbo, "off");
}

TEST(Environment, ArmCpuinfoAndUsrLibOsRelease)
{
    const std::string root = tempDir("environment-arm");
    put(root, "usr/lib/os-release", "PRETTY_NAME='Alpine Linux v3.19'\n");
    put(root, "proc/cpuinfo",
        "processor\t: 0\nBogoMIPS\t: 48.00\n\nprocessor\t: 1\n\nModel\t: Raspberry Pi 4 Model B\n");
    const Environment e = readEnvironment(root);
    EXPECT_EQ(e.os, "Alpine Linux v3.19");
    EXPECT_EQ(e.cpuModel, "Raspberry Pi 4 Model B");
    EXPECT_EQ(e.logicalCores, 2);
}

TEST(Environment, MissingFilesStayUnknown)
{
    const Environment e = readEnvironment(tempDir("environment-empty"));
    EXPECT_EQ(e.os, "");
    EXPECT_EQ(e.kernel, "");
    EXPECT_EQ(e.cpuModel, "");
    EXPECT_EQ(e.logicalCores, -1);
    EXPECT_EQ(e.governor, "");
    EXPECT_EQ(e.turbo, "");
    EXPECT_EQ(e.loadAverage1m, -1);
    EXPECT_EQ(e.aslr, -1);
    EXPECT_EQ(e.memoryTotalBytes, -1);
    EXPECT_EQ(e.memoryAvailableBytes, -1);
    EXPECT_TRUE(environmentWarnings(e).empty());
}

TEST(Environment, ThisMachineIsReadable)
{
    const Environment e = readEnvironment();
    EXPECT_GE(e.logicalCores, 1);
    EXPECT_FALSE(e.kernel.empty());
    EXPECT_GT(e.memoryTotalBytes, 0);
    EXPECT_GE(e.loadAverage1m, 0);
}

TEST(Environment, WarningsForANoisyMachine)
{
    const auto warnings = environmentWarnings(readEnvironment(fakeMachine()));
    ASSERT_EQ(warnings.size(), 3u);
    EXPECT_EQ(warnings[0],
              "CPU frequency governor is powersave: numbers will be noisy. Set it to performance "
              "(sudo cpupower frequency-set -g performance) for stable clocks.");
    EXPECT_EQ(warnings[1],
              "Turbo boost is on: the clock follows temperature and load, so numbers drift during a "
              "run. Turn it off for the steadiest numbers.");
    EXPECT_EQ(warnings[2],
              "Load average 1.8 on 2 cores: other programs compete for the CPU and will slow some "
              "samples. Close them or wait for the load to drop.");
}

TEST(Environment, NoWarningsForAQuietMachine)
{
    Environment e;
    e.logicalCores = 8;
    e.governor = "performance";
    e.turbo = "off";
    e.loadAverage1m = 0.3;
    e.memoryTotalBytes = std::int64_t(16) << 30;
    e.memoryAvailableBytes = std::int64_t(12) << 30;
    EXPECT_TRUE(environmentWarnings(e).empty());
}

TEST(Environment, WarningsForOneCoreAndLowMemory)
{
    Environment e;
    e.logicalCores = 1;
    e.loadAverage1m = 0.2;
    e.memoryTotalBytes = std::int64_t(8) << 30;
    e.memoryAvailableBytes = std::int64_t(300) << 20;
    const auto warnings = environmentWarnings(e);
    ASSERT_EQ(warnings.size(), 2u);
    EXPECT_EQ(warnings[0],
              "Only one CPU core: the runtimes' background threads (garbage collector, JIT compiler) "
              "compete with the measurement.");
    EXPECT_EQ(warnings[1],
              "Only 300 MiB of memory available: the system may swap and distort the numbers. Close "
              "programs to free memory.");
}
