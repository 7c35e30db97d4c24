// Flavours that need a module a runtime cannot import (`requires` in a manifest): unavailable with the reason on the
// embedded CPython, PyPy and the embedded Node.js, in process and isolated, and each module probed once per runtime.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>

#include "child_process.h"
#include "module_probe.h"
#include "run_helpers.h"

namespace versus::testing {
namespace {

struct Expectation {
    std::string runtime;
    bool isolated;
    std::string reason;  ///< what the missing flavour's failure message must hold
};

TEST(ModuleProbe, AMissingModuleMakesTheFlavourUnavailableWithTheReasonAndIsProbedOncePerRuntime)
{
    requireAvailable("pypy3");
    if (::testing::Test::IsSkipped())
        return;
    const Workload* w = fixtureCatalog().find("needs_module");
    ASSERT_NE(w, nullptr);
    const std::vector<Expectation> expectations = {
        {"python", false, "CPython 3.11"}, {"python", true, "CPython 3.11"}, {"pypy3", false, "PyPy "},
        {"node", false, "Node.js 18."},    {"node", true, "Node.js 18."},
    };
    const int probesBefore = registry().probeCount();
    for (int pass = 0; pass < 2; ++pass) {
        RunPlan plan{{}, quickOptions()};
        for (const auto& e : expectations)
            plan.items.push_back({w, e.runtime, w->tinyParams, e.isolated});
        DiscardEvents sink;
        RunScheduler scheduler(registry(), sink);
        scheduler.runBlocking(plan);
        const auto results = scheduler.results();
        ASSERT_EQ(results.size(), 2 * expectations.size());
        for (const auto& r : results) {
            SCOPED_TRACE(r.runtimeId + " " + r.flavour);
            if (r.flavour == "plain") {
                EXPECT_TRUE(r.ok()) << r.failure.message;
                EXPECT_EQ(r.answer, "45");
                continue;
            }
            EXPECT_EQ(r.failure.kind, FailureKind::RuntimeUnavailable);
            const std::string& message = r.failure.message;
            const bool javascript = r.language == "javascript";
            EXPECT_NE(message.find(javascript ? "cannot load the npm package 'versus_no_such_module' from"
                                              : "cannot import versus_no_such_module: "),
                      std::string::npos)
                << message;
            EXPECT_EQ(message.find('\n'), std::string::npos) << "one sentence, no traceback: " << message;
            EXPECT_EQ(message.find("Traceback"), std::string::npos) << message;
            EXPECT_TRUE(r.samples.empty()) << "the flavour's script must not run";
        }
        for (const auto& e : expectations) {
            bool seen = false;
            for (const auto& r : results)
                if (r.runtimeId == e.runtime && r.flavour == "missing")
                    seen = seen || r.failure.message.rfind(e.reason, 0) == 0;
            EXPECT_TRUE(seen) << e.runtime << ": the reason names the runtime (" << e.reason << "...)";
        }
        // python, pypy3 and node, each once: the isolated forms, the second pass and the second item ask the cache.
        EXPECT_EQ(registry().probeCount() - probesBefore, 3) << "pass " << pass;
    }
}

/// HOME and XDG_CACHE_HOME pointed at a fresh folder for one test, and put back after it.
class FreshHome {
public:
    FreshHome() : m_dir(std::filesystem::temp_directory_path() / ("versus-probe-home-" + std::to_string(::getpid())))
    {
        std::filesystem::remove_all(m_dir);
        std::filesystem::create_directories(m_dir);
        for (const char* name : {"HOME", "XDG_CACHE_HOME"}) {
            const char* value = std::getenv(name);
            m_saved.emplace_back(name, value ? std::optional<std::string>(value) : std::nullopt);
        }
        setenv("HOME", m_dir.c_str(), 1);
        setenv("XDG_CACHE_HOME", (m_dir / "cache").c_str(), 1);
    }
    ~FreshHome()
    {
        for (const auto& [name, value] : m_saved)
            value ? setenv(name.c_str(), value->c_str(), 1) : unsetenv(name.c_str());
        std::filesystem::remove_all(m_dir);
    }
    const std::filesystem::path& dir() const { return m_dir; }

private:
    std::filesystem::path m_dir;
    std::vector<std::pair<std::string, std::optional<std::string>>> m_saved;
};

int linesIn(const std::filesystem::path& file)
{
    std::ifstream in(file);
    int lines = 0;
    for (std::string line; std::getline(in, line);)
        ++lines;
    return lines;
}

TEST(ModuleProbe, AnAnswerIsKeptOnDiskUntilAFolderThePythonImportsFromChanges)
{
    const FreshHome home;
    // A python3 that counts how often it is started.
    const std::filesystem::path python = home.dir() / "python3-counted";
    const std::filesystem::path starts = home.dir() / "starts.log";
    std::ofstream(python) << "#!/bin/sh\necho started >> '" << starts.string() << "'\nexec /usr/bin/python3 \"$@\"\n";
    std::filesystem::permissions(python, std::filesystem::perms::owner_all);
    const RuntimeInfo info{"counted", "CPython (process)", "python", "3", "", false, ""};
    const std::string module = "versus_probe_cache_module";

    const auto probe = [&] { return moduleProbe(info, python.string())(module, home.dir()); };
    EXPECT_FALSE(probe());
    EXPECT_EQ(linesIn(starts), 1);
    const Expected<void> remembered = probe();
    ASSERT_FALSE(remembered);
    EXPECT_EQ(linesIn(starts), 1) << "the second question is answered from the cache";
    EXPECT_NE(remembered.error().find("cannot import " + module), std::string::npos) << remembered.error();

    // `pip install --user` creates the user's site-packages: the kept answer no longer holds.
    const std::string userSite = [&] {
        ChildSpec spec;
        spec.argv = {"/usr/bin/python3", "-c", "import site; print(site.getusersitepackages())"};
        spec.throughHelper = false;
        const ChildOutcome outcome = runChild(spec, {});
        return outcome.stdoutTail.substr(0, outcome.stdoutTail.find('\n'));
    }();
    ASSERT_EQ(userSite.rfind(home.dir().string(), 0), 0u) << userSite;
    std::filesystem::create_directories(userSite);
    std::ofstream(std::filesystem::path(userSite) / (module + ".py")) << "answer = 42\n";
    EXPECT_TRUE(probe());
    EXPECT_EQ(linesIn(starts), 2);
    EXPECT_TRUE(probe());
    EXPECT_EQ(linesIn(starts), 2);

    // Uninstalling changes the folder again.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // a coarse file-system clock
    std::filesystem::remove(std::filesystem::path(userSite) / (module + ".py"));
    EXPECT_FALSE(probe());
    EXPECT_EQ(linesIn(starts), 3);
}

}  // namespace
}  // namespace versus::testing
