// Where an installed Versus keeps its files, relative to the running executable: the one rule that the data
// lookup (catalog.cpp) and the helper lookup (child_process.cpp) share, and that packaging/CMakeLists.txt installs.
#pragma once

#include <filesystem>

#include "expected.h"
#include <optional>
#include <string>

namespace versus {

/// The running executable (/proc/self/exe); empty when it cannot be read.
std::filesystem::path executablePath();

/// `<exe dir>/../share/versus` when it holds workloads/ (an installed Versus), else empty (the build tree).
std::filesystem::path installedDataDirectory();

/// The program a user named in environment variable `variable` (VERSUS_SPAWN, VERSUS_WORKER), which overrides the
/// lookup (VERSUS_GUI too): an empty path when it is unset or empty; an error when it names no file.
Expected<std::filesystem::path> programFromEnvironment(const char* variable);

/// `<exe dir>/../lib/versus`: where an installed Versus keeps helper programs such as versus-spawn.
std::filesystem::path installedHelperDirectory();

/// A helper program (versus-spawn, versus-connect): the one `environmentVariable` names, else `name` in
/// installedHelperDirectory() or next to the running executable, else `buildPath` (the build tree's copy, for test
/// executables that live elsewhere); the error says where it looked and what to do.
Expected<std::filesystem::path> findHelperProgram(const std::string& name, const char* environmentVariable,
                                                  const std::filesystem::path& buildPath);

}  // namespace versus
