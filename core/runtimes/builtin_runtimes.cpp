// The list of built-in runtimes, in the order people expect to see them.
#include "builtin_runtimes.h"

#include "node/embedded_node_runtime.h"
#include "python/embedded_python_runtime.h"

namespace versus {

void registerBuiltinRuntimes(RuntimeRegistry& registry)
{
    registry.add(EmbeddedPythonRuntime::descriptor());
    registry.add(EmbeddedNodeRuntime::descriptor());
}

} // namespace versus
