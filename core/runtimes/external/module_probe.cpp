// Module probes: one short child process of the interpreter per question; RuntimeRegistry keeps the answers.
#include "module_probe.h"

#include "child_process.h"

namespace versus {

namespace {

/// The line of `text` holding `needle` (the exception line of a traceback), else "".
std::string lineWith(const std::string& text, const std::string& needle)
{
    const auto at = text.rfind(needle);
    if (at == std::string::npos)
        return {};
    const auto begin = text.rfind('\n', at);
    const auto end = text.find('\n', at);
    std::string line = text.substr(begin == std::string::npos ? 0 : begin + 1,
                                   end == std::string::npos ? std::string::npos : end - begin - 1);
    return line.size() > 200 ? line.substr(0, 200) + "..." : line;
}

/// " (ImportError: ...)" when the probe failed for another reason than the module missing, else "".
std::string otherCause(const std::string& stderrTail, const std::string& missingText)
{
    if (!lineWith(stderrTail, missingText).empty())
        return {};
    const std::string line = lineWith(stderrTail, "Error");
    return line.empty() ? std::string() : " (" + line + ")";
}

std::string pythonHint(const RuntimeInfo& info, const std::string& module)
{
    const std::string top = module.substr(0, module.find('.'));
    if (info.name.rfind("PyPy", 0) == 0)
        return "Debian has no PyPy build of it: install it with 'pypy3 -m pip install " + top
            + "', or run this flavour on CPython";
    std::string package = top;
    for (char& c : package)
        c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return "install it (on Debian: apt install python3-" + package + ") or run this flavour on another runtime";
}

}  // namespace

std::function<Expected<void>(const std::string&, const std::filesystem::path&)> moduleProbe(
    const RuntimeInfo& info, const std::string& program, const std::vector<std::string>& environment)
{
    RuntimeInfo named = info;
    named.detail.clear();  // "Node.js 18.19.0 (embedded)", without V8's version
    const std::string runtime = named.displayVersion();
    const bool javascript = info.language == "javascript";
    return [=](const std::string& module, const std::filesystem::path& folder) -> Expected<void> {
        ChildSpec spec;
        // The module name is an argument, never part of the code. An npm package must resolve (be installed) from
        // the workload's folder or from the catalog's shared `_lib` beside it, whose scripts the workloads require
        // (the database clients); it is not loaded, since some need what their workload sets up first (Prisma's
        // generated client).
        const std::filesystem::path shared = folder.parent_path() / "_lib";
        spec.argv = javascript
            ? std::vector<std::string>{program,
                                       "-e",
                                       "require.resolve(process.argv[1], {paths: process.argv.slice(2)})",
                                       module,
                                       folder.string(),
                                       shared.string()}
            : std::vector<std::string>{
                program, "-E", "-B", "-c", "import importlib, sys; importlib.import_module(sys.argv[1])", module};
        spec.throughHelper = false;
        spec.timeoutS = 60;
        spec.environment = environment;
        const ChildOutcome outcome = runChild(spec, {});
        if (outcome.exited && outcome.exitCode == 0)
            return {};
        if (!outcome.startError.empty() || outcome.timedOut || !outcome.exited)
            return Error{runtime + " could not be asked whether it can import " + module + ": it "
                         + (outcome.startError.empty() ? outcome.describeEnd() : outcome.startError)};
        if (javascript) {
            const std::string cause = otherCause(outcome.stderrTail, "Cannot find module '" + module + "'");
            return Error{runtime + " cannot load the npm package '" + module + "' from " + folder.string() + " or "
                         + shared.string() + cause
                         + ": run packaging/install-deps (it runs npm ci where the package.json is)"};
        }
        const std::string cause =
            otherCause(outcome.stderrTail, "No module named '" + module.substr(0, module.find('.')));
        return Error{runtime + " cannot import " + module + cause + ": " + pythonHint(info, module)};
    };
}

}  // namespace versus
