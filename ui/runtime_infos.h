// Every runtime of the registry as it reports itself now: a created one with its full version (V8's, a user
// interpreter's), the others as their descriptors say. Never creates a runtime.
#pragma once

#include <vector>

#include "runtime_registry.h"

namespace versus::gui {

/// In the registry's order. Non-const only because a created runtime is read through get(); nothing is created.
std::vector<RuntimeInfo> runtimeInfosNow(RuntimeRegistry& registry);

} // namespace versus::gui
