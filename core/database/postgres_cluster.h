// A private, throwaway PostgreSQL cluster for one run: initdb into a temporary folder, the server on a Unix socket in
// that folder and on 127.0.0.1 at a port picked at start, the fixed data set loaded; stopped and deleted by stop()
// or the destructor, whichever way the run ends. Qt-free; called on the scheduler's thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include <sys/types.h>

#include "expected.h"

namespace versus {

/// How a client reaches the cluster, and what starting it cost.
struct PostgresConnection {
    std::string host = "127.0.0.1";
    int port = 0;
    std::filesystem::path socketDir;  ///< the Unix socket's folder (the cluster's own temporary folder)
    std::string user = "versus";
    std::string password;  ///< random per cluster: TCP clients authenticate with it (scram-sha-256)
    std::string database = "postgres";
    std::string serverVersion;  ///< "15.18"
    std::filesystem::path binDir;  ///< the server's programs (pgbench for the specialist's figure)
    double initdbMs = 0;  ///< initdb
    double startMs = 0;  ///< the server from exec to accepting connections
    double seedMs = 0;  ///< loading the data set

    /// {"host", "port", "socket_dir", "user", "password", "database", "server_version", "bin_dir", "initdb_ms",
    /// "start_ms", "seed_ms"}: what a workload's setup receives as job["services"]["postgresql"].
    std::string toJson() const;
};

class PostgresCluster {
public:
    /// Where the server's programs are: $VERSUS_POSTGRES_BIN, else Debian's /usr/lib/postgresql/15/bin.
    static std::filesystem::path binDirectory();
    /// The command that installs the server, for messages.
    static std::string installCommand();
    /// Whether the server's programs are installed; the error says which one is missing and how to install it.
    static Expected<void> available();

    /// initdb, start, seed with `seedSql` (psql, stopping at the first error). Running as root, the cluster runs as
    /// the unprivileged `postgres` user that Debian's package creates (PostgreSQL refuses to run as root). Returns
    /// once the data set is loaded; on any failure everything started so far is stopped and deleted, and the error
    /// holds the server's last log lines. `cancelled` is polled while waiting.
    static Expected<std::unique_ptr<PostgresCluster>> start(const std::string& seedSql,
                                                            const std::atomic<bool>* cancelled = nullptr);

    ~PostgresCluster();  ///< stop()
    PostgresCluster(const PostgresCluster&) = delete;
    PostgresCluster& operator=(const PostgresCluster&) = delete;

    /// Stops the server (immediate shutdown; SIGKILL to its process group after 5 s), reaps it and deletes the
    /// folder. Idempotent.
    void stop();

    const PostgresConnection& connection() const { return m_connection; }
    const std::filesystem::path& directory() const { return m_directory; }
    pid_t serverPid() const { return m_serverPid; }

    /// Deletes the folders of clusters whose Versus process is gone (killed before it could stop them), and stops
    /// any server still running in them. Called by start(); returns how many folders were removed.
    static int removeAbandonedClusters();

    /// Kills the server of every cluster of this process (SIGKILL to its process group) and deletes its folder, from
    /// any thread, without waiting for their owners: for the exits that cannot wait for the run to end (a second
    /// Ctrl-C, a job blocked in C).
    static void killEveryCluster();

private:
    PostgresCluster() = default;

    PostgresConnection m_connection;
    std::filesystem::path m_directory;
    pid_t m_serverPid = -1;
};

}  // namespace versus
