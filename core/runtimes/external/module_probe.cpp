// Module probes: one short child process of the interpreter per question, its answer kept on disk until a folder
// the interpreter imports from changes; RuntimeRegistry keeps the answers of one Versus process.
#include "module_probe.h"

#include <fstream>

#include <sys/stat.h>

#include "child_process.h"
#include "disk_cache.h"

namespace versus {

using nlohmann::json;

namespace {

// The probes. Each prints, as its first line, the folders it looks the module up in (JSON), then imports (Python) or
// resolves (npm) the module named by its first argument; Python's folders include the user's site-packages even before
// it exists (`pip install --user` creates it). Python drops the current folder from sys.path so that the
// answer does not depend on where Versus was started. An npm package must resolve (be installed) from the workload's
// folder or from the catalog's shared `_lib` beside it, whose scripts the workloads require (the database clients);
// it is not loaded, since some need what their workload sets up first (Prisma's generated client).
constexpr const char* kPythonProbe = "import importlib, json, site, sys\n"
                                     "sys.path[:] = [p for p in sys.path if p]\n"
                                     "print(json.dumps(sys.path + [site.getusersitepackages()]), flush=True)\n"
                                     "importlib.import_module(sys.argv[1])\n";
constexpr const char* kNodeProbe =
    "const M = require('module'), [m, ...p] = process.argv.slice(1);"
    "console.log(JSON.stringify([...p.flatMap(x => M._nodeModulePaths(x)), ...M.globalPaths]));"
    "require.resolve(m, {paths: p})";

/// What a probe found, as kept on disk: whether it imported and, if not, what it wrote on stderr.
struct ProbeAnswer {
    bool imported = false;
    std::string stderrTail;
};

/// Nanoseconds since the epoch of `path`'s last change, or -1 when it does not exist.
long long changedAt(const std::filesystem::path& path)
{
    struct stat st { };
    if (stat(path.c_str(), &st) != 0)
        return -1;
    return static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

/// When each folder a probe looked in (and the module's entry there: a scoped package's "@scope", a Python package)
/// last changed: installing or removing the module changes one of them, and with it the stamp.
json folderStamps(const json& folders, const std::string& module)
{
    const std::string entry = module.substr(0, module.find_first_of(module.rfind('@', 0) == 0 ? "/" : "./"));
    json stamps = json::array();
    for (const json& folder : folders) {
        if (!folder.is_string())
            continue;
        const std::filesystem::path dir = folder.get<std::string>();
        stamps.push_back({dir.string(), changedAt(dir), changedAt(dir / entry)});
    }
    return stamps;
}

/// The folders a probe printed on its first line; an empty array when it printed none.
json probedFolders(const std::string& stdoutTail)
{
    json folders = json::parse(stdoutTail.substr(0, stdoutTail.find('\n')), nullptr, false);
    return folders.is_array() ? folders : json::array();
}

/// The answer kept for `key`, when none of the folders it was found in has changed since.
std::optional<ProbeAnswer> remembered(const DiskCache& cache, const std::string& key, const std::string& module)
{
    const auto kept = cache.get(key);
    if (!kept || !kept->is_object() || !kept->contains("folders"))
        return std::nullopt;
    json folders = json::array();
    for (const json& stamp : (*kept)["folders"])
        if (stamp.is_array() && !stamp.empty())
            folders.push_back(stamp[0]);
    if (folderStamps(folders, module) != (*kept)["folders"])
        return std::nullopt;
    return ProbeAnswer{kept->value("imported", false), kept->value("stderr", "")};
}

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

/// The folder whose package.json names `module`: the workload's own, else the shared `_lib`'s (where the database
/// clients are declared), else the workload's.
std::filesystem::path declaringFolder(const std::string& module, const std::filesystem::path& folder,
                                      const std::filesystem::path& shared)
{
    for (const auto& candidate : {folder, shared}) {
        std::ifstream in(candidate / "package.json");
        const json manifest = json::parse(in, nullptr, false);
        if (!manifest.is_object())
            continue;
        for (const char* section : {"dependencies", "devDependencies"})
            if (manifest.contains(section) && manifest[section].is_object() && manifest[section].contains(module))
                return candidate;
    }
    return folder;
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
    const std::string interpreter = executableKey(program);
    std::string environmentKey;
    for (const std::string& entry : environment)
        environmentKey += "|" + entry;
    return [=](const std::string& module, const std::filesystem::path& folder) -> Expected<void> {
        static const DiskCache cache("modules.json");
        const std::filesystem::path shared = folder.parent_path() / "_lib";
        const std::string key =
            interpreter + environmentKey + "|" + module + (javascript ? "|" + folder.string() : std::string());
        std::optional<ProbeAnswer> answer = remembered(cache, key, module);
        if (!answer) {
            ChildSpec spec;
            // The module name is an argument, never part of the code.
            spec.argv = javascript
                ? std::vector<std::string>{program, "-e", kNodeProbe, module, folder.string(), shared.string()}
                : std::vector<std::string>{program, "-E", "-B", "-c", kPythonProbe, module};
            spec.throughHelper = false;
            spec.timeoutS = 60;
            spec.environment = environment;
            const ChildOutcome outcome = runChild(spec, {});
            if (!outcome.startError.empty() || outcome.timedOut || !outcome.exited)
                return Error{runtime + " could not be asked whether it can import " + module + ": it "
                             + (outcome.startError.empty() ? outcome.describeEnd() : outcome.startError)};
            answer = ProbeAnswer{outcome.exitCode == 0, outcome.stderrTail};
            if (const json folders = probedFolders(outcome.stdoutTail); !folders.empty())
                cache.put(key,
                          {{"imported", answer->imported},
                           {"stderr", answer->imported ? std::string() : answer->stderrTail},
                           {"folders", folderStamps(folders, module)}});
        }
        if (answer->imported)
            return {};
        if (javascript) {
            const std::string cause = otherCause(answer->stderrTail, "Cannot find module '" + module + "'");
            const std::filesystem::path declaring = declaringFolder(module, folder, shared);
            return Error{runtime + " cannot load the npm package '" + module + "' from " + folder.string() + " or "
                         + shared.string() + cause + ": install it with 'cd " + declaring.string()
                         + " && npm ci' (packaging/install-deps does it in a source tree)"};
        }
        const std::string cause =
            otherCause(answer->stderrTail, "No module named '" + module.substr(0, module.find('.')));
        return Error{runtime + " cannot import " + module + cause + ": " + pythonHint(info, module)};
    };
}

}  // namespace versus
