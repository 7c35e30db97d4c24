// Registers every runtime Versus ships with; none is created until a run asks for it.
#pragma once

#include "memory_sampler.h"
#include "runtime_registry.h"

namespace versus {

void registerBuiltinRuntimes(RuntimeRegistry& registry);
/// Only the embedded runtimes (CPython, Node.js), each with its isolated form: what `versus worker` serves.
void registerEmbeddedRuntimes(RuntimeRegistry& registry);

/// Adds the heap series the built-in runtimes can read cheaply from any thread: "CPython (embedded) heap" (its
/// allocator counters). V8's heap can only be read on its own thread; it comes with each SampleEvent instead.
void addBuiltinMemorySeries(MemorySampler& sampler);

}  // namespace versus
