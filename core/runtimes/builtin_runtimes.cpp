// The list of built-in runtimes, in the order people expect to see them.
#include "builtin_runtimes.h"

#include "native/native_runtime.h"
#include "node/embedded_node_runtime.h"
#include "python/embedded_python_runtime.h"

namespace versus {

void registerBuiltinRuntimes(RuntimeRegistry& registry)
{
    registry.add(EmbeddedPythonRuntime::descriptor());
    registry.add(EmbeddedNodeRuntime::descriptor());
    registry.add(NativeRuntime::descriptor());
}

} // namespace versus
