// Knows every runtime Versus can use and creates each one lazily, the first time a run needs it.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "expected.h"
#include "runtime.h"

namespace versus {

class RuntimeRegistry {
public:
    void add(RuntimeDescriptor descriptor);
    const std::vector<RuntimeDescriptor>& descriptors() const { return m_descriptors; }
    const RuntimeDescriptor* descriptor(const std::string& id) const;
    /// The runtime with this id, created now if needed; the error says why when it is unknown or unavailable.
    Expected<Runtime*> get(const std::string& id);
    /// The runtime with this id in an isolated worker process, created now if needed; the plain runtime when its
    /// descriptor has no isolated form (it already runs every job in a child process). Errors as for get().
    Expected<Runtime*> getIsolated(const std::string& id);
    /// True when the runtime was already created (tests use it to check laziness).
    bool isCreated(const std::string& id) const;
    /// What is known of the runtime without creating it: a created runtime's own info (V8's full version, a user
    /// interpreter's), else its descriptor's; empty for an unknown id.
    std::optional<RuntimeInfo> info(const std::string& id) const;
    /// info() of every runtime, in the registry's order (results documents, the About box). Creates none.
    std::vector<RuntimeInfo> infos() const;

private:
    Expected<Runtime*> create(const std::string& id, bool isolated);

    std::vector<RuntimeDescriptor> m_descriptors;
    std::vector<std::pair<std::string, std::unique_ptr<Runtime>>> m_created;
    mutable std::mutex m_mutex;
};

/// "CPython (embedded): <its known bias>" for each of `runtimeIds` that has one, in order, once each: the warnings a
/// run's results carry about the instrument itself.
std::vector<std::string> runtimeBiasWarnings(const RuntimeRegistry& registry,
                                             const std::vector<std::string>& runtimeIds);

}  // namespace versus
