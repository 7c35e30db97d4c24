// Flavours that need a module a runtime cannot import (`requires` in a manifest): unavailable with the reason on the
// embedded CPython, PyPy and the embedded Node.js, in process and isolated, and each module probed once per runtime.
#include <string>
#include <vector>

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace versus::testing
