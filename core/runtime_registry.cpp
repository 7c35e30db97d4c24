// Lazy runtime creation: nothing is initialised before a run asks for it.
#include "runtime_registry.h"

#include <algorithm>

namespace versus {

std::string RuntimeInfo::displayVersion() const
{
    std::string base = name;
    auto paren = base.find(" (");
    std::string suffix;
    if (paren != std::string::npos) {
        suffix = base.substr(paren);
        base = base.substr(0, paren);
    }
    // "Node.js 20" with version 20.20.2 reads "Node.js 20.20.2", not "Node.js 20 20.20.2".
    if (const auto space = base.rfind(' ');
        space != std::string::npos && version.rfind(base.substr(space + 1) + ".", 0) == 0)
        base.erase(space);
    std::string text = base + " " + version;
    if (!detail.empty())
        text += " / " + detail;
    return text + suffix;
}

void RuntimeRegistry::add(RuntimeDescriptor descriptor)
{
    std::lock_guard lock(m_mutex);
    m_descriptors.push_back(std::move(descriptor));
}

const RuntimeDescriptor* RuntimeRegistry::descriptor(const std::string& id) const
{
    for (const auto& d : m_descriptors)
        if (d.info.id == id)
            return &d;
    return nullptr;
}

Expected<Runtime*> RuntimeRegistry::get(const std::string& id)
{
    return create(id, false);
}

Expected<Runtime*> RuntimeRegistry::getIsolated(const std::string& id)
{
    return create(id, true);
}

Expected<Runtime*> RuntimeRegistry::create(const std::string& id, bool isolated)
{
    std::lock_guard lock(m_mutex);
    const RuntimeDescriptor* d = descriptor(id);
    isolated = isolated && d && d->createIsolated;
    // The isolated form is kept apart from the in-process one: a plan may use both.
    const std::string key = isolated ? "isolated:" + id : id;
    for (auto& [createdId, runtime] : m_created)
        if (createdId == key)
            return runtime.get();
    if (!d) {
        std::string known;
        for (const auto& other : m_descriptors)
            known += (known.empty() ? "" : ", ") + other.info.id;
        return Error{"unknown runtime '" + id + "' (known: " + known + ")"};
    }
    if (!d->available())
        return Error{d->info.name + " is unavailable: " + d->unavailableReason};
    auto runtime = isolated ? d->createIsolated() : d->create();
    if (!runtime)
        return Error{d->info.name + " could not be created"};
    m_created.emplace_back(key, std::move(runtime));
    return m_created.back().second.get();
}

std::optional<RuntimeInfo> RuntimeRegistry::info(const std::string& id) const
{
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [createdId, runtime] : m_created)
            if (createdId == id)
                return runtime->info();
    }
    if (const RuntimeDescriptor* d = descriptor(id))
        return d->info;
    return std::nullopt;
}

std::vector<RuntimeInfo> RuntimeRegistry::infos() const
{
    std::vector<RuntimeInfo> all;
    for (const auto& d : m_descriptors)
        all.push_back(info(d.info.id).value_or(d.info));
    return all;
}

Expected<void> RuntimeRegistry::checkRequirements(const std::string& id, const Implementation& implementation)
{
    const RuntimeDescriptor* d = descriptor(id);
    if (!d || !d->available() || !d->probeModule)
        return {};
    const std::filesystem::path folder = implementation.file.parent_path();
    for (const std::string& module : implementation.requires_) {
        const auto key = std::make_tuple(id, module, d->probeDependsOnFolder ? folder.string() : std::string());
        // The first asker probes; later askers of the same module wait for its answer. Different modules and
        // runtimes are probed at the same time (versus list asks for all of them at once).
        std::promise<std::string> mine;
        std::shared_future<std::string> answer;
        bool probeHere = false;
        {
            std::lock_guard lock(m_probeMutex);
            auto found = m_probed.find(key);
            if (found == m_probed.end()) {
                ++m_probeCount;
                probeHere = true;
                found = m_probed.emplace(key, mine.get_future().share()).first;
            }
            answer = found->second;
        }
        if (probeHere) {
            const Expected<void> imported = d->probeModule(module, folder);
            std::string text = imported ? std::string() : imported.error();
            if (!imported && text.empty())
                text = d->info.name + " cannot import " + module;
            mine.set_value(std::move(text));
        }
        if (!answer.get().empty())
            return Error{answer.get()};
    }
    return {};
}

int RuntimeRegistry::probeCount() const
{
    std::lock_guard lock(m_probeMutex);
    return m_probeCount;
}

bool RuntimeRegistry::isCreated(const std::string& id) const
{
    std::lock_guard lock(m_mutex);
    for (const auto& [createdId, runtime] : m_created)
        if (createdId == id)
            return true;
    return false;
}

std::vector<std::string> runtimeBiasWarnings(const RuntimeRegistry& registry,
                                             const std::vector<std::string>& runtimeIds)
{
    std::vector<std::string> warnings;
    for (const auto& id : runtimeIds) {
        const RuntimeDescriptor* d = registry.descriptor(id);
        if (!d || d->info.knownBias.empty())
            continue;
        std::string text = d->info.name + ": " + d->info.knownBias;
        if (std::find(warnings.begin(), warnings.end(), text) == warnings.end())
            warnings.push_back(std::move(text));
    }
    return warnings;
}

}  // namespace versus
