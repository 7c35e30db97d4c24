// The connecting side of idle_connections: N idle TCP (or WebSocket) connections to 127.0.0.1:PORT opened and held
// with epoll, in C++ and outside the runtime under test, so that the runtime's memory holds only its server's side.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace versus {

/// What hold() reached: `held` connections established; `error` says why it stopped short ("" when it did not).
struct HoldOutcome {
    std::size_t held = 0;
    std::string error;
};

/// What a held connection is once established.
enum class ConnectionKind {
    Tcp,  ///< a TCP connection, established when the handshake completes
    WebSocket,  ///< a WebSocket (RFC 6455), established when the server answers the upgrade with 101
};

/// Holds idle client connections to one local port. Not thread-safe: one thread drives it.
class ConnectionHolder {
public:
    explicit ConnectionHolder(std::uint16_t port, ConnectionKind kind = ConnectionKind::Tcp);
    /// Closes every connection.
    ~ConnectionHolder();
    ConnectionHolder(const ConnectionHolder&) = delete;
    ConnectionHolder& operator=(const ConnectionHolder&) = delete;

    /// Opens (at most `inFlight` handshakes at a time, so the server's backlog never overflows) or closes connections
    /// until `count` are established. Stops short, saying why, at the open-file limit, on a refused or failed
    /// connection, or after `timeout`.
    HoldOutcome hold(std::size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(60),
                     std::size_t inFlight = 128);
    std::size_t held() const { return m_established.size(); }

private:
    /// Sends the upgrade request on a connected socket; "" or why it failed.
    std::string startUpgrade(int fd);
    /// Reads the server's answer to the upgrade; true once the whole header is in. `error` says why it failed.
    bool readUpgradeAnswer(int fd, std::string& received, std::string& error);

    std::uint16_t m_port;
    ConnectionKind m_kind;
    int m_epoll = -1;
    std::vector<int> m_established;
};

/// Raises this process's soft RLIMIT_NOFILE to `wanted` descriptors, or as near as the hard limit allows; returns
/// the soft limit in force afterwards.
std::uint64_t raiseOpenFileLimit(std::uint64_t wanted);

}  // namespace versus
