// versus-spawn: a tiny helper that starts one program and reports its true wait4() usage to Versus.
//
// Why it exists: at exec, Linux folds the old image's peak RSS into the new one, so a child forked directly by the
// (large) Versus process reports ru_maxrss of at least Versus's own RSS. Forked from this small process instead, the
// floor is this process's RSS (about 1 MB). Plain C library calls only, to stay small.
//
// Usage: versus-spawn REPORT_FD PROGRAM [ARGS...]
// Reports, one line each, on REPORT_FD:
//   pid PID
//   exit CODE SIGNAL MAXRSS_KB USER_US SYS_US WALL_NS      (SIGNAL 0 when it exited, CODE -1 when signalled)
//   exec-error ERRNO                                        (the program could not be started)
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

long long nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

void report(int fd, const char* text)
{
    size_t left = strlen(text);
    while (left > 0) {
        ssize_t n = write(fd, text, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        text += n;
        left -= static_cast<size_t>(n);
    }
}

long long microseconds(const timeval& tv)
{
    return static_cast<long long>(tv.tv_sec) * 1000000LL + tv.tv_usec;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        fprintf(stderr, "versus-spawn: usage: versus-spawn REPORT_FD PROGRAM [ARGS...] (started by versus)\n");
        return 127;
    }
    const int reportFd = atoi(argv[1]);
    fcntl(reportFd, F_SETFD, FD_CLOEXEC);
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // Versus died: so do we (and, below, the program)
    // Versus stops a job with SIGTERM to the whole process group: the program ends, this helper stays to report it.
    signal(SIGTERM, SIG_IGN);
    signal(SIGINT, SIG_IGN);

    int execPipe[2];
    if (pipe2(execPipe, O_CLOEXEC) != 0)
        return 127;
    const long long started = nowNs();
    const pid_t pid = fork();
    if (pid < 0) {
        char line[64];
        snprintf(line, sizeof line, "exec-error %d\n", errno);
        report(reportFd, line);
        return 127;
    }
    if (pid == 0) {
        signal(SIGTERM, SIG_DFL);  // ignored dispositions survive exec; the program gets the defaults
        signal(SIGINT, SIG_DFL);
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        execvp(argv[2], argv + 2);
        const int error = errno;
        ssize_t ignored = write(execPipe[1], &error, sizeof error);
        (void)ignored;
        _exit(127);
    }
    close(execPipe[1]);
    char line[160];
    snprintf(line, sizeof line, "pid %d\n", static_cast<int>(pid));
    report(reportFd, line);

    int execError = 0;
    ssize_t got;
    do {
        got = read(execPipe[0], &execError, sizeof execError);
    } while (got < 0 && errno == EINTR);
    close(execPipe[0]);

    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    const long long wall = nowNs() - started;
    if (got == static_cast<ssize_t>(sizeof execError)) {
        snprintf(line, sizeof line, "exec-error %d\n", execError);
        report(reportFd, line);
        return 127;
    }
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    const int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    snprintf(line, sizeof line, "exit %d %d %ld %lld %lld %lld\n", code, sig, usage.ru_maxrss,
             microseconds(usage.ru_utime), microseconds(usage.ru_stime), wall);
    report(reportFd, line);
    return 0;
}
