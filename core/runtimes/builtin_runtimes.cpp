// The list of built-in runtimes, in the order people expect to see them.
#include "builtin_runtimes.h"

#include "external/external_process_runtime.h"
#include "external/module_probe.h"
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
        // Probed with the interpreter the embedded one is (the same libpython's /usr/bin/python3.11 -E, the Node 18
        // executable of the same libnode), in a child: a probe loads nothing into the measuring process.
        const bool javascript = d.info.language == "javascript";
        d.probeModule = moduleProbe(d.info, javascript ? node18.program : VERSUS_PYTHON_EXECUTABLE,
                                    javascript ? node18.environment : std::vector<std::string>{});
        d.probeDependsOnFolder = javascript;
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
