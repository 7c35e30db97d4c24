// Hostile workload code against the versus binary: isolated, each death is one failed result and the run goes on;
// in process, the journal keeps what was measured; SIGINT and SIGTERM stop a blocked job within a second and leave
// no child behind.
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

extern char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

/// A workloads folder outside the installed catalog (so runs from it are isolated by default) holding the catalog's
/// fib and the hostile fixture.
const fs::path& hostileCatalog()
{
    static const fs::path dir = [] {
        const fs::path d = fs::path(::testing::TempDir()) / ("versus-hostile-" + std::to_string(getpid()));
        fs::remove_all(d);
        fs::create_directories(d);
        fs::copy(fs::path(VERSUS_SOURCE_DIR) / "workloads" / "fib", d / "fib", fs::copy_options::recursive);
        fs::copy(fs::path(VERSUS_TEST_FIXTURES) / "workloads" / "hostile", d / "hostile", fs::copy_options::recursive);
        return d;
    }();
    return dir;
}

struct Finished {
    int exitCode = -1;  ///< -1 when killed by a signal
    int signal = 0;
    double seconds = 0;
    std::string err;
};

/// versus started with `args`, stdout and stderr to files; signalled and waited for by the test.
class VersusProcess {
public:
    explicit VersusProcess(std::vector<std::string> args)
    {
        static int counter = 0;
        m_err = fs::path(::testing::TempDir())
            / ("versus-iso-" + std::to_string(getpid()) + "-" + std::to_string(++counter) + ".err");
        args.insert(args.begin(), VERSUS_BINARY);
        std::vector<char*> argv;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 2, m_err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
    }
    pid_t pid() const { return m_pid; }
    Finished wait(Clock::time_point since = Clock::now())
    {
        int status = 0;
        waitpid(m_pid, &status, 0);
        Finished f;
        f.seconds = std::chrono::duration<double>(Clock::now() - since).count();
        f.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        f.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
        std::ifstream in(m_err);
        std::stringstream text;
        text << in.rdbuf();
        f.err = text.str();
        return f;
    }

private:
    pid_t m_pid = -1;
    fs::path m_err;
};

pid_t parentOf(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    std::getline(in, text);
    const auto close = text.rfind(')');
    return close == std::string::npos ? -1 : static_cast<pid_t>(std::atol(text.c_str() + close + 4));
}

/// Live (not zombie) descendants of `root` whose command name is `name`.
std::vector<pid_t> descendantsNamed(pid_t root, const std::string& name)
{
    std::vector<pid_t> out;
    for (const auto& entry : fs::directory_iterator("/proc")) {
        const std::string id = entry.path().filename().string();
        if (id.find_first_not_of("0123456789") != std::string::npos)
            continue;
        const pid_t pid = std::atoi(id.c_str());
        std::ifstream comm(entry.path() / "comm");
        std::string command;
        std::getline(comm, command);
        if (command != name)
            continue;
        for (pid_t p = parentOf(pid); p > 1; p = parentOf(p))
            if (p == root) {
                out.push_back(pid);
                break;
            }
    }
    return out;
}

bool alive(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    std::getline(in, text);
    const auto close = text.rfind(')');
    return close != std::string::npos && text[close + 2] != 'Z';
}

nlohmann::json readJson(const fs::path& file)
{
    std::ifstream in(file);
    return nlohmann::json::parse(in);
}

std::vector<std::string> hostileRun(const std::string& runtime, const std::string& mode, const fs::path& json)
{
    return {"--workloads-dir",
            hostileCatalog().string(),
            "run",
            "-w",
            "fib",
            "-w",
            "hostile",
            "-w",
            "fib",
            "-r",
            runtime,
            "--tiny",
            "-p",
            "mode=" + mode,
            "--order",
            "sequential",
            "--warmup",
            "1",
            "--samples",
            "3",
            "--min-sample-time",
            "1",
            "-q",
            "--json",
            json.string(),
            "--journal",
            json.string() + ".journal"};
}

struct HostileCase {
    std::string runtime;
    std::string mode;
    std::string kind;  ///< failure kind of the hostile item
    std::string message;  ///< a part of its message
};

void PrintTo(const HostileCase& c, std::ostream* out)
{
    *out << c.runtime << " " << c.mode;
}

class IsolatedDeath : public ::testing::TestWithParam<HostileCase> { };

TEST_P(IsolatedDeath, IsOneFailedResultBetweenTwoFibRuns)
{
    const HostileCase& c = GetParam();
    const fs::path json = fs::path(::testing::TempDir()) / ("isolated-" + c.runtime + "-" + c.mode + ".json");
    VersusProcess versus(hostileRun(c.runtime, c.mode, json));
    const Finished end = versus.wait();
    EXPECT_EQ(end.exitCode, 1) << "a failed result, and Versus itself survived\n" << end.err;
    const auto doc = readJson(json);
    ASSERT_EQ(doc["results"].size(), 3u) << doc.dump(1);
    EXPECT_EQ(doc["results"][0]["workload"], "fib");
    EXPECT_EQ(doc["results"][0]["status"], "ok");
    EXPECT_GT(doc["results"][0]["worker_start_ns"].get<std::int64_t>(), 0)
        << "isolated by default: outside the catalog";
    const auto& hostile = doc["results"][1];
    EXPECT_EQ(hostile["status"], "failed");
    EXPECT_EQ(hostile["failure"]["kind"], c.kind) << hostile["failure"]["message"];
    EXPECT_NE(hostile["failure"]["message"].get<std::string>().find(c.message), std::string::npos)
        << hostile["failure"]["message"];
    EXPECT_EQ(doc["results"][2]["workload"], "fib");
    EXPECT_EQ(doc["results"][2]["status"], "ok") << "the run went on with a fresh worker";
    EXPECT_EQ(doc["results"][2]["answer"], 610);
}

INSTANTIATE_TEST_SUITE_P(
    Hostile, IsolatedDeath,
    ::testing::Values(HostileCase{"python", "segfault", "crash", "killed by signal 11 (Segmentation fault)"},
                      HostileCase{"python", "raise_sigkill", "crash", "killed by signal 9 (Killed)"},
                      HostileCase{"python", "libc_exit", "crash", "exited with status 7"},
                      HostileCase{"python", "alarm", "crash", "killed by signal 14 (Alarm clock)"},
                      HostileCase{"python", "abort", "exit", "os.abort"},
                      HostileCase{"node", "abort", "exit", "process.abort"}),
    [](const auto& info) { return info.param.runtime + "_" + info.param.mode; });

TEST(Isolation, AMemoryHogFailsWithTheLimitItExceeded)
{
    const fs::path json = fs::path(::testing::TempDir()) / "isolated-memory.json";
    auto args = hostileRun("python", "heap_exhaustion", json);
    args.insert(args.end(), {"--memory-limit", "300"});
    VersusProcess versus(args);
    const Finished end = versus.wait();
    EXPECT_EQ(end.exitCode, 1) << end.err;
    const auto doc = readJson(json);
    ASSERT_EQ(doc["results"].size(), 3u);
    const auto& hostile = doc["results"][1];
    EXPECT_EQ(hostile["failure"]["kind"], "out-of-memory");
    EXPECT_NE(hostile["failure"]["message"].get<std::string>().find("memory limit of 300 MB exceeded"),
              std::string::npos)
        << hostile["failure"]["message"];
    EXPECT_EQ(doc["results"][2]["status"], "ok");
    EXPECT_EQ(doc["plan"]["options"]["worker_memory_limit_bytes"], 300 * 1024 * 1024);
}

TEST(Isolation, InProcessACrashLeavesTheEarlierResultInTheJournal)
{
    const fs::path json = fs::path(::testing::TempDir()) / "in-process-crash.json";
    const fs::path journal = json.string() + ".journal";
    auto args = hostileRun("python", "segfault", json);
    args.push_back("--no-isolate");
    VersusProcess versus(args);
    const Finished end = versus.wait();
    EXPECT_EQ(end.signal, SIGSEGV) << "in process, native code takes Versus down: what isolation is for\n" << end.err;
    EXPECT_FALSE(fs::exists(json)) << "no results file: the process died before writing it";

    const fs::path recovered = fs::path(::testing::TempDir()) / "in-process-crash.recovered.json";
    VersusProcess recover({"recover", journal.string(), "-o", recovered.string()});
    ASSERT_EQ(recover.wait().exitCode, 0);
    const auto doc = readJson(recovered);
    ASSERT_EQ(doc["results"].size(), 2u) << doc.dump(1);
    EXPECT_EQ(doc["results"][0]["workload"], "fib");
    EXPECT_EQ(doc["results"][0]["status"], "ok") << "measured before the crash, restored from the journal";
    EXPECT_EQ(doc["results"][0]["samples"].size(), 4u);
    EXPECT_EQ(doc["results"][1]["workload"], "hostile");
    EXPECT_EQ(doc["results"][1]["status"], "cancelled");
}

/// Starts a run whose job blocks in C with a child process of its own, waits until that child exists, sends
/// `signal` (twice when `twice`), and checks that Versus exits within a second with 128 + signal and that no child
/// survives.
void stopBlockedRun(bool isolated, int signal, bool twice)
{
    const fs::path json = fs::path(::testing::TempDir())
        / ("blocked-" + std::to_string(isolated) + "-" + std::to_string(signal) + "-" + std::to_string(twice)
           + ".json");
    auto args = hostileRun("python", "child_and_sleep", json);
    args.push_back(isolated ? "--isolate" : "--no-isolate");
    VersusProcess versus(args);
    std::vector<pid_t> children;
    for (int i = 0; i < 400 && children.empty(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
        children = descendantsNamed(versus.pid(), "sleep");
    }
    ASSERT_EQ(children.size(), 1u) << "the workload's child process started";
    const auto signalled = Clock::now();
    kill(versus.pid(), signal);
    if (twice) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        kill(versus.pid(), signal);
    }
    const Finished end = versus.wait(signalled);
    EXPECT_EQ(end.exitCode, 128 + signal) << end.err;
    EXPECT_LT(end.seconds, 1.0) << "stopped within a second, though the job blocks in C\n" << end.err;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // init reaps what was reparented to it
    EXPECT_FALSE(alive(children[0])) << "the workload's child did not outlive Versus";
    if (twice)
        return;  // exited at once: no results file, the journal holds the run
    const auto doc = readJson(json);
    ASSERT_EQ(doc["results"].size(), 2u) << "fib, and the stopped job marked so";
    EXPECT_EQ(doc["results"][0]["status"], "ok");
    EXPECT_EQ(doc["results"][1]["status"], "cancelled");
    if (!isolated) {
        EXPECT_NE(doc["results"][1]["failure"]["message"].get<std::string>().find("abandoned"), std::string::npos)
            << doc["results"][1]["failure"]["message"];
    }
}

TEST(Shutdown, SigtermStopsABlockedInProcessJobWithinASecond)
{
    stopBlockedRun(false, SIGTERM, false);
}

TEST(Shutdown, SigtermKillsABlockedIsolatedWorkerWithinASecond)
{
    stopBlockedRun(true, SIGTERM, false);
}

TEST(Shutdown, CtrlCStopsABlockedJobWithStatus130)
{
    stopBlockedRun(false, SIGINT, false);
}

TEST(Shutdown, ASecondCtrlCExitsAtOnce)
{
    stopBlockedRun(false, SIGINT, true);
}

}  // namespace
