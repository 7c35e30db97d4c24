// Answers worth keeping between runs of Versus (an interpreter's version, whether it can import a module), in small
// JSON files under $XDG_CACHE_HOME/versus (else ~/.cache/versus), so that `versus list` and the window's first
// launch do not start dozens of interpreters every time.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace versus {

/// One JSON object file of key -> answer. Reads and writes are whole-file and serialised within the process; writers
/// in other processes replace the file atomically, so the worst a race does is lose an entry (asked again later).
/// Without a home or cache folder it keeps nothing and every get() misses.
class DiskCache {
public:
    /// `fileName` inside the cache folder: "interpreters.json".
    explicit DiskCache(std::string fileName);
    std::optional<nlohmann::json> get(const std::string& key) const;
    void put(const std::string& key, const nlohmann::json& value) const;

private:
    std::string m_fileName;
};

/// "path|size|mtime" of an executable: a key that changes when the binary is replaced or upgraded.
std::string executableKey(const std::string& path);

}  // namespace versus
