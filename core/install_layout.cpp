// The install layout, relative to the running executable (see install_layout.h).
#include "install_layout.h"

#ifndef VERSUS_INSTALL_DATA_DIR
#error "VERSUS_INSTALL_DATA_DIR must be set by CMake (the destination packaging/CMakeLists.txt installs data to)"
#endif
#ifndef VERSUS_INSTALL_HELPER_DIR
#error "VERSUS_INSTALL_HELPER_DIR must be set by CMake (the destination of versus-spawn)"
#endif

#include <cstdlib>

namespace versus {

Expected<std::filesystem::path> programFromEnvironment(const char* variable)
{
    const char* value = std::getenv(variable);
    if (!value || !*value)
        return std::filesystem::path();
    std::error_code ec;
    if (std::filesystem::is_regular_file(value, ec))
        return std::filesystem::path(value);
    return Error{std::string(variable) + " points to '" + value + "', which does not exist: unset it or fix the path"};
}

namespace {

// The install prefix as seen from the executable, which lives in <prefix>/bin.
std::filesystem::path prefixOfExecutable()
{
    const auto exe = executablePath();
    return exe.empty() ? std::filesystem::path() : exe.parent_path().parent_path();
}

}  // namespace

std::filesystem::path executablePath()
{
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : exe;
}

std::filesystem::path installedDataDirectory()
{
    const auto prefix = prefixOfExecutable();
    if (prefix.empty())
        return {};
    const auto data = prefix / VERSUS_INSTALL_DATA_DIR;
    std::error_code ec;
    return std::filesystem::is_directory(data / "workloads", ec) ? data : std::filesystem::path();
}

std::filesystem::path installedHelperDirectory()
{
    const auto prefix = prefixOfExecutable();
    return prefix.empty() ? std::filesystem::path() : prefix / VERSUS_INSTALL_HELPER_DIR;
}

Expected<std::filesystem::path> findHelperProgram(const std::string& name, const char* environmentVariable,
                                                  const std::filesystem::path& buildPath)
{
    const auto named = programFromEnvironment(environmentVariable);
    if (!named || !named->empty())
        return named;
    std::error_code ec;
    const auto exe = executablePath();
    // Installed: <prefix>/lib/versus; the build tree keeps it next to the versus executable.
    for (const auto& dir : {installedHelperDirectory(), exe.parent_path()}) {
        if (dir.empty())
            continue;
        const auto helper = dir / name;
        if (std::filesystem::is_regular_file(helper, ec))
            return helper;
    }
    if (!buildPath.empty() && std::filesystem::is_regular_file(buildPath, ec))
        return buildPath;
    return Error{"the helper program '" + name + "' was not found in " + installedHelperDirectory().string()
                 + " nor next to " + exe.string() + ": build the " + name + " target (or reinstall Versus), or set "
                 + environmentVariable + " to its path"};
}

}  // namespace versus
