// Every workload of the catalog, on every runtime that implements it, with tiny parameters: all succeed and give
// the same answer. A workload is covered by adding its folder.
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include <unistd.h>

#include "run_helpers.h"
#include "run_scheduler.h"

namespace versus::workload_tests {

using namespace versus::testing;

namespace {

std::vector<std::string> workloadIds()
{
    std::vector<std::string> ids;
    for (const auto& w : mainCatalog().workloads())
        ids.push_back(w.id);
    return ids;
}

class EveryRuntime : public ::testing::TestWithParam<std::string> { };

TEST_P(EveryRuntime, TinyRunsSucceedAndAnswersAgree)
{
    const Workload* workload = mainCatalog().find(GetParam());
    ASSERT_NE(workload, nullptr);
    RunPlan plan;
    plan.options = quickOptionsWithoutWarmup();
    std::set<std::string> languages;
    // The in-process runtimes; external interpreters have their own tests (tests/runtimes/external).
    for (const auto& descriptor : registry().descriptors())
        if ((descriptor.info.embedded || descriptor.info.id == "native")
            && !workload->implementationsFor(descriptor.info.language).empty()) {
            plan.items.push_back({workload, descriptor.info.id, workload->tinyParams});
            languages.insert(descriptor.info.language);
        }
    ASSERT_GE(languages.size(), 2u) << workload->id << " must be implemented in at least two languages";

    DiscardEvents events;
    RunScheduler scheduler(registry(), events);
    scheduler.runBlocking(plan);
    const auto results = scheduler.results();

    EXPECT_EQ(results.size(), workload->implementations.size()) << "one result per implementation and flavour";
    for (const auto& result : results) {
        SCOPED_TRACE(result.seriesName());
        // Prisma 7 needs Node.js 20.19 or later (tested on node-process in tests/integration/database_test.cpp): on
        // the embedded Node.js 18 its flavour must say so, as unavailable, and nothing else may fail.
        if (result.flavour == "prisma" && result.runtimeId == "node") {
            EXPECT_EQ(result.failure.kind, FailureKind::RuntimeUnavailable) << result.failure.message;
            EXPECT_NE(result.failure.message.find("Node.js 20.19"), std::string::npos) << result.failure.message;
            continue;
        }
        EXPECT_TRUE(result.ok()) << failureKindName(result.failure.kind) << ": " << result.failure.message << " ["
                                 << result.failure.file << ":" << result.failure.line << "]";
        EXPECT_EQ(canonicalAnswer(result.answer), canonicalAnswer(results.front().answer));
        if (workload->metric.kind == MetricSpec::Kind::Reported) {
            auto reported = result.reported.find(workload->metric.reportedName);
            ASSERT_NE(reported, result.reported.end()) << "no '" << workload->metric.reportedName << "' reported";
            EXPECT_GT(reported->second, 0);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Catalog, EveryRuntime, ::testing::ValuesIn(workloadIds()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

// A flavour that needs a module the interpreter lacks (numpy, ujson on a machine without them) fails with a message
// that names the module and says how to install it.
TEST(MissingModule, FailsNamingTheModuleAndTheFix)
{
    std::string pattern = (std::filesystem::temp_directory_path() / "versus-module-test-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    const std::filesystem::path dir = pattern;
    std::filesystem::create_directories(dir / "needs_module");
    std::ofstream(dir / "needs_module" / "manifest.json") << R"({"schema_version": 1, "id": "needs_module",
        "title": "T", "category": "test", "description": "D.", "implementations": [
        {"language": "python", "file": "w.py", "flavour": "fast", "requires": ["versus_absent_module"]}]})";
    std::ofstream(dir / "needs_module" / "w.py")
        << "import versus_absent_module.core\n\n\ndef run(params):\n    return 1\n";
    const Catalog catalog = Catalog::load(dir);
    ASSERT_TRUE(catalog.errors().empty()) << catalog.errors().front().toString();

    DiscardEvents events;
    RunScheduler scheduler(registry(), events);
    scheduler.runBlocking({{{&catalog.workloads().front(), "python", {}}}, quickOptionsWithoutWarmup()});
    std::filesystem::remove_all(dir);

    const auto results = scheduler.results();
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results.front().failure.kind, FailureKind::RuntimeUnavailable);
    const std::string& message = results.front().failure.message;
    EXPECT_NE(message.find("cannot import versus_absent_module"), std::string::npos) << message;
    EXPECT_NE(message.find("apt install python3-versus-absent-module"), std::string::npos) << message;
}

}  // namespace
}  // namespace versus::workload_tests
