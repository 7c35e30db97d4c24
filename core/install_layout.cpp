// The install layout, relative to the running executable (see install_layout.h).
#include "install_layout.h"

#ifndef VERSUS_INSTALL_DATA_DIR
#error "VERSUS_INSTALL_DATA_DIR must be set by CMake (the destination packaging/CMakeLists.txt installs data to)"
#endif
#ifndef VERSUS_INSTALL_HELPER_DIR
#error "VERSUS_INSTALL_HELPER_DIR must be set by CMake (the destination of versus-spawn)"
#endif

namespace versus {

namespace {

// The install prefix as seen from the executable, which lives in <prefix>/bin.
std::filesystem::path prefixOfExecutable()
{
    const auto exe = executablePath();
    return exe.empty() ? std::filesystem::path() : exe.parent_path().parent_path();
}

} // namespace

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

} // namespace versus
