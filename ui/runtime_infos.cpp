// What the runtimes report of themselves, for results documents and the About box.
#include "runtime_infos.h"

namespace versus::gui {

std::vector<RuntimeInfo> runtimeInfosNow(RuntimeRegistry& registry)
{
    std::vector<RuntimeInfo> infos;
    for (const auto& d : registry.descriptors()) {
        if (registry.isCreated(d.info.id)) {
            std::string ignored;
            infos.push_back(registry.get(d.info.id, &ignored)->info());
        } else {
            infos.push_back(d.info);
        }
    }
    return infos;
}

} // namespace versus::gui
