// The http workload's servers (issue 14): each one starts in each runtime of its language, embedded and as a
// process, answers GET /json with the document, is measured by real wrk slices, and is gone afterwards (nothing
// listens on its port, no wrk is left), also after a cancelled run and after a server that throws on start.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <optional>
#include <regex>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "event_queue.h"
#include "run_helpers.h"
#include "run_scheduler.h"

namespace versus::workload_tests {

using namespace versus::testing;

namespace {

namespace fs = std::filesystem;

struct Outcome {
    std::vector<Result> results;
    std::vector<int> ports;  ///< from each server's "versus-http: listening on 127.0.0.1:PORT" line, in order
};

/// Runs `workload` on `runtime` (every flavour of its language), collecting the ports the servers print;
/// `cancelAfterFirstSample` cancels the run when the first slice has been measured (wrk and the server are busy).
Outcome runHttp(const Workload& workload, const std::string& runtime, HarnessOptions options,
                bool cancelAfterFirstSample = false)
{
    Outcome outcome;
    EventQueue queue(1 << 16);
    RunScheduler scheduler(registry(), queue);
    scheduler.start({{{&workload, runtime, workload.tinyParams}}, options});
    const std::regex listening(R"(versus-http: listening on 127\.0\.0\.1:(\d+))");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    bool done = false;
    while (!done && std::chrono::steady_clock::now() < deadline)
        for (const Event& event : queue.take(256, std::chrono::milliseconds(50))) {
            if (std::holds_alternative<PlanDoneEvent>(event)) {
                done = true;
            } else if (const auto* output = std::get_if<OutputEvent>(&event)) {
                std::smatch m;
                if (std::regex_search(output->text, m, listening))
                    outcome.ports.push_back(std::stoi(m[1]));
            } else if (cancelAfterFirstSample && std::holds_alternative<SampleEvent>(event)) {
                scheduler.cancel();
            }
        }
    scheduler.wait();
    outcome.results = scheduler.results();
    return outcome;
}

/// Nothing accepts connections on the port and a new listener can bind it (SO_REUSEADDR, as servers do: the
/// closed connections' TIME_WAIT entries may remain).
void expectPortFree(int port)
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const int client = socket(AF_INET, SOCK_STREAM, 0);
    EXPECT_NE(connect(client, reinterpret_cast<sockaddr*>(&address), sizeof address), 0)
        << "something still accepts connections on port " << port;
    close(client);
    const int listener = socket(AF_INET, SOCK_STREAM, 0);
    const int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    EXPECT_EQ(bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0)
        << "port " << port << " cannot be bound again";
    close(listener);
}

/// No wrk process anywhere on the machine is aimed at this port.
void expectNoWrkFor(int port)
{
    const std::string target = "127.0.0.1:" + std::to_string(port) + "/json";
    for (const auto& entry : fs::directory_iterator("/proc")) {
        std::ifstream cmdline(entry.path() / "cmdline");
        std::string text((std::istreambuf_iterator<char>(cmdline)), {});
        if (text.find("wrk") != std::string::npos && text.find(target) != std::string::npos)
            ADD_FAILURE() << "a wrk process is left: pid " << entry.path().filename();
    }
}

const std::vector<std::string>& runtimesOf(const std::string& language)
{
    static const std::vector<std::string> python{"python", "python3"};
    static const std::vector<std::string> node{"node", "node18-process"};
    return language == "python" ? python : node;
}

const Workload& httpWorkload()
{
    const Workload* w = mainCatalog().find("http");
    if (!w)
        throw std::runtime_error("no http workload in the catalog");
    return *w;
}

/// One slice untimed (the harness's probe call), then one measured slice.
HarnessOptions oneSlice()
{
    HarnessOptions o = quickOptionsWithoutWarmup();
    o.samples = 1;
    return o;
}

TEST(HttpWorkload, EveryServerAnswersIsMeasuredAndFreesItsPort)
{
    const Workload& w = httpWorkload();
    const std::string expected = *w.expectedAnswerFor(w.tinyParams);
    for (const std::string language : {"javascript", "python"})
        for (const std::string& runtime : runtimesOf(language)) {
            if (!registry().descriptor(runtime) || !registry().descriptor(runtime)->available())
                continue;
            SCOPED_TRACE(runtime);
            const Outcome outcome = runHttp(w, runtime, oneSlice());
            ASSERT_EQ(outcome.results.size(), w.implementationsFor(language).size());
            ASSERT_EQ(outcome.ports.size(), outcome.results.size()) << "each server prints its port once";
            for (size_t i = 0; i < outcome.results.size(); ++i) {
                const Result& r = outcome.results[i];
                SCOPED_TRACE(r.seriesName());
                ASSERT_TRUE(r.ok()) << r.failure.message;
                EXPECT_EQ(canonicalAnswer(r.answer), canonicalAnswer(expected));
                ASSERT_EQ(r.samples.size(), 1u);
                EXPECT_GT(r.samples[0].innerLoops, 0) << "requests served in the slice";
                EXPECT_GT(r.samples[0].elapsedNs, 500'000'000) << "a slice of 1 s";
                EXPECT_GT(r.reported.at("wrk_requests_per_s"), 0);
                EXPECT_LE(r.reported.at("latency_p50_us"), r.reported.at("latency_p90_us"));
                EXPECT_LE(r.reported.at("latency_p90_us"), r.reported.at("latency_p99_us"));
                EXPECT_LE(r.reported.at("latency_p99_us"), r.reported.at("latency_max_us"));
                EXPECT_GT(r.reported.at("latency_p50_us"), 0);
                EXPECT_EQ(r.reported.at("non_2xx_responses"), 0);
                EXPECT_EQ(r.reported.at("port"), outcome.ports[i]);
                expectPortFree(outcome.ports[i]);
                expectNoWrkFor(outcome.ports[i]);
            }
        }
}

TEST(HttpWorkload, CancelledRunStopsWrkAndTheServer)
{
    const Workload& w = httpWorkload();
    HarnessOptions options = quickOptionsWithoutWarmup();
    options.samples = 20;
    for (const std::string runtime : {"node", "python", "python3", "node18-process"}) {
        if (!registry().descriptor(runtime) || !registry().descriptor(runtime)->available())
            continue;
        SCOPED_TRACE(runtime);
        const auto started = std::chrono::steady_clock::now();
        const Outcome outcome = runHttp(w, runtime, options, /*cancelAfterFirstSample=*/true);
        EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(15))
            << "cancel stops the run, not 20 slices later";
        ASSERT_FALSE(outcome.results.empty());
        EXPECT_EQ(outcome.results.front().status, ResultStatus::Cancelled) << outcome.results.front().failure.message;
        ASSERT_FALSE(outcome.ports.empty());
        for (int port : outcome.ports) {
            expectPortFree(port);
            expectNoWrkFor(port);
        }
    }
}

TEST(HttpWorkload, ServerThatThrowsOnStartFailsWithItsErrorAndFreesThePort)
{
    const Workload* w = fixtureCatalog().find("http_throws");
    ASSERT_NE(w, nullptr);
    for (const std::string runtime : {"node", "python", "python3", "node18-process"}) {
        if (!registry().descriptor(runtime) || !registry().descriptor(runtime)->available())
            continue;
        SCOPED_TRACE(runtime);
        const Outcome outcome = runHttp(*w, runtime, oneSlice());
        ASSERT_EQ(outcome.results.size(), 1u);
        const Result& r = outcome.results.front();
        EXPECT_FALSE(r.ok());
        EXPECT_EQ(r.failure.kind, FailureKind::ScriptError);
        EXPECT_NE(r.failure.message.find("the server failed while starting"), std::string::npos) << r.failure.message;
        ASSERT_EQ(outcome.ports.size(), 1u);
        expectPortFree(outcome.ports.front());
    }
}

}  // namespace
}  // namespace versus::workload_tests
