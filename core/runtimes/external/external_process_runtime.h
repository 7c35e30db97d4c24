// Interpreters run as child processes, one per job: CPython, Node.js, PyPy and any interpreter the user adds.
#pragma once

#include <string>
#include <vector>

#include "child_process.h"
#include "expected.h"
#include "runtime.h"
#include "runtime_registry.h"

namespace versus {

/// Runs each job in a fresh interpreter process: `PROGRAM harness.py 3 < job.json` (or harness.js), the harness's
/// JSON lines on the private pipe fd 3, stdout/stderr captured, the process started through versus-spawn.
/// execute() runs on the caller's thread; cancel() from any thread stops the child (SIGTERM, SIGKILL 100 ms later).
class ExternalProcessRuntime final : public Runtime {
public:
    /// `program` is a path or a name looked up in PATH; `info.language` picks the harness ("python"/"javascript").
    /// `environment` ("NAME=value") is set for every child on top of Versus's own environment. `arguments` go to the
    /// interpreter before the harness script (node-jitless: "--jitless").
    ExternalProcessRuntime(RuntimeInfo info, std::string program, std::vector<std::string> environment = {},
                           std::vector<std::string> arguments = {});
    RuntimeInfo info() const override { return m_info; }
    Result execute(const RunJob& job, EventSink& sink) override;
    void cancel() override;

    /// The command line that runs the harness; the harness finds the protocol pipe on fd kProtocolFd.
    std::vector<std::string> harnessCommand() const;
    /// What the interpreter needs in its environment (Debian's Node 18: LD_LIBRARY_PATH to libnode.so.108).
    const std::vector<std::string>& environment() const { return m_environment; }

private:
    RuntimeInfo m_info;
    std::string m_program;
    std::vector<std::string> m_environment;
    std::vector<std::string> m_arguments;
    ChildStopper m_stopper;
};

/// What running an interpreter with --version told about it.
struct InterpreterIdentity {
    std::string language;  ///< "python" or "javascript"; empty when not recognised
    std::string family;  ///< "CPython", "PyPy", "Node.js", or the file name
    std::string version;  ///< "3.11.2", "7.3.11", "20.20.2"
    std::string detail;  ///< "Python 3.9.16" for PyPy; may be empty
    std::string error;  ///< why it could not be identified; empty on success
};

/// Runs `program --version` (2 s timeout) and parses the answer. Cached per resolved path, size and mtime in
/// memory and in $XDG_CACHE_HOME/versus/interpreters.json, so `versus list` does not start interpreters every time.
/// `environment` as for ExternalProcessRuntime.
InterpreterIdentity identifyInterpreter(const std::string& program, const std::vector<std::string>& environment = {});

/// The absolute path of `program` (searched in PATH when it has no '/'); empty when not found or not executable.
std::string resolveProgram(const std::string& program);

/// A program and the environment entries ("NAME=value") it needs on top of Versus's own.
struct InterpreterCommand {
    std::string program;
    std::vector<std::string> environment;
};

/// Debian's Node 18 executable in the libnode prefix the build compiled against, and what it needs to start: the
/// unpacked prefix's usr/bin/node links libnode.so.108 from the prefix, which the dynamic loader does not search.
/// With the plain apt path the prefix is /usr and Debian's /usr/bin/node needs nothing. The node18-process runtime
/// runs it, and the embedded Node.js forks child_process children with it (the same Node as the embedded one).
InterpreterCommand debianNode18Command();

/// Adds the built-in external runtimes: python3 (/usr/bin/python3.11), node-process (node on PATH), node-jitless (the
/// same node with --jitless: V8 interprets only), node18-process (Debian's Node 18 executable from the libnode prefix
/// the build uses, the same Node as the embedded one), pypy3.
/// Their versions are detected in parallel; a missing interpreter is registered as unavailable with the reason.
/// Node.js names carry the detected major version ("Node.js 20 (process)") so that users see which is which.
void registerExternalRuntimes(RuntimeRegistry& registry);

/// Adds a user's interpreter as runtime `id` ("NAME" of --interpreter NAME=PATH). `language` ("python" or
/// "javascript") is detected from `PATH --version` when empty. A path that does not work is still added, as
/// unavailable, and its reason is the error.
Expected<void> registerExternalInterpreter(RuntimeRegistry& registry, const std::string& id, const std::string& path,
                                           const std::string& language = {});

}  // namespace versus
