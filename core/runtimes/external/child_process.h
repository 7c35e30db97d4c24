// Starting a program as a child process (through versus-spawn), feeding its stdin, reading its protocol pipe and
// output, stopping it, and collecting its true resource usage. Shared by the external runtimes and start-up runs.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sys/types.h>

#include "expected.h"

namespace versus {

/// File descriptor number on which the child finds the write end of its protocol pipe (`harness.py 3`).
inline constexpr int kProtocolFd = 3;

/// Path of the versus-spawn helper: $VERSUS_SPAWN, else the install's <exe dir>/../lib/versus, else next to the
/// running executable, else the build tree's; the error says what to do when none exists.
Expected<std::filesystem::path> findSpawnHelper();

/// What to start and how.
struct ChildSpec {
    std::vector<std::string> argv;  ///< argv[0] is the program (a path, or a name looked up in PATH)
    std::string stdinData;  ///< written to the child's stdin, which is then closed
    bool protocolPipe = false;  ///< open a private pipe on fd kProtocolFd
    bool discardOutput = false;  ///< stdout/stderr to /dev/null (start-up runs) instead of captured
    bool throughHelper = true;  ///< start via versus-spawn, for a true peak RSS; false: posix_spawn directly
    double timeoutS = 0;  ///< stop the child after this long; 0 = no limit
    /// "NAME=value" entries set for the child on top of Versus's own environment (an entry replaces a variable of
    /// the same name), e.g. LD_LIBRARY_PATH for Debian's Node 18, which links libnode.so.108 from a private prefix.
    /// versus-spawn passes its environment on to the program unchanged.
    std::vector<std::string> environment;
};

/// How a child ended.
struct ChildOutcome {
    std::string startError;  ///< the child could not be started (missing program, missing helper); else empty
    bool exited = false;  ///< ended by exit(); `exitCode` valid
    int exitCode = -1;
    int signal = 0;  ///< signal that ended it; 0 when it exited
    bool stopped = false;  ///< stopped by ChildStopper, the timeout or an aborted protocol
    bool timedOut = false;
    std::int64_t maxRssBytes = -1;  ///< wait4 ru_maxrss; -1 when unknown
    std::int64_t userNs = -1;
    std::int64_t sysNs = -1;
    std::int64_t wallNs = -1;  ///< fork to reap, measured by the helper (or by us when started directly)
    std::string stdoutTail;  ///< last lines of the child's stdout / stderr (a few KB at most)
    std::string stderrTail;

    /// "exited with status 3", "was killed by signal 11 (Segmentation fault)", ...
    std::string describeEnd() const;
    /// The last `lines` lines of stderr (or stdout when stderr is empty), for error messages; "" when none.
    std::string lastLines(int lines = 8) const;
};

/// Lets any thread stop a running child: SIGTERM to its process group, SIGKILL 100 ms later.
class ChildStopper {
public:
    ChildStopper();
    ~ChildStopper();
    ChildStopper(const ChildStopper&) = delete;
    ChildStopper& operator=(const ChildStopper&) = delete;
    /// Any thread, never blocks.
    void request();
    /// Forget an earlier request (at the start of a job).
    void reset();
    bool requested() const { return m_requested.load(); }
    int wakeFd() const { return m_wake[0]; }

private:
    std::atomic<bool> m_requested{false};
    int m_wake[2] = {-1, -1};
};

/// Called on the thread running the child while it runs.
struct ChildCallbacks {
    /// The program's pid, once known (for RSS sampling); called again with -1 when it ended.
    std::function<void(pid_t)> onPid;
    /// One line from the protocol pipe, without its newline. Return false to stop the child (junk on the pipe).
    std::function<bool(std::string_view)> onProtocolLine;
    /// Raw output: stream is "stdout" or "stderr".
    std::function<void(const char* stream, std::string_view text)> onOutput;
};

/// Starts the child, runs it to its end (or until stopped) and reaps it. Blocking; never throws.
ChildOutcome runChild(const ChildSpec& spec, ChildCallbacks callbacks, ChildStopper* stopper = nullptr);

/// RSS of a live process from /proc/PID/statm, in bytes; -1 when it is gone.
std::int64_t processRssBytes(pid_t pid);

}  // namespace versus
