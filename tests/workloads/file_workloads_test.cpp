// The file workloads leave nothing behind: no file, folder, open descriptor or mapping, whether the run succeeds,
// is refused for lack of disk space, times out or is cancelled. TMPDIR points at a folder of this test alone, so
// "nothing left" means that folder is empty.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <optional>

#include <sys/statvfs.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "event_queue.h"
#include "run_helpers.h"
#include "run_scheduler.h"

namespace versus::workload_tests {

using namespace versus::testing;

namespace {

namespace fs = std::filesystem;

/// One implementation of a file workload, alone in a copy of its manifest (so that a plan runs it and nothing
/// else), on the runtime of its language.
struct Item {
    std::string name;  ///< "file_random mmap on python"
    std::string runtime;
    Catalog catalog;
    const Workload& workload() const { return catalog.workloads().front(); }
};

/// Every implementation of the file workloads, each in a catalog of its own under `root`. Size limits are dropped
/// from the copies so a test can ask for more than the disk holds; the scripts are copies of the real ones.
std::vector<Item> fileItems(const fs::path& root)
{
    std::vector<Item> items;
    for (const auto& w : mainCatalog().workloads()) {
        if (w.category != "file")
            continue;
        const auto manifest = nlohmann::json::parse(std::ifstream(w.directory / "manifest.json"));
        for (const auto& impl : manifest["implementations"]) {
            auto copy = manifest;
            copy["implementations"] = nlohmann::json::array({impl});
            for (auto& parameter : copy["parameters"])
                parameter.erase("max");
            const std::string language = impl["language"].get<std::string>();
            const std::string flavour = impl.value("flavour", "plain");
            const fs::path folder = root / (w.id + "-" + flavour + "-" + language) / w.id;
            fs::create_directories(folder);
            // The real scripts and the catalog's shared _lib, copied: a manifest may only run scripts inside its own folder.
            for (const auto& entry : fs::directory_iterator(w.directory))
                if (entry.is_regular_file() && entry.path().filename() != "manifest.json")
                    fs::copy_file(entry.path(), folder / entry.path().filename());
            fs::copy(w.directory.parent_path() / "_lib", folder.parent_path() / "_lib", fs::copy_options::recursive);
            std::ofstream(folder / "manifest.json") << copy.dump();
            Catalog single = Catalog::load(folder.parent_path());
            EXPECT_TRUE(single.errors().empty()) << single.errors().front().toString();
            items.push_back({w.id + " " + flavour + " on " + language, language == "python" ? "python" : "node",
                             std::move(single)});
        }
    }
    return items;
}

class FileWorkloads : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        std::string pattern = (fs::temp_directory_path() / "versus-file-test-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        s_root = pattern;
        fs::create_directory(s_root / "tmp");
        if (const char* previous = std::getenv("TMPDIR"))
            s_previousTmpdir = previous;
        setenv("TMPDIR", (s_root / "tmp").c_str(), 1);  // job folders are made here until the suite ends
    }
    static void TearDownTestSuite()
    {
        if (s_previousTmpdir)
            setenv("TMPDIR", s_previousTmpdir->c_str(), 1);
        else
            unsetenv("TMPDIR");
        fs::remove_all(s_root);
    }

    static fs::path tmp() { return s_root / "tmp"; }

    static const std::vector<Item>& items()
    {
        static const std::vector<Item> made = fileItems(s_root / "catalogs");
        return made;
    }

    /// Runs an item; `cancelAfterFirstSample` cancels it once it is measuring (its file exists, run() is busy).
    static Result runItem(const Item& item, ParamValues params, HarnessOptions options,
                          bool cancelAfterFirstSample = false)
    {
        EventQueue queue(1 << 16);
        RunScheduler scheduler(registry(), queue);
        scheduler.start({{{&item.workload(), item.runtime, std::move(params)}}, options});
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        bool done = false;
        while (!done && std::chrono::steady_clock::now() < deadline)
            for (const Event& event : queue.take(256, std::chrono::milliseconds(50))) {
                if (std::holds_alternative<PlanDoneEvent>(event))
                    done = true;
                else if (cancelAfterFirstSample && std::holds_alternative<SampleEvent>(event))
                    scheduler.cancel();
            }
        scheduler.wait();
        const auto results = scheduler.results();
        if (results.size() != 1) {
            ADD_FAILURE() << item.name << " gave " << results.size() << " results";
            return {};
        }
        return results.front();
    }

    /// The temp folder is empty and this process holds no descriptor or mapping of anything that was in it.
    static void expectNothingLeft()
    {
        for (const auto& entry : fs::recursive_directory_iterator(tmp()))
            ADD_FAILURE() << "left behind: " << entry.path();
        const std::string prefix = tmp().string();
        for (const auto& fd : fs::directory_iterator("/proc/self/fd")) {
            std::error_code ec;
            const std::string target = fs::read_symlink(fd.path(), ec).string();
            EXPECT_NE(target.rfind(prefix, 0), 0u)
                << "descriptor " << fd.path().filename() << " still open on " << target;
        }
        std::ifstream maps("/proc/self/maps");
        for (std::string line; std::getline(maps, line);)
            EXPECT_EQ(line.find(prefix), std::string::npos) << "still mapped: " << line;
    }

    static fs::path s_root;
    static std::optional<std::string> s_previousTmpdir;
};

fs::path FileWorkloads::s_root;
std::optional<std::string> FileWorkloads::s_previousTmpdir;

TEST_F(FileWorkloads, NormalRunsLeaveNothing)
{
    ASSERT_GE(items().size(), 5u);  // file_stream: python, node; file_random: python, mmap, node
    for (const auto& item : items()) {
        SCOPED_TRACE(item.name);
        const Result r = runItem(item, item.workload().tinyParams, quickOptionsWithoutWarmup());
        EXPECT_TRUE(r.ok()) << r.failure.message;
        expectNothingLeft();
    }
}

TEST_F(FileWorkloads, TooLittleDiskSpaceIsRefusedBeforeWritingAndLeavesNothing)
{
    struct statvfs disk { };
    ASSERT_EQ(statvfs(tmp().c_str(), &disk), 0);
    const auto twiceTheFreeMb = static_cast<std::int64_t>(disk.f_bavail * disk.f_frsize / (1 << 20)) * 2 + 1;
    for (const auto& item : items()) {
        SCOPED_TRACE(item.name);
        const std::string size = item.workload().id == "file_stream" ? "size_mb" : "file_mb";
        const Result r = runItem(item, {{size, twiceTheFreeMb}}, quickOptionsWithoutWarmup());
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.failure.kind, FailureKind::ScriptError);
        EXPECT_NE(r.failure.message.find("MB are free"), std::string::npos) << r.failure.message;
        EXPECT_NE(r.failure.message.find("lower '" + size + "'"), std::string::npos) << r.failure.message;
        expectNothingLeft();
    }
}

TEST_F(FileWorkloads, TimedOutRunsLeaveNothing)
{
    HarnessOptions options;  // default sampling at default parameters takes seconds
    options.timeoutS = 0.3;
    for (const auto& item : items()) {
        SCOPED_TRACE(item.name);
        const Result r = runItem(item, {}, options);
        EXPECT_EQ(r.failure.kind, FailureKind::Timeout) << r.failure.message;
        expectNothingLeft();
    }
}

TEST_F(FileWorkloads, CancelledRunsLeaveNothing)
{
    for (const auto& item : items()) {
        SCOPED_TRACE(item.name);
        const Result r = runItem(item, {}, HarnessOptions{}, /*cancelAfterFirstSample=*/true);
        EXPECT_EQ(r.status, ResultStatus::Cancelled) << r.failure.message;
        expectNothingLeft();
    }
}

}  // namespace
}  // namespace versus::workload_tests
