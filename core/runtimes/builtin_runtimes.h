// Registers every runtime Versus ships with; none is created until a run asks for it.
#pragma once

#include "runtime_registry.h"

namespace versus {

void registerBuiltinRuntimes(RuntimeRegistry& registry);

} // namespace versus
