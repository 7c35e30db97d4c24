// Opens, holds and closes idle loopback TCP connections with non-blocking connect() and epoll.
#include "connection_holder.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unordered_set>

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

ConnectionHolder::ConnectionHolder(std::uint16_t port) : m_port(port), m_epoll(epoll_create1(EPOLL_CLOEXEC)) { }

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
    std::unordered_set<int> pending;
    std::string error;
    bool atLimit = false;  // no descriptor left: the handshakes under way still complete
    const auto abandonPending = [&] {
        for (int fd : pending)
            close(fd);
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
            pending.insert(fd);
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
            int soError = 0;
            socklen_t length = sizeof soError;
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &length);
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
            pending.erase(fd);
            if (soError != 0) {
                close(fd);
                if (error.empty())
                    error = "connection to 127.0.0.1:" + std::to_string(m_port) + " failed: " + std::strerror(soError);
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
