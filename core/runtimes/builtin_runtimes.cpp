// The list of built-in runtimes, in the order people expect to see them.
#include "builtin_runtimes.h"

#include "external/external_process_runtime.h"
#include "isolated/isolated_runtime.h"
#include "native/native_runtime.h"
#include "node/embedded_node_runtime.h"
#include "python/embedded_python_runtime.h"

namespace versus {

void registerEmbeddedRuntimes(RuntimeRegistry& registry)
{
    // The embedded runtimes run user code in this process; each can also run it in an isolated worker.
    const InterpreterCommand node18 = debianNode18Command();  // child_process.fork's node in embedded Node.js
    for (RuntimeDescriptor d :
         {EmbeddedPythonRuntime::descriptor(), EmbeddedNodeRuntime::descriptor(node18.program, node18.environment)}) {
        d.createIsolated = [info = d.info] { return std::make_unique<IsolatedRuntime>(info); };
        registry.add(std::move(d));
    }
}

void registerBuiltinRuntimes(RuntimeRegistry& registry)
{
    registerEmbeddedRuntimes(registry);
    registry.add(NativeRuntime::descriptor());
    registerExternalRuntimes(registry);
}

void addBuiltinMemorySeries(MemorySampler& sampler)
{
    sampler.addSeries(EmbeddedPythonRuntime::descriptor().info.name + " heap", [] {
        const std::int64_t bytes = EmbeddedPythonRuntime::heapBytes();
        return bytes > 0 ? bytes : -1;  // nothing before the interpreter exists
    });
}

}  // namespace versus
