// The database workloads' PostgreSQL cluster: it starts, serves, and is gone (folder deleted, port free, no postgres
// process left) after a normal, a failed and a cancelled run; every client (psycopg2, SQLAlchemy ORM and Core, pg,
// Prisma) answers the checksum the manifest expects of the seeded data; a missing server is reported as unavailable
// with the command that installs it. Skipped only when the PostgreSQL 15 programs are not installed.
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "database/postgres_cluster.h"
#include "run_helpers.h"

using namespace versus;
using namespace versus::testing;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

/// The cluster folders of this process (their versus.pid names it): ctest runs other test processes with clusters of
/// their own at the same time.
std::set<fs::path> clusterFolders()
{
    std::set<fs::path> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(fs::temp_directory_path(), ec)) {
        if (entry.path().filename().string().rfind("versus-pg-", 0) != 0)
            continue;
        std::ifstream owner(entry.path() / "versus.pid");
        pid_t pid = 0;
        if (owner >> pid && pid == getpid())
            out.insert(entry.path());
    }
    return out;
}

/// What a running cluster is made of, read from its folder: the server's pid (its process group too) and port.
struct ClusterFacts {
    fs::path folder;
    pid_t server = 0;
    int port = 0;
};

std::optional<ClusterFacts> readFacts(const fs::path& folder)
{
    std::ifstream in(folder / "data" / "postmaster.pid");
    ClusterFacts facts{folder};
    std::string dataDir, started, line;
    if (!(in >> facts.server))
        return std::nullopt;
    in >> dataDir >> started >> facts.port;
    return facts.port > 0 ? std::optional(facts) : std::nullopt;
}

bool processGroupAlive(pid_t group)
{
    return kill(-group, 0) == 0 || errno != ESRCH;
}

/// Whether a listening socket can be bound to 127.0.0.1:port now (SO_REUSEADDR: connections in TIME_WAIT do not count).
bool portFree(int port)
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    const int on = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool free = bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 && listen(fd, 1) == 0;
    close(fd);
    return free;
}

bool acceptsConnections(int port)
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    close(fd);
    return ok;
}

/// Records the run's cluster when the first job starts (it must already accept connections), and counts samples.
class ClusterWatch final : public EventSink {
public:
    explicit ClusterWatch(std::set<fs::path> before) : m_before(std::move(before)) { }

    void post(Event event) override
    {
        // The cluster runs before the first job starts: a job that fails at once still sees it.
        if (!std::holds_alternative<SampleEvent>(event) && !std::holds_alternative<StartedEvent>(event))
            return;
        m_samples += std::holds_alternative<SampleEvent>(event) ? 1 : 0;
        std::lock_guard lock(m_mutex);
        if (m_facts)
            return;
        for (const fs::path& folder : clusterFolders())
            if (!m_before.count(folder))
                if (auto facts = readFacts(folder)) {
                    m_facts = facts;
                    m_served = acceptsConnections(facts->port) && processGroupAlive(facts->server);
                }
    }

    std::optional<ClusterFacts> facts() const
    {
        std::lock_guard lock(m_mutex);
        return m_facts;
    }
    bool served() const
    {
        std::lock_guard lock(m_mutex);
        return m_served;
    }
    int samples() const { return m_samples.load(); }

private:
    std::set<fs::path> m_before;
    mutable std::mutex m_mutex;
    std::optional<ClusterFacts> m_facts;
    bool m_served = false;
    std::atomic<int> m_samples{0};
};

class Database : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (const auto server = PostgresCluster::available(); !server)
            GTEST_SKIP() << "PostgreSQL 15 is not installed here (packaging/install-deps installs it): "
                         << server.error();
    }

    /// The cluster served while the run went, and nothing of it is left: folder, port, processes.
    static void expectGone(const ClusterWatch& watch, const std::set<fs::path>& before)
    {
        const auto facts = watch.facts();
        ASSERT_TRUE(facts) << "no cluster was seen while the run went";
        EXPECT_TRUE(watch.served()) << "the cluster did not accept connections on 127.0.0.1:" << facts->port;
        EXPECT_FALSE(fs::exists(facts->folder)) << facts->folder << " was left behind";
        EXPECT_EQ(clusterFolders(), before) << "a cluster folder was left behind";
        EXPECT_FALSE(processGroupAlive(facts->server)) << "a postgres process of the cluster is still running";
        EXPECT_TRUE(portFree(facts->port)) << "port " << facts->port << " is still taken";
    }
};

TEST_F(Database, ClusterStartsServesAndIsGoneAfterANormalRun)
{
    const auto before = clusterFolders();
    ClusterWatch watch(before);
    RunScheduler scheduler(registry(), watch);
    const ParamValues tiny = mainCatalog().find("db_point")->tinyParams;
    scheduler.runBlocking({{{mainCatalog().find("db_point"), "python", tiny}}, quickOptionsWithoutWarmup()});
    const auto results = scheduler.results();
    ASSERT_FALSE(results.empty());
    for (const Result& r : results) {
        EXPECT_TRUE(r.ok()) << r.flavour << ": " << r.failure.message;
        if (r.ok()) {
            EXPECT_GE(r.reported.at("db_statements_per_query"), 1.0) << r.flavour;
            EXPECT_GT(r.reported.at("db_time_us_per_query"), 0.0) << r.flavour;
            EXPECT_GT(r.reported.at("cluster_start_ms"), 0.0);
        }
    }
    expectGone(watch, before);
}

TEST_F(Database, ClusterIsGoneAfterAFailedRun)
{
    const auto before = clusterFolders();
    ClusterWatch watch(before);
    RunScheduler scheduler(registry(), watch);
    scheduler.runBlocking({{{fixtureCatalog().find("db_fails"), "python", {}}}, quickOptionsWithoutWarmup()});
    const auto results = scheduler.results();
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].failure.kind, FailureKind::ScriptError) << results[0].failure.message;
    EXPECT_NE(results[0].failure.message.find("deliberate failure"), std::string::npos) << results[0].failure.message;
    expectGone(watch, before);
}

TEST_F(Database, ClusterIsGoneAfterACancelledRun)
{
    const auto before = clusterFolders();
    ClusterWatch watch(before);
    RunScheduler scheduler(registry(), watch);
    HarnessOptions options = quickOptionsWithoutWarmup();
    options.samples = 1000;
    scheduler.start({{{mainCatalog().find("db_point"), "node", {{"queries", std::int64_t(50)}}}}, options});
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    while (watch.samples() < 2 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(10ms);
    ASSERT_GE(watch.samples(), 2) << "the run never took a sample";
    scheduler.cancel();
    scheduler.wait();
    const auto results = scheduler.results();
    ASSERT_FALSE(results.empty());
    EXPECT_EQ(results[0].status, ResultStatus::Cancelled) << results[0].failure.message;
    expectGone(watch, before);
}

/// Every client of every database workload answers the checksum the manifest expects (the seeded data is the same
/// in every cluster); Prisma where the Node.js is new enough, and unavailable (saying why) on the embedded Node 18.
TEST_F(Database, EveryClientAnswersTheBareDriversChecksum)
{
    std::vector<PlanItem> items;
    for (const char* id : {"db_point", "db_join", "db_insert"}) {
        const Workload* w = mainCatalog().find(id);
        ASSERT_NE(w, nullptr) << id;
        ParamValues params = w->tinyParams;
        params["pool"] = std::int64_t(2);
        for (const char* runtime : {"python", "node", "node-process"})
            items.push_back({w, runtime, params});
    }
    EventQueue queue(1 << 16);
    RunScheduler scheduler(registry(), queue);
    scheduler.runBlocking({items, quickOptionsWithoutWarmup()});
    const RuntimeDescriptor* process = registry().descriptor("node-process");
    int prismaOk = 0;
    int checked = 0;
    for (const Result& r : scheduler.results()) {
        SCOPED_TRACE(r.workloadId + " " + r.runtimeId + "/" + r.flavour);
        if (r.runtimeId == "node-process" && !(process && process->available()))
            continue;
        if (r.flavour == "prisma" && r.runtimeId == "node") {
            EXPECT_EQ(r.failure.kind, FailureKind::RuntimeUnavailable) << r.failure.message;
            EXPECT_NE(r.failure.message.find("Node.js 20.19"), std::string::npos) << r.failure.message;
            continue;
        }
        if (r.flavour == "prisma" && r.failure.kind == FailureKind::RuntimeUnavailable
            && r.failure.message.find("Node.js 20.19") != std::string::npos)
            continue;  // an external Node.js older than 20.19
        ASSERT_TRUE(r.ok()) << r.failure.message;
        EXPECT_EQ(r.answer, r.expectedAnswer) << "checked against the manifest's checksum";
        EXPECT_FALSE(r.expectedAnswer.empty());
        prismaOk += r.flavour == "prisma" ? 1 : 0;
        ++checked;
    }
    EXPECT_GE(checked, 3 * 4) << "psycopg2, SQLAlchemy ORM and Core, pg on each of the three workloads";
    if (process && process->available()) {
        EXPECT_EQ(prismaOk, 3) << "Prisma on node-process (" << process->info.version << ")";
    }
}

TEST_F(Database, AMissingServerIsUnavailableWithTheInstallCommand)
{
    const auto before = clusterFolders();
    setenv("VERSUS_POSTGRES_BIN", "/nonexistent/postgresql/15/bin", 1);
    EventQueue queue(1 << 16);
    RunScheduler scheduler(registry(), queue);
    scheduler.runBlocking({{{mainCatalog().find("db_point"), "python", mainCatalog().find("db_point")->tinyParams}},
                           quickOptionsWithoutWarmup()});
    unsetenv("VERSUS_POSTGRES_BIN");
    const auto results = scheduler.results();
    ASSERT_FALSE(results.empty());
    for (const Result& r : results) {
        EXPECT_EQ(r.failure.kind, FailureKind::RuntimeUnavailable) << r.flavour;
        EXPECT_NE(r.failure.message.find("apt install postgresql-15"), std::string::npos) << r.failure.message;
    }
    EXPECT_EQ(clusterFolders(), before);
}

}  // namespace
