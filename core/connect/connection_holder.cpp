// Opens, holds and closes idle loopback TCP connections with non-blocking connect() and epoll.
#include "connection_holder.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unordered_map>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace versus {

namespace {

std::string limitText()
{
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    return "the open-file limit (RLIMIT_NOFILE soft " + std::to_string(limit.rlim_cur) + ", hard "
        + std::to_string(limit.rlim_max)
        + "): raise the hard limit (ulimit -Hn, or LimitNOFILE in systemd) to hold more connections";
}

/// A connection on its way: the TCP handshake, then (WebSocket) the upgrade request and the server's answer.
struct PendingConnection {
    bool upgrading = false;
    std::string received;
};

// RFC 6455's sample key: the server's Sec-WebSocket-Accept is not checked, only its 101.
constexpr const char* kUpgradeKey = "dGhlIHNhbXBsZSBub25jZQ==";
constexpr std::size_t kMaxAnswerBytes = 8192;

}  // namespace

std::uint64_t raiseOpenFileLimit(std::uint64_t wanted)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    if (limit.rlim_cur < wanted) {
        limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : std::min<rlim_t>(wanted, limit.rlim_max);
        setrlimit(RLIMIT_NOFILE, &limit);
        getrlimit(RLIMIT_NOFILE, &limit);
    }
    return limit.rlim_cur;
}

ConnectionHolder::ConnectionHolder(std::uint16_t port, ConnectionKind kind)
    : m_port(port), m_kind(kind), m_epoll(epoll_create1(EPOLL_CLOEXEC))
{
}

std::string ConnectionHolder::startUpgrade(int fd)
{
    const std::string request = "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(m_port)
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + kUpgradeKey
        + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    // A fresh socket's send buffer holds far more than this request: a short write is a failure, not a wait.
    const ssize_t sent = send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    if (sent == static_cast<ssize_t>(request.size()))
        return {};
    return "the WebSocket upgrade request could not be sent: "
        + std::string(sent < 0 ? std::strerror(errno) : "short write");
}

bool ConnectionHolder::readUpgradeAnswer(int fd, std::string& received, std::string& error)
{
    char buffer[1024];
    for (;;) {
        const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return false;
        if (n <= 0) {
            error = "the server closed a connection during the WebSocket upgrade"
                + std::string(n < 0 ? std::string(": ") + std::strerror(errno) : "");
            return true;
        }
        received.append(buffer, static_cast<std::size_t>(n));
        const auto end = received.find("\r\n\r\n");
        if (end == std::string::npos && received.size() < kMaxAnswerBytes)
            continue;
        const std::string status = received.substr(0, received.find("\r\n"));
        if (status.rfind("HTTP/1.1 101", 0) != 0)
            error = "the server answered the WebSocket upgrade with '" + status.substr(0, 80)
                + "' instead of 101 Switching Protocols: is it a WebSocket server?";
        return true;
    }
}

ConnectionHolder::~ConnectionHolder()
{
    for (int fd : m_established)
        close(fd);
    if (m_epoll >= 0)
        close(m_epoll);
}

HoldOutcome ConnectionHolder::hold(std::size_t count, std::chrono::milliseconds timeout, std::size_t inFlight)
{
    while (m_established.size() > count) {
        close(m_established.back());
        m_established.pop_back();
    }
    if (m_epoll < 0)
        return {held(), std::string("epoll_create1 failed: ") + std::strerror(errno)};

    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(m_port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::unordered_map<int, PendingConnection> pending;
    std::string error;
    bool atLimit = false;  // no descriptor left: the handshakes under way still complete
    const auto abandonPending = [&] {
        for (const auto& entry : pending)
            close(entry.first);
        pending.clear();
    };

    while (error.empty() && m_established.size() < count && !(atLimit && pending.empty())) {
        // Start handshakes up to the in-flight bound.
        while (!atLimit && m_established.size() + pending.size() < count && pending.size() < inFlight) {
            const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            if (fd < 0) {
                if (errno == EMFILE || errno == ENFILE)
                    atLimit = true;
                else
                    error = std::string("socket() failed: ") + std::strerror(errno);
                break;
            }
            if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 && errno != EINPROGRESS) {
                error = "connect to 127.0.0.1:" + std::to_string(m_port) + " failed: " + std::strerror(errno);
                close(fd);
                break;
            }
            epoll_event event{};
            event.events = EPOLLOUT;
            event.data.fd = fd;
            epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
            pending.emplace(fd, PendingConnection{});
        }
        if (pending.empty())
            break;
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            error = "timed out after " + std::to_string(timeout.count()) + " ms with "
                + std::to_string(m_established.size()) + " of " + std::to_string(count)
                + " connections established: is the server accepting?";
            break;
        }
        epoll_event events[256];
        const int n = epoll_wait(m_epoll, events, 256, static_cast<int>(std::min<long long>(left.count(), 100)));
        for (int i = 0; i < n; ++i) {
            const int fd = events[i].data.fd;
            PendingConnection& connection = pending.at(fd);
            std::string failure;
            bool finished = true;
            if (connection.upgrading) {
                finished = readUpgradeAnswer(fd, connection.received, failure);
            } else {
                int soError = 0;
                socklen_t length = sizeof soError;
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &length);
                if (soError != 0) {
                    failure =
                        "connection to 127.0.0.1:" + std::to_string(m_port) + " failed: " + std::strerror(soError);
                } else if (m_kind == ConnectionKind::WebSocket) {
                    failure = startUpgrade(fd);
                    if (failure.empty()) {
                        connection.upgrading = true;
                        finished = false;
                        epoll_event event{};
                        event.events = EPOLLIN;
                        event.data.fd = fd;
                        epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
                    }
                }
            }
            if (!finished)
                continue;
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
            pending.erase(fd);
            if (!failure.empty()) {
                close(fd);
                if (error.empty())
                    error = failure;
                continue;
            }
            m_established.push_back(fd);
        }
    }
    abandonPending();
    if (atLimit && error.empty())
        error = "stopped at " + std::to_string(held()) + " connections: " + limitText();
    return {held(), error};
}

}  // namespace versus
