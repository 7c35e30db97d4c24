// Whether an interpreter can import a module a flavour declares it needs (`requires` in a manifest), asked in a child
// process of that interpreter so that nothing is loaded into Versus.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "expected.h"
#include "runtime.h"

namespace versus {

/// A RuntimeDescriptor::probeModule for the interpreter `program` (with `environment` on top of Versus's own) of the
/// runtime `info`: `python -E -c 'import_module(m)'`, or `node -e 'require(m)'` resolved from the script's folder.
/// The error is one sentence: "PyPy 7.3.11 (process) cannot import numpy: Debian has no PyPy build of it: ...".
std::function<Expected<void>(const std::string&, const std::filesystem::path&)> moduleProbe(
    const RuntimeInfo& info, const std::string& program, const std::vector<std::string>& environment = {});

}  // namespace versus
