// initdb, the server as a child of Versus in its own process group, the seed through psql, and the cleanup.
// The server is started directly, not through pg_ctl: pg_ctl starts it in a new session whose parent is init, so it
// would outlive a Versus that is killed. As Versus's child it is one of Versus's descendants (killed with them at
// the end of a run) and gets SIGQUIT (immediate shutdown) when the thread that started it ends (PR_SET_PDEATHSIG).
#include "postgres_cluster.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cctype>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

namespace versus {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFolderPrefix = "versus-pg-";
constexpr const char* kOwnerFile = "versus.pid";

using Clock = std::chrono::steady_clock;

/// The clusters of this process: their server's pid (-1 before it runs) and folder, for killEveryCluster().
std::mutex g_liveMutex;
std::map<const PostgresCluster*, std::pair<pid_t, fs::path>> g_live;

void setLive(const PostgresCluster* cluster, pid_t server, const fs::path& dir)
{
    std::lock_guard lock(g_liveMutex);
    if (dir.empty())
        g_live.erase(cluster);
    else
        g_live[cluster] = {server, dir};
}

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// The unprivileged account the cluster runs as when Versus runs as root.
struct RunAs {
    uid_t uid = 0;
    gid_t gid = 0;
};

/// Field 22 of /proc/PID/stat (start time in clock ticks): with the pid, it names one process for its whole life.
std::string processStartTime(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    std::getline(in, text);
    const auto close = text.rfind(')');
    if (close == std::string::npos)
        return {};
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    for (int i = 3; i <= 22 && fields >> field; ++i) {
    }
    return field;
}

std::string lastLines(const fs::path& file, int lines)
{
    std::ifstream in(file);
    std::vector<std::string> all;
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            all.push_back(line);
    std::string out;
    for (std::size_t i = all.size() > static_cast<std::size_t>(lines) ? all.size() - lines : 0; i < all.size(); ++i)
        out += (out.empty() ? "" : " | ") + all[i];
    return out;
}

/// Starts `argv` with stdout and stderr appended to `logFile`, stdin from /dev/null, in a process group of its own
/// (a Ctrl-C on the terminal reaches Versus, which stops the cluster itself), no descriptor of Versus inherited, a
/// clean environment, in `workDir`, as `user` when given. `deathSignal` != 0: sent to it when the calling thread
/// ends. Returns the pid, or -1 with errno.
pid_t spawn(const std::vector<std::string>& argv, const fs::path& logFile, const fs::path& workDir, const RunAs* user,
            int deathSignal)
{
    // Everything the child needs is prepared before fork(): after it, only async-signal-safe calls.
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    char path[] = "PATH=/usr/bin:/bin";
    char locale[] = "LC_ALL=C";
    char* env[] = {path, locale, nullptr};
    const int log = open(logFile.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (log < 0)
        return -1;
    if (user && fchown(log, user->uid, user->gid) != 0) {
        close(log);
        return -1;
    }
    const int devNull = open("/dev/null", O_RDONLY | O_CLOEXEC);
    const std::string dir = workDir.string();
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        if (devNull >= 0)
            dup2(devNull, 0);
        dup2(log, 1);
        dup2(log, 2);
        if (syscall(SYS_close_range, 3U, ~0U, 0U) != 0)
            for (int fd = 3; fd < 1024; ++fd)
                close(fd);
        if (user && (setgroups(0, nullptr) != 0 || setgid(user->gid) != 0 || setuid(user->uid) != 0))
            _exit(126);
        // After setuid: a change of credentials clears the parent-death signal.
        if (deathSignal != 0 && (prctl(PR_SET_PDEATHSIG, deathSignal) != 0 || getppid() != parent))
            _exit(126);
        if (chdir(dir.c_str()) != 0)
            _exit(126);
        execve(args[0], args.data(), env);
        _exit(127);
    }
    const int forkErrno = errno;
    close(log);
    if (devNull >= 0)
        close(devNull);
    errno = forkErrno;
    return pid;
}

/// Waits for `pid` to end, at most `timeoutS`; polls `cancelled`. The exit status, or nullopt when it is still
/// running (timed out or cancelled).
std::optional<int> waitFor(pid_t pid, double timeoutS, const std::atomic<bool>* cancelled)
{
    const auto deadline = Clock::now() + std::chrono::duration<double>(timeoutS);
    for (;;) {
        int status = 0;
        const pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid)
            return status;
        if (done < 0)
            return -1;
        if (Clock::now() >= deadline || (cancelled && cancelled->load()))
            return std::nullopt;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

std::string describeStatus(int status)
{
    if (WIFEXITED(status))
        return "exited with status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return std::string("was killed by signal ") + strsignal(WTERMSIG(status));
    return "ended";
}

/// Runs a program of the server's to its end (initdb, psql, postgres -V); the error holds its log's last lines.
Expected<void> runToEnd(const std::vector<std::string>& argv, const fs::path& logFile, const fs::path& workDir,
                        const RunAs* user, double timeoutS, const std::atomic<bool>* cancelled)
{
    const std::string name = fs::path(argv.front()).filename().string();
    const pid_t pid = spawn(argv, logFile, workDir, user, SIGKILL);
    if (pid < 0)
        return Error{"could not start " + argv.front() + ": " + std::strerror(errno)};
    const auto status = waitFor(pid, timeoutS, cancelled);
    if (!status) {
        kill(-pid, SIGKILL);
        waitpid(pid, nullptr, 0);
        if (cancelled && cancelled->load())
            return Error{"cancelled while " + name + " ran"};
        return Error{name + " did not finish within " + std::to_string(static_cast<int>(timeoutS)) + " s"};
    }
    if (!WIFEXITED(*status) || WEXITSTATUS(*status) != 0)
        return Error{name + " " + describeStatus(*status) + ": " + lastLines(logFile, 6)};
    return {};
}

/// A port on 127.0.0.1 that nothing listens on now (the system's pick). The server binds it a moment later; if
/// something else took it meanwhile, start() tries another.
int freeLoopbackPort()
{
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int port = 0;
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0
        && getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    close(fd);
    return port;
}

std::string randomHex(int bytes)
{
    std::ifstream in("/dev/urandom", std::ios::binary);
    std::string out;
    static const char* digits = "0123456789abcdef";
    for (int i = 0; i < bytes; ++i) {
        const int c = in.get();
        out += digits[(c >> 4) & 15];
        out += digits[c & 15];
    }
    return out;
}

/// The server's status line in postmaster.pid (line 8): "starting", "ready", "stopping".
std::string serverStatus(const fs::path& dataDir)
{
    std::ifstream in(dataDir / "postmaster.pid");
    std::string line;
    for (int i = 0; i < 8 && std::getline(in, line); ++i) {
    }
    const auto end = line.find_last_not_of(' ');
    return end == std::string::npos ? std::string() : line.substr(0, end + 1);
}

/// Deletes `folder` with everything in it. Tried again when another thread deletes it at the same time (an immediate
/// exit while the run's own stop is under way): remove_all stops at the first entry that vanished under it.
void removeFolder(const fs::path& folder)
{
    for (int attempt = 0; attempt < 10; ++attempt) {
        std::error_code ec;
        fs::remove_all(folder, ec);
        if (!fs::exists(folder, ec))
            return;
    }
}

bool writeOwnedFile(const fs::path& file, const std::string& text, const RunAs* user)
{
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out)
            return false;
    }
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
    return !user || chown(file.c_str(), user->uid, user->gid) == 0;
}

}  // namespace

std::string PostgresConnection::toJson() const
{
    return nlohmann::json{{"host", host},
                          {"port", port},
                          {"socket_dir", socketDir.string()},
                          {"user", user},
                          {"password", password},
                          {"database", database},
                          {"server_version", serverVersion},
                          {"bin_dir", binDir.string()},
                          {"initdb_ms", initdbMs},
                          {"start_ms", startMs},
                          {"seed_ms", seedMs}}
        .dump();
}

fs::path PostgresCluster::binDirectory()
{
    if (const char* dir = std::getenv("VERSUS_POSTGRES_BIN"); dir && *dir)
        return dir;
    return "/usr/lib/postgresql/15/bin";
}

std::string PostgresCluster::installCommand()
{
    return "apt install postgresql-15 (packaging/install-deps installs it)";
}

Expected<void> PostgresCluster::available()
{
    for (const char* program : {"initdb", "postgres", "psql"}) {
        const fs::path path = binDirectory() / program;
        if (access(path.c_str(), X_OK) != 0)
            return Error{"the PostgreSQL 15 server is not installed (no " + path.string() + "): " + installCommand()};
    }
    if (geteuid() == 0 && !getpwnam("postgres"))
        return Error{"Versus runs as root and PostgreSQL refuses to: the cluster runs as the unprivileged user "
                     "'postgres', which does not exist here: "
                     + installCommand()};
    return {};
}

int PostgresCluster::removeAbandonedClusters()
{
    int removed = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(fs::temp_directory_path(ec), ec)) {
        if (entry.path().filename().string().rfind(kFolderPrefix, 0) != 0)
            continue;
        std::ifstream owner(entry.path() / kOwnerFile);
        pid_t pid = 0;
        std::string started;
        owner >> pid >> started;
        if (pid > 0 && processStartTime(pid) == started)
            continue;  // its Versus is alive: its own cluster
        std::ifstream serverFile(entry.path() / "data" / "postmaster.pid");
        pid_t server = 0;
        if (serverFile >> server && server > 0) {
            std::ifstream comm("/proc/" + std::to_string(server) + "/comm");
            std::string name;
            if (comm >> name && name == "postgres")
                kill(-server, SIGKILL);  // its own process group: the server and its backends
        }
        std::error_code removeError;
        fs::remove_all(entry.path(), removeError);
        removed += removeError ? 0 : 1;
    }
    return removed;
}

Expected<std::unique_ptr<PostgresCluster>> PostgresCluster::start(const std::string& seedSql,
                                                                  const std::atomic<bool>* cancelled)
{
    if (auto ok = available(); !ok)
        return Error{ok.error()};
    removeAbandonedClusters();
    RunAs account;
    const RunAs* user = nullptr;
    if (geteuid() == 0) {
        const passwd* entry = getpwnam("postgres");
        account = {entry->pw_uid, entry->pw_gid};
        user = &account;
    }

    std::unique_ptr<PostgresCluster> cluster(new PostgresCluster);  // from here on, its destructor cleans up
    std::error_code ec;
    std::string pattern = (fs::temp_directory_path(ec) / (std::string(kFolderPrefix) + "XXXXXX")).string();
    if (!mkdtemp(pattern.data()))
        return Error{"could not create a folder for the PostgreSQL cluster under "
                     + fs::temp_directory_path(ec).string() + ": " + std::strerror(errno)};
    cluster->m_directory = pattern;
    const fs::path dir = cluster->m_directory;
    setLive(cluster.get(), -1, dir);
    if (user && chown(dir.c_str(), user->uid, user->gid) != 0)
        return Error{"could not hand " + dir.string() + " to the user 'postgres': " + std::strerror(errno)};
    {
        std::ofstream owner(dir / kOwnerFile);
        owner << getpid() << " " << processStartTime(getpid()) << "\n";
    }

    PostgresConnection& c = cluster->m_connection;
    c.socketDir = dir;
    c.password = randomHex(16);
    const fs::path bin = binDirectory();
    c.binDir = bin;

    if (auto version = runToEnd({(bin / "postgres").string(), "-V"}, dir / "version.log", dir, user, 10, cancelled);
        !version)
        return Error{"the PostgreSQL server does not run: " + version.error()};
    {
        std::ifstream in(dir / "version.log");
        std::string word;
        while (in >> word)
            if (!word.empty() && std::isdigit(static_cast<unsigned char>(word[0]))) {
                c.serverVersion = word;
                break;
            }
    }

    auto step = Clock::now();
    if (!writeOwnedFile(dir / "pwfile", c.password + "\n", user))
        return Error{"could not write the cluster's password file in " + dir.string()};
    auto initdb = runToEnd({(bin / "initdb").string(), "-D", (dir / "data").string(), "-U", c.user,
                            "--pwfile=" + (dir / "pwfile").string(), "--auth-local=trust", "--auth-host=scram-sha-256",
                            "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"},
                           dir / "initdb.log", dir, user, 120, cancelled);
    fs::remove(dir / "pwfile", ec);
    if (!initdb)
        return Error{"initdb failed: " + initdb.error()};
    c.initdbMs = msSince(step);

    // The port is picked now; if something else binds it before the server does, try another.
    for (int attempt = 1; attempt <= 3; ++attempt) {
        c.port = freeLoopbackPort();
        step = Clock::now();
        const fs::path log = dir / "server.log";
        cluster->m_serverPid = spawn({(bin / "postgres").string(), "-D", (dir / "data").string(), "-p",
                                      std::to_string(c.port), "-k", dir.string(), "-c", "listen_addresses=127.0.0.1",
                                      "-c", "shared_preload_libraries=pg_stat_statements", "-c",
                                      "pg_stat_statements.track_planning=on", "-c", "pg_stat_statements.max=1000"},
                                     log, dir, user, SIGQUIT);
        if (cluster->m_serverPid < 0)
            return Error{"could not start " + (bin / "postgres").string() + ": " + std::strerror(errno)};
        setLive(cluster.get(), cluster->m_serverPid, dir);
        const auto deadline = Clock::now() + std::chrono::seconds(60);
        std::optional<int> ended;
        while (serverStatus(dir / "data") != "ready") {
            int status = 0;
            if (waitpid(cluster->m_serverPid, &status, WNOHANG) == cluster->m_serverPid) {
                ended = status;
                break;
            }
            if (cancelled && cancelled->load())
                return Error{"cancelled while the PostgreSQL server started"};
            if (Clock::now() >= deadline)
                return Error{"the PostgreSQL server did not accept connections within 60 s: " + lastLines(log, 6)};
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        if (!ended) {
            c.startMs = msSince(step);
            break;
        }
        cluster->m_serverPid = -1;
        const std::string why = lastLines(log, 6);
        if (attempt == 3 || why.find("could not bind") == std::string::npos)
            return Error{"the PostgreSQL server " + describeStatus(*ended) + ": " + why};
    }

    step = Clock::now();
    if (!writeOwnedFile(dir / "seed.sql", seedSql, user))
        return Error{"could not write the data set to " + dir.string()};
    if (auto seeded =
            runToEnd({(bin / "psql").string(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", dir.string(), "-p",
                      std::to_string(c.port), "-U", c.user, "-d", c.database, "-f", (dir / "seed.sql").string()},
                     dir / "seed.log", dir, user, 120, cancelled);
        !seeded)
        return Error{"loading the data set failed: " + seeded.error()};
    c.seedMs = msSince(step);
    return cluster;
}

PostgresCluster::~PostgresCluster()
{
    stop();
}

void PostgresCluster::killEveryCluster()
{
    std::map<const PostgresCluster*, std::pair<pid_t, fs::path>> live;
    {
        std::lock_guard lock(g_liveMutex);
        live.swap(g_live);
    }
    for (const auto& [cluster, facts] : live) {
        if (facts.first > 0)
            kill(-facts.first, SIGKILL);
        removeFolder(facts.second);
    }
}

void PostgresCluster::stop()
{
    if (m_serverPid > 0) {
        kill(m_serverPid, SIGQUIT);  // immediate shutdown: the data is thrown away anyway
        if (!waitFor(m_serverPid, 5, nullptr)) {
            kill(-m_serverPid, SIGKILL);
            waitpid(m_serverPid, nullptr, 0);
        }
        kill(-m_serverPid, SIGKILL);  // any backend still in the server's process group
        m_serverPid = -1;
    }
    if (!m_directory.empty()) {
        removeFolder(m_directory);
        m_directory.clear();
    }
    // Only now: an immediate exit while this stop is under way must still find the cluster (killEveryCluster).
    setLive(this, -1, {});
}

}  // namespace versus
