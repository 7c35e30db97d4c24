// External-process runtimes: the harness protocol over a private pipe, failures of the child as data, version
// detection with a cache, and the built-in and user-added interpreters.
#include "external_process_runtime.h"

#include <cstdlib>
#include <future>
#include <map>
#include <mutex>
#include <regex>

#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "catalog.h"
#include "disk_cache.h"
#include "harness_job.h"
#include "memory_sampler.h"
#include "module_probe.h"
#include "clock.h"

namespace versus {

using nlohmann::json;

namespace {

std::string shorten(std::string_view text, std::size_t max = 160)
{
    std::string s(text.substr(0, max));
    return text.size() > max ? s + "..." : s;
}

std::string withLastLines(const ChildOutcome& outcome)
{
    const std::string lines = outcome.lastLines();
    return lines.empty() ? std::string(" It wrote nothing on stderr.") : " Last lines of its output:\n" + lines;
}

}  // namespace

// ---- ExternalProcessRuntime -------------------------------------------------------------------------------------

ExternalProcessRuntime::ExternalProcessRuntime(RuntimeInfo info, std::string program,
                                               std::vector<std::string> environment, std::vector<std::string> arguments)
    : m_info(std::move(info)), m_program(std::move(program)), m_environment(std::move(environment)),
      m_arguments(std::move(arguments))
{
}

std::vector<std::string> ExternalProcessRuntime::harnessCommand() const
{
    const std::string fd = std::to_string(kProtocolFd);
    std::vector<std::string> command{m_program};
    command.insert(command.end(), m_arguments.begin(), m_arguments.end());
    if (m_info.language == "javascript") {
        command.insert(command.end(), {(harnessDirectory() / "harness.js").string(), fd});
        return command;
    }
    // -E: PYTHON* variables of another installation must not leak in (the embedded runtime ignores them too);
    // -B: no .pyc files next to the workloads.
    command.insert(command.end(), {"-E", "-B", (harnessDirectory() / "harness.py").string(), fd});
    return command;
}

void ExternalProcessRuntime::cancel()
{
    m_stopper.request();
}

Result ExternalProcessRuntime::execute(const RunJob& job, EventSink& sink)
{
    HarnessJobContext context(job, sink);
    // sample_begin and sample arrive through the pipe, each read as late as this thread is scheduled (its own waits for
    // a CPU are allowed for, but a wake-up is not only a wait). A forged clock (0 ns, or a clock running at a fraction
    // of real time on samples of the default 50 ms) is still far outside 10% + 21 ms.
    context.setClockSlackNs(20'000'000);
    m_stopper.reset();

    std::optional<std::string> resultJson;
    std::string junk;
    std::int64_t outputBudget = job.options.outputLimitBytes;
    pid_t watchedPid = -1;
    const std::string rssSeries = m_info.name + " RSS";

    ChildCallbacks callbacks;
    callbacks.onPid = [&](pid_t pid) {
        if (watchedPid > 0)
            WatchedProcesses::remove(watchedPid);
        watchedPid = pid;
        context.setHarnessProcess(pid);
        if (pid > 0)
            WatchedProcesses::add(pid, rssSeries);
    };
    callbacks.onProtocolLine = [&](std::string_view line) {
        json message;
        try {
            message = json::parse(line);
        } catch (const std::exception&) {
            junk = std::string(line);
            return false;
        }
        if (!message.is_object() || !message.contains("event") || !message["event"].is_string()) {
            junk = std::string(line);
            return false;
        }
        try {
            const std::string event = message["event"].get<std::string>();
            if (event == "sample_begin") {
                context.sampleBegin();
            } else if (event == "calibrated") {
                context.calibrated(message.at("inner_loops").get<std::int64_t>(),
                                   message.at("elapsed_ns").get<std::int64_t>());
            } else if (event == "sample") {
                context.sample(message.at("index").get<int>(), message.at("warmup").get<bool>(),
                               message.at("inner_loops").get<std::int64_t>(),
                               message.at("elapsed_ns").get<std::int64_t>(), message.value("heap_bytes", -1LL));
            } else if (event == "output") {
                context.output(message.at("stream").get<std::string>(), message.at("text").get<std::string>());
            } else if (event == "gc") {
                sink.post(GcEvent{steadyNowNs(), m_info.name, message.at("pause_ns").get<std::int64_t>(), m_info.id});
            } else if (event == "done") {
                resultJson = message.at("result").dump();
            }
            // Unknown event names are skipped: a newer harness may report more than this Versus knows.
        } catch (const std::exception&) {
            junk = std::string(line);
            return false;
        }
        return true;
    };
    callbacks.onOutput = [&](const char* stream, std::string_view text) {
        // What the interpreter itself wrote (the harness captures the workload's prints): kept up to the budget.
        const auto size = static_cast<std::int64_t>(text.size());
        if (outputBudget >= size) {
            outputBudget -= size;
            context.output(stream, std::string(text));
        }
    };

    ChildSpec spec;
    spec.argv = harnessCommand();
    spec.stdinData = context.jobJson();
    spec.protocolPipe = true;
    spec.environment = m_environment;
    const ChildOutcome outcome = runChild(spec, callbacks, &m_stopper);

    // The child's own figures for every way this job ends, for the hyperfine export (one child per job).
    auto withChildFigures = [&outcome](Result result) {
        result.childUserNs = outcome.userNs;
        result.childSysNs = outcome.sysNs;
        result.childExitCode = outcome.exited ? outcome.exitCode : -1;
        return result;
    };
    if (!outcome.startError.empty())
        return context.fail(FailureKind::RuntimeUnavailable,
                            m_info.name + " " + outcome.describeEnd()
                                + ". Check the interpreter path with 'versus list'.");
    if (!junk.empty())
        return withChildFigures(context.fail(FailureKind::Protocol,
                                             m_info.name + " (" + m_program
                                                 + ") wrote something on its result pipe that is not the "
                                                   "Versus harness protocol: '"
                                                 + shorten(junk) + "'. Check that " + m_program + " is a "
                                                 + m_info.language + " interpreter that can run the Versus harness."
                                                 + withLastLines(outcome)));
    if (resultJson)
        return withChildFigures(context.finish(*resultJson));
    if (outcome.stopped && !outcome.timedOut)
        return withChildFigures(context.fail(FailureKind::Cancelled, "cancelled"));
    return withChildFigures(context.fail(FailureKind::Crash,
                                         m_info.name + " " + outcome.describeEnd() + " before it reported a result."
                                             + withLastLines(outcome)));
}

// ---- Interpreter identification ----------------------------------------------------------------------------------

std::string resolveProgram(const std::string& program)
{
    auto executable = [](const std::string& path) {
        struct stat st { };
        return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(path.c_str(), X_OK) == 0;
    };
    if (program.find('/') != std::string::npos)
        return executable(program) ? program : std::string();
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const std::size_t end = std::min(dirs.find(':', start), dirs.size());
        const std::string dir = dirs.substr(start, end - start);
        const std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
        if (executable(candidate))
            return candidate;
        start = end + 1;
    }
    return {};
}

namespace {

InterpreterIdentity parseVersionOutput(const std::string& text)
{
    InterpreterIdentity id;
    std::smatch m;
    if (std::regex_search(text, m, std::regex(R"(Python (\d+\.\d+\.\d+)[\s\S]*PyPy (\d+\.\d+\.\d+))"))) {
        id = {"python", "PyPy", m[2], "Python " + m[1].str(), ""};
    } else if (std::regex_search(text, m, std::regex(R"(^Python (\d+\.\d+\.\d+\S*))"))) {
        id = {"python", "CPython", m[1], "", ""};
    } else if (std::regex_search(text, m, std::regex(R"(^v(\d+\.\d+\.\d+))"))) {
        id = {"javascript", "Node.js", m[1], "", ""};
    }
    return id;
}

std::mutex g_identityMutex;

}  // namespace

InterpreterIdentity identifyInterpreter(const std::string& program, const std::vector<std::string>& environment)
{
    const std::string path = resolveProgram(program);
    if (path.empty())
        return {"", "", "", "",
                "'" + program + "' was not found" + (program.find('/') == std::string::npos ? " on PATH" : "")
                    + " or is not executable"};
    // The key changes when the binary is replaced.
    const std::string key = executableKey(path);
    static std::map<std::string, InterpreterIdentity> memory;
    static const DiskCache disk("interpreters.json");
    {
        std::lock_guard lock(g_identityMutex);
        if (auto it = memory.find(key); it != memory.end())
            return it->second;
    }
    if (const auto c = disk.get(key); c && c->is_object()) {
        InterpreterIdentity id{c->value("language", ""), c->value("family", ""), c->value("version", ""),
                               c->value("detail", ""), ""};
        std::lock_guard lock(g_identityMutex);
        memory[key] = id;
        return id;
    }

    ChildSpec spec;
    spec.argv = {path, "--version"};
    spec.environment = environment;
    spec.throughHelper = false;
    spec.timeoutS = 2;
    const ChildOutcome outcome = runChild(spec, {});
    const std::string text = outcome.stdoutTail + outcome.stderrTail;
    InterpreterIdentity id = parseVersionOutput(text);
    if (!outcome.startError.empty())
        id.error = path + " " + outcome.describeEnd();
    else if (outcome.timedOut)
        id.error = "'" + path + " --version' did not answer within 2 s";
    else if (id.language.empty())
        id.error = "'" + path + " --version' printed '" + shorten(text, 80)
            + "', which is neither a Python nor a Node.js version: give the language explicitly";
    if (!id.error.empty())
        return id;  // not cached: the next attempt may work

    {
        std::lock_guard lock(g_identityMutex);
        memory[key] = id;
    }
    disk.put(key, {{"language", id.language}, {"family", id.family}, {"version", id.version}, {"detail", id.detail}});
    return id;
}

InterpreterCommand debianNode18Command()
{
    InterpreterCommand command;
#ifdef VERSUS_LIBNODE_PREFIX
    const std::filesystem::path prefix = VERSUS_LIBNODE_PREFIX;
    std::error_code ec;
    command.program = (prefix == "/usr" ? prefix / "bin/node" : prefix / "usr/bin/node").string();
    if (const auto libDir = prefix / "usr/lib/x86_64-linux-gnu";
        prefix != "/usr" && std::filesystem::is_directory(libDir, ec)) {
        std::string path = libDir.string();
        if (const char* inherited = std::getenv("LD_LIBRARY_PATH"); inherited && *inherited)
            path += std::string(":") + inherited;
        command.environment.push_back("LD_LIBRARY_PATH=" + path);
    }
#else
    command.program = "/usr/bin/node";
#endif
    return command;
}

// ---- Registration ----------------------------------------------------------------------------------------------

namespace {

struct BuiltinInterpreter {
    std::string id;
    std::string name;  ///< for Node.js, "Node.js (process)" becomes "Node.js 20 (process)" once the version is known
    std::string program;
    std::string language;
    std::string installHint;
    std::vector<std::string> environment;
    int requiredMajor = 0;  ///< > 0: another major version is unavailable (node18-process must be the embedded Node's)
    std::vector<std::string> arguments = {};  ///< for the interpreter, before the harness script
};

BuiltinInterpreter node18Interpreter()
{
    const InterpreterCommand node = debianNode18Command();
    return {"node18-process",
            "Node.js (process)",
            node.program,
            "javascript",
            "run packaging/install-deps, which unpacks Debian's nodejs 18 package next to libnode "
            "(apt-get download nodejs=18.*; dpkg -x)",
            node.environment,
            18};
}

std::vector<BuiltinInterpreter> builtinInterpreters()
{
    return {
        {"python3",
         "CPython (process)",
         "/usr/bin/python3.11",
         "python",
         "install it with 'apt install python3.11'",
         {},
         0},
        {"node-process",
         "Node.js (process)",
         "node",
         "javascript",
         "install Node.js 20 so that 'node' is on PATH",
         {},
         0},
        // The classroom's "What if V8 had no JIT": the same node, its JIT compilers off (interpreter only).
        {"node-jitless",
         "Node.js (process)",
         "node",
         "javascript",
         "install Node.js 20 so that 'node' is on PATH",
         {},
         0,
         {"--jitless"}},
        node18Interpreter(),
        {"pypy3", "PyPy (process)", "pypy3", "python", "install it with 'apt install pypy3'", {}, 0},
    };
}

int majorVersion(const std::string& version)
{
    return std::atoi(version.c_str());
}

RuntimeDescriptor describe(const std::string& id, const std::string& name, const std::string& program,
                           const std::string& language, const InterpreterIdentity& identity,
                           const std::string& installHint, const std::vector<std::string>& environment = {},
                           const std::vector<std::string>& arguments = {})
{
    RuntimeDescriptor d;
    d.info.id = id;
    d.info.name = name;
    d.info.language = language.empty() ? identity.language : language;
    d.info.version = identity.version.empty() ? "?" : identity.version;
    d.info.detail = identity.detail;
    d.info.embedded = false;
    if (!identity.error.empty())
        d.unavailableReason = identity.error + (installHint.empty() ? "" : "; " + installHint);
    else if (d.info.language != "python" && d.info.language != "javascript")
        d.unavailableReason = "language '" + d.info.language + "' has no harness: use python or javascript";
    const std::string resolved = resolveProgram(program);
    RuntimeInfo info = d.info;
    d.create = [info, resolved, environment, arguments] {
        return std::make_unique<ExternalProcessRuntime>(info, resolved, environment, arguments);
    };
    d.probeModule = moduleProbe(info, resolved, environment);
    d.probeDependsOnFolder = info.language == "javascript";
    return d;
}

}  // namespace

void registerExternalRuntimes(RuntimeRegistry& registry)
{
    const std::vector<BuiltinInterpreter> builtins = builtinInterpreters();
    // One `--version` per interpreter, all at once (cached on disk after the first time).
    std::vector<std::future<InterpreterIdentity>> identities;
    for (const auto& b : builtins)
        identities.push_back(std::async(std::launch::async, [program = b.program, environment = b.environment] {
            return identifyInterpreter(program, environment);
        }));
    for (std::size_t i = 0; i < builtins.size(); ++i) {
        const auto& b = builtins[i];
        InterpreterIdentity identity = identities[i].get();
        const int major = majorVersion(identity.version);
        if (identity.error.empty() && b.requiredMajor > 0 && major != b.requiredMajor)
            identity.error = b.program + " is " + identity.family + " " + identity.version + ", not "
                + std::to_string(b.requiredMajor) + " like the embedded one";
        std::string name = b.name;
        if (identity.family == "Node.js" && major > 0)
            name = "Node.js " + std::to_string(major) + " (process)";
        else if (b.requiredMajor > 0)
            name = "Node.js " + std::to_string(b.requiredMajor) + " (process)";
        for (const std::string& argument : b.arguments)  // "Node.js 20 (process, --jitless)"
            name.insert(name.size() - 1, ", " + argument);
        registry.add(describe(b.id, name, b.program, b.language, identity, b.installHint, b.environment, b.arguments));
    }
}

Expected<void> registerExternalInterpreter(RuntimeRegistry& registry, const std::string& id, const std::string& path,
                                           const std::string& language)
{
    if (id.empty() || path.empty())
        return Error{"an interpreter needs a name and a path: --interpreter NAME=PATH"};
    if (registry.descriptor(id))
        return Error{"a runtime named '" + id + "' exists already: choose another name"};
    if (!language.empty() && language != "python" && language != "javascript")
        return Error{"language '" + language + "' has no harness: use python or javascript"};
    InterpreterIdentity identity = identifyInterpreter(path);
    if (!language.empty() && !identity.error.empty() && !resolveProgram(path).empty())
        identity.error.clear();  // the language was given: an unusual --version answer does not matter
    const std::string family =
        identity.family.empty() ? std::filesystem::path(path).filename().string() : identity.family;
    RuntimeDescriptor d = describe(id, family + " (" + id + ", process)", path, language, identity, "");
    registry.add(d);
    if (!d.unavailableReason.empty())
        return Error{d.unavailableReason};
    return {};
}

}  // namespace versus
