// Child processes without a shell: posix_spawn of versus-spawn (or of the program itself), a poll loop over the
// stdin, protocol, output and report pipes, and SIGTERM-then-SIGKILL on the child's own process group.
#include "child_process.h"
#include "install_layout.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace versus {

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kReportFd = 4;  // the helper's report pipe, in the helper
constexpr std::size_t kTailBytes = 4096;  // kept of each output stream for error messages
constexpr std::size_t kMaxProtocolLine = std::size_t(256) << 20;
constexpr auto kKillGrace = std::chrono::milliseconds(100);  // SIGTERM, then SIGKILL after this
constexpr auto kLingerAfterExit = std::chrono::milliseconds(200);  // grandchildren holding our pipes

/// A pipe whose both ends are close-on-exec and numbered above the fds the child gets (0..4), so that the
/// dup2 actions of posix_spawn can never overwrite a source before it is copied.
bool makePipe(int fds[2])
{
    if (pipe2(fds, O_CLOEXEC) != 0)
        return false;
    for (int i = 0; i < 2; ++i)
        if (fds[i] <= kReportFd) {
            int moved = fcntl(fds[i], F_DUPFD_CLOEXEC, kReportFd + 1);
            close(fds[i]);
            fds[i] = moved;
        }
    return fds[0] >= 0 && fds[1] >= 0;
}

void closeFd(int& fd)
{
    if (fd >= 0)
        close(fd);
    fd = -1;
}

void appendTail(std::string& tail, std::string_view text)
{
    tail.append(text);
    if (tail.size() > kTailBytes)
        tail.erase(0, tail.size() - kTailBytes);
}

/// Writes what it can without blocking; SIGPIPE (the child closed its stdin) is blocked and consumed here, so a
/// dying child cannot kill Versus. Returns false when the pipe is unusable.
bool writeSome(int fd, const std::string& data, std::size_t& offset)
{
    sigset_t pipeSet, old;
    sigemptyset(&pipeSet);
    sigaddset(&pipeSet, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipeSet, &old);
    bool ok = true;
    ssize_t n = write(fd, data.data() + offset, data.size() - offset);
    if (n > 0)
        offset += static_cast<std::size_t>(n);
    else if (n < 0 && errno != EAGAIN && errno != EINTR)
        ok = false;
    if (!ok && errno == EPIPE) {
        timespec zero{};
        sigtimedwait(&pipeSet, nullptr, &zero);
    }
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    return ok;
}

/// Versus's own environment with `extra` ("NAME=value") set on top of it.
std::vector<std::string> childEnvironment(const std::vector<std::string>& extra)
{
    auto nameOf = [](std::string_view entry) { return entry.substr(0, entry.find('=')); };
    std::vector<std::string> out;
    for (char** e = environ; *e; ++e) {
        const std::string_view entry(*e);
        const bool replaced =
            std::any_of(extra.begin(), extra.end(), [&](const std::string& x) { return nameOf(x) == nameOf(entry); });
        if (!replaced)
            out.emplace_back(entry);
    }
    out.insert(out.end(), extra.begin(), extra.end());
    return out;
}

std::int64_t usToNs(long long us)
{
    return static_cast<std::int64_t>(us) * 1000;
}

}  // namespace

Expected<std::filesystem::path> findSpawnHelper()
{
#ifdef VERSUS_SPAWN_BUILD_PATH
    return findHelperProgram("versus-spawn", "VERSUS_SPAWN", VERSUS_SPAWN_BUILD_PATH);
#else
    return findHelperProgram("versus-spawn", "VERSUS_SPAWN", {});
#endif
}

std::string ChildOutcome::describeEnd() const
{
    if (!startError.empty())
        return "could not be started: " + startError;
    if (signal != 0) {
        const char* name = strsignal(signal);
        return "was killed by signal " + std::to_string(signal) + " (" + (name ? name : "unknown") + ")";
    }
    if (exited)
        return "exited with status " + std::to_string(exitCode);
    return "ended in an unknown way";
}

std::string ChildOutcome::lastLines(int lines) const
{
    std::string text = stderrTail;
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    if (text.empty()) {
        text = stdoutTail;
        while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
            text.pop_back();
    }
    std::size_t pos = text.size();
    for (int i = 0; i < lines && pos != std::string::npos && pos > 0; ++i)
        pos = text.rfind('\n', pos - 1);
    return pos == std::string::npos || pos == 0 ? text : text.substr(pos + 1);
}

ChildStopper::ChildStopper()
{
    if (pipe2(m_wake, O_CLOEXEC | O_NONBLOCK) != 0)
        m_wake[0] = m_wake[1] = -1;
}

ChildStopper::~ChildStopper()
{
    closeFd(m_wake[0]);
    closeFd(m_wake[1]);
}

void ChildStopper::request()
{
    m_requested = true;
    if (m_wake[1] >= 0) {
        const char byte = 1;
        ssize_t ignored = write(m_wake[1], &byte, 1);
        (void)ignored;
    }
}

void ChildStopper::reset()
{
    m_requested = false;
    char buffer[64];
    if (m_wake[0] >= 0)
        while (read(m_wake[0], buffer, sizeof buffer) > 0) {
        }
}

std::int64_t processRssBytes(pid_t pid)
{
    std::ifstream statm("/proc/" + std::to_string(pid) + "/statm");
    long long size = 0, resident = 0;
    if (!(statm >> size >> resident))
        return -1;
    return static_cast<std::int64_t>(resident) * sysconf(_SC_PAGESIZE);
}

ChildOutcome runChild(const ChildSpec& spec, ChildCallbacks callbacks, ChildStopper* stopper)
{
    ChildOutcome out;
    if (spec.argv.empty()) {
        out.startError = "no program given";
        return out;
    }
    std::filesystem::path helper;
    if (spec.throughHelper) {
        auto found = findSpawnHelper();
        if (!found) {
            out.startError = found.error();
            return out;
        }
        helper = *found;
    }

    int in[2] = {-1, -1}, stdoutPipe[2] = {-1, -1}, stderrPipe[2] = {-1, -1}, proto[2] = {-1, -1}, rep[2] = {-1, -1};
    auto closeAll = [&] {
        for (int* p : {in, stdoutPipe, stderrPipe, proto, rep}) {
            closeFd(p[0]);
            closeFd(p[1]);
        }
    };
    bool piped = makePipe(in);
    if (!spec.discardOutput)
        piped = piped && makePipe(stdoutPipe) && makePipe(stderrPipe);
    if (spec.protocolPipe)
        piped = piped && makePipe(proto);
    if (spec.throughHelper)
        piped = piped && makePipe(rep);
    if (!piped) {
        out.startError = std::string("could not create pipes: ") + std::strerror(errno);
        closeAll();
        return out;
    }

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    if (spec.discardOutput) {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    } else {
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1);
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2);
    }
    if (spec.protocolPipe)
        posix_spawn_file_actions_adddup2(&actions, proto[1], kProtocolFd);
    if (spec.throughHelper)
        posix_spawn_file_actions_adddup2(&actions, rep[1], kReportFd);
    posix_spawn_file_actions_addclosefrom_np(&actions, kReportFd + 1);

    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &all);
    posix_spawnattr_setpgroup(&attributes, 0);  // its own group: stopping it reaches its children too
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    std::vector<std::string> args;
    if (spec.throughHelper) {
        args.push_back(helper.string());
        args.push_back(std::to_string(kReportFd));
    }
    args.insert(args.end(), spec.argv.begin(), spec.argv.end());
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    std::vector<std::string> environment;
    std::vector<char*> envp;
    if (!spec.environment.empty()) {
        environment = childEnvironment(spec.environment);
        for (auto& e : environment)
            envp.push_back(e.data());
        envp.push_back(nullptr);
    }

    const auto started = Clock::now();
    pid_t pid = -1;
    const int spawnError =
        posix_spawnp(&pid, argv[0], &actions, &attributes, argv.data(), envp.empty() ? environ : envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    for (int* p : {in, stdoutPipe, stderrPipe, proto, rep})
        if (p != in)
            closeFd(p[1]);
    closeFd(in[0]);
    if (spawnError != 0) {
        out.startError = "could not start '" + args[0] + "': " + std::strerror(spawnError);
        closeAll();
        return out;
    }
    if (!spec.throughHelper && callbacks.onPid)
        callbacks.onPid(pid);

    for (int fd : {in[1], stdoutPipe[0], stderrPipe[0], proto[0], rep[0]})
        if (fd >= 0)
            fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);

    std::size_t stdinOffset = 0;
    if (spec.stdinData.empty())
        closeFd(in[1]);
    std::string protoBuffer, reportBuffer;
    bool protocolAborted = false;
    int killStage = 0;  // 0 running, 1 SIGTERM sent, 2 SIGKILL sent
    Clock::time_point termSentAt{};
    std::optional<Clock::time_point> endedAt;  // the helper closed its report pipe: the program was reaped
    const std::optional<Clock::time_point> deadline = spec.timeoutS > 0
        ? std::optional(started
                        + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(spec.timeoutS)))
        : std::nullopt;

    auto escalate = [&] {
        const auto now = Clock::now();
        const bool wantStop = protocolAborted || (stopper && stopper->requested()) || (deadline && now >= *deadline);
        if (wantStop && killStage == 0) {
            out.stopped = true;
            out.timedOut = deadline && now >= *deadline && !(stopper && stopper->requested()) && !protocolAborted;
            killpg(pid, SIGTERM);
            killStage = 1;
            termSentAt = now;
        } else if (killStage == 1 && now - termSentAt >= kKillGrace) {
            killpg(pid, SIGKILL);
            killStage = 2;
        }
    };

    auto handleReport = [&](std::string_view line) {
        if (line.rfind("pid ", 0) == 0) {
            if (callbacks.onPid)
                callbacks.onPid(static_cast<pid_t>(std::atoi(std::string(line.substr(4)).c_str())));
        } else if (line.rfind("exec-error ", 0) == 0) {
            const int error = std::atoi(std::string(line.substr(11)).c_str());
            out.startError = "could not start '" + spec.argv[0] + "': " + std::strerror(error);
        } else if (line.rfind("exit ", 0) == 0) {
            std::istringstream fields{std::string(line.substr(5))};
            long long code = -1, sig = 0, rssKb = -1, userUs = -1, sysUs = -1, wallNs = -1;
            fields >> code >> sig >> rssKb >> userUs >> sysUs >> wallNs;
            out.exited = sig == 0;
            out.exitCode = static_cast<int>(code);
            out.signal = static_cast<int>(sig);
            out.maxRssBytes = rssKb * 1024;
            out.userNs = usToNs(userUs);
            out.sysNs = usToNs(sysUs);
            out.wallNs = wallNs;
        }
    };

    auto consumeLines = [](std::string& buffer, const std::function<void(std::string_view)>& each) {
        std::size_t start = 0, newline;
        while ((newline = buffer.find('\n', start)) != std::string::npos) {
            each(std::string_view(buffer).substr(start, newline - start));
            start = newline + 1;
        }
        buffer.erase(0, start);
    };

    char chunk[65536];
    for (;;) {
        const bool readersOpen = stdoutPipe[0] >= 0 || stderrPipe[0] >= 0 || proto[0] >= 0 || rep[0] >= 0;
        if (!readersOpen)
            break;
        if (endedAt && Clock::now() - *endedAt >= kLingerAfterExit)
            break;  // the program is gone; whatever still holds our pipes is a descendant we stop below
        std::vector<pollfd> fds;
        if (stopper && stopper->wakeFd() >= 0)
            fds.push_back({stopper->wakeFd(), POLLIN, 0});
        if (in[1] >= 0)
            fds.push_back({in[1], POLLOUT, 0});
        for (int fd : {stdoutPipe[0], stderrPipe[0], proto[0], rep[0]})
            if (fd >= 0)
                fds.push_back({fd, POLLIN, 0});
        poll(fds.data(), fds.size(), 20);
        escalate();
        for (const pollfd& p : fds) {
            if (p.revents == 0)
                continue;
            if (stopper && p.fd == stopper->wakeFd()) {
                char drained[16];
                while (read(p.fd, drained, sizeof drained) > 0) {
                }
                continue;  // the request flag itself was checked in escalate()
            }
            if (p.fd == in[1]) {
                if (!writeSome(in[1], spec.stdinData, stdinOffset) || stdinOffset >= spec.stdinData.size())
                    closeFd(in[1]);
                continue;
            }
            const ssize_t n = read(p.fd, chunk, sizeof chunk);
            if (n < 0 && (errno == EAGAIN || errno == EINTR))
                continue;
            if (n <= 0) {
                if (p.fd == rep[0]) {
                    endedAt = Clock::now();
                    closeFd(rep[0]);
                } else if (p.fd == proto[0]) {
                    closeFd(proto[0]);
                } else if (p.fd == stdoutPipe[0]) {
                    closeFd(stdoutPipe[0]);
                } else {
                    closeFd(stderrPipe[0]);
                }
                continue;
            }
            const std::string_view text(chunk, static_cast<std::size_t>(n));
            if (p.fd == rep[0]) {
                reportBuffer.append(text);
                consumeLines(reportBuffer, handleReport);
            } else if (p.fd == proto[0]) {
                if (protocolAborted)
                    continue;
                protoBuffer.append(text);
                consumeLines(protoBuffer, [&](std::string_view line) {
                    if (!protocolAborted && callbacks.onProtocolLine && !callbacks.onProtocolLine(line))
                        protocolAborted = true;
                });
                if (protoBuffer.size() > kMaxProtocolLine && callbacks.onProtocolLine) {
                    callbacks.onProtocolLine(std::string_view(protoBuffer).substr(0, 200));
                    protocolAborted = true;
                }
                if (protocolAborted)
                    protoBuffer.clear();
                escalate();
            } else {
                const bool isOut = p.fd == stdoutPipe[0];
                appendTail(isOut ? out.stdoutTail : out.stderrTail, text);
                if (callbacks.onOutput)
                    callbacks.onOutput(isOut ? "stdout" : "stderr", text);
            }
        }
    }
    // A protocol line cut short by the child's end is still a line.
    if (!protoBuffer.empty() && !protocolAborted && callbacks.onProtocolLine)
        callbacks.onProtocolLine(protoBuffer);

    // Reap the spawned process (the helper, or the program itself), honouring stop requests and the deadline.
    int status = 0;
    rusage usage{};
    for (;;) {
        const pid_t r = wait4(pid, &status, WNOHANG, &usage);
        if (r == pid || (r < 0 && errno != EINTR))
            break;
        escalate();
        if (endedAt && killStage == 0)
            killpg(pid, SIGKILL);  // helper gone but something kept the group: not expected, do not wait
        usleep(2000);
    }
    // Whatever the program left running in its group (a server it started) goes with it. The group id cannot have
    // been reused: its leader was only reaped just now.
    killpg(pid, SIGKILL);
    closeAll();
    if (callbacks.onPid)
        callbacks.onPid(-1);

    if (!spec.throughHelper) {
        out.exited = WIFEXITED(status);
        out.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        out.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
        out.maxRssBytes = static_cast<std::int64_t>(usage.ru_maxrss) * 1024;
        out.userNs = usToNs(static_cast<long long>(usage.ru_utime.tv_sec) * 1000000 + usage.ru_utime.tv_usec);
        out.sysNs = usToNs(static_cast<long long>(usage.ru_stime.tv_sec) * 1000000 + usage.ru_stime.tv_usec);
        out.wallNs = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - started).count();
    } else if (out.wallNs < 0 && out.startError.empty()) {
        // The helper itself was killed (SIGKILL after the grace period) before it could report.
        out.exited = false;
        out.signal = WIFSIGNALED(status) ? WTERMSIG(status) : SIGKILL;
    }
    return out;
}

}  // namespace versus
