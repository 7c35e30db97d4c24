// ConnectionHolder against a real loopback listener: exact counts up and down, everything closed at destruction,
// and a clear stop at the open-file limit.
#include <algorithm>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include <netinet/in.h>
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
