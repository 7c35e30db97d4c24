// ConnectionHolder against a real loopback listener: exact counts up and down, everything closed at destruction,
// a clear stop at the open-file limit, and WebSocket connections counted only once the server answered 101.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "connection_holder.h"

using namespace versus;

namespace {

/// A listening socket on 127.0.0.1 and a port the kernel chose; the kernel completes the handshakes (backlog).
struct Listener {
    int fd = -1;
    std::uint16_t port = 0;
    Listener()
    {
        fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
        listen(fd, 4096);
        socklen_t length = sizeof address;
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
        port = ntohs(address.sin_port);
    }
    ~Listener() { close(fd); }
};

/// A server that reads each connection's request up to the blank line and answers it with `answer`; it counts the
/// requests that asked for a WebSocket upgrade.
struct UpgradeServer {
    Listener listener;
    std::string answer;
    std::atomic<bool> stop{false};
    std::atomic<int> upgradeRequests{0};
    std::vector<int> accepted;
    std::thread thread;

    explicit UpgradeServer(std::string reply) : answer(std::move(reply))
    {
        thread = std::thread([this] { serve(); });
    }
    ~UpgradeServer()
    {
        stop = true;
        thread.join();
        for (int fd : accepted)
            close(fd);
    }
    void serve()
    {
        while (!stop) {
            pollfd waiting{listener.fd, POLLIN, 0};
            if (poll(&waiting, 1, 20) <= 0)
                continue;
            const int fd = accept(listener.fd, nullptr, nullptr);
            if (fd < 0)
                continue;
            accepted.push_back(fd);
            std::string request;
            char buffer[512];
            while (request.find("\r\n\r\n") == std::string::npos) {
                const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
                if (n <= 0)
                    break;
                request.append(buffer, static_cast<std::size_t>(n));
            }
            if (request.find("Upgrade: websocket") != std::string::npos
                && request.find("Sec-WebSocket-Version: 13") != std::string::npos)
                ++upgradeRequests;
            send(fd, answer.data(), answer.size(), MSG_NOSIGNAL);
        }
    }
};

std::size_t openDescriptors()
{
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd"))
        ++n;
    return n;
}

int highestDescriptor()
{
    int highest = 0;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd"))
        highest = std::max(highest, std::stoi(entry.path().filename().string()));
    return highest;
}

}  // namespace

TEST(ConnectionHolder, HoldsExactlyTheCountAskedUpAndDownAndClosesAllAtTheEnd)
{
    Listener listener;
    const std::size_t before = openDescriptors();
    {
        ConnectionHolder holder(listener.port);
        for (std::size_t count : {200u, 50u, 300u, 0u, 200u}) {
            const HoldOutcome outcome = holder.hold(count);
            EXPECT_EQ(outcome.error, "");
            EXPECT_EQ(outcome.held, count);
            EXPECT_EQ(holder.held(), count);
        }
        EXPECT_EQ(openDescriptors(), before + 200 + 1);  // the connections and the epoll descriptor
    }
    EXPECT_EQ(openDescriptors(), before);
}

TEST(ConnectionHolder, StopsAtTheOpenFileLimitAndSaysSo)
{
    Listener listener;
    rlimit saved{};
    ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &saved), 0);
    rlimit lowered = saved;
    lowered.rlim_cur = highestDescriptor() + 60;  // the limit is on descriptor numbers
    ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &lowered), 0);
    HoldOutcome outcome;
    {
        ConnectionHolder holder(listener.port);
        outcome = holder.hold(lowered.rlim_cur + 100);
    }
    setrlimit(RLIMIT_NOFILE, &saved);
    EXPECT_GT(outcome.held, 0u);
    EXPECT_LT(outcome.held, lowered.rlim_cur);
    EXPECT_NE(outcome.error.find("open-file limit"), std::string::npos) << outcome.error;
    EXPECT_NE(outcome.error.find("stopped at " + std::to_string(outcome.held)), std::string::npos) << outcome.error;
}

TEST(ConnectionHolder, RefusedConnectionsAreReported)
{
    std::uint16_t port = 0;
    {
        Listener closed;
        port = closed.port;
    }  // nothing listens there any more
    ConnectionHolder holder(port);
    const HoldOutcome outcome = holder.hold(5, std::chrono::seconds(5));
    EXPECT_EQ(outcome.held, 0u);
    EXPECT_NE(outcome.error.find("refused"), std::string::npos) << outcome.error;
}

TEST(ConnectionHolder, RaisesTheSoftOpenFileLimitWithinTheHardOne)
{
    rlimit saved{};
    ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &saved), 0);
    rlimit lowered = saved;
    lowered.rlim_cur = std::min<rlim_t>(256, saved.rlim_max);
    ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &lowered), 0);
    const std::uint64_t raised = raiseOpenFileLimit(saved.rlim_max == RLIM_INFINITY ? 100000 : saved.rlim_max);
    setrlimit(RLIMIT_NOFILE, &saved);
    EXPECT_EQ(raised, saved.rlim_max == RLIM_INFINITY ? 100000u : saved.rlim_max);
}

TEST(ConnectionHolder, WebSocketConnectionsCountOnceTheServerSwitchedProtocols)
{
    UpgradeServer server("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n");
    ConnectionHolder holder(server.listener.port, ConnectionKind::WebSocket);
    const HoldOutcome outcome = holder.hold(20, std::chrono::seconds(10));
    EXPECT_EQ(outcome.error, "");
    EXPECT_EQ(outcome.held, 20u);
    EXPECT_EQ(server.upgradeRequests.load(), 20);
}

TEST(ConnectionHolder, AServerThatRefusesTheUpgradeIsNamedWithItsAnswer)
{
    UpgradeServer server("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    ConnectionHolder holder(server.listener.port, ConnectionKind::WebSocket);
    const HoldOutcome outcome = holder.hold(3, std::chrono::seconds(10));
    EXPECT_EQ(outcome.held, 0u);
    EXPECT_NE(outcome.error.find("'HTTP/1.1 400 Bad Request'"), std::string::npos) << outcome.error;
    EXPECT_NE(outcome.error.find("101"), std::string::npos) << outcome.error;
}
