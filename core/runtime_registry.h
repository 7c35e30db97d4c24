// Knows every runtime Versus can use and creates each one lazily, the first time a run needs it.
#pragma once

#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
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
    /// Whether every module `implementation` declares it needs (`requires` in its manifest) imports in runtime `id`.
    /// The one place that rule lives: the scheduler's plan, `versus list` and every front end ask here. Each module is
    /// probed once per runtime (and per folder for npm packages) and the answer kept for the life of the registry;
    /// the error says which runtime cannot import what, and what to install. Success for an unknown or unavailable
    /// runtime (get() says why) and for one that cannot probe. Any thread; probes of different modules run concurrently.
    Expected<void> checkRequirements(const std::string& id, const Implementation& implementation);
    /// How many probes checkRequirements ran so far (tests check the cache with it).
    int probeCount() const;
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
    /// (runtime id, module, folder or "") -> the probe's answer, once given; empty string: the module imports.
    std::map<std::tuple<std::string, std::string, std::string>, std::shared_future<std::string>> m_probed;
    int m_probeCount = 0;
    mutable std::mutex m_probeMutex;  // guards m_probed and m_probeCount, never held while a probe runs
};

/// "CPython (embedded): <its known bias>" for each of `runtimeIds` that has one, in order, once each: the warnings a
/// run's results carry about the instrument itself.
std::vector<std::string> runtimeBiasWarnings(const RuntimeRegistry& registry,
                                             const std::vector<std::string>& runtimeIds);

}  // namespace versus
