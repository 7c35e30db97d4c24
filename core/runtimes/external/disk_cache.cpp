// DiskCache: a JSON object per file, read whole, written to a temporary file and renamed over the old one.
#include "disk_cache.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>

#include <sys/stat.h>
#include <unistd.h>

namespace versus {

using nlohmann::json;

namespace {

std::mutex g_cacheMutex;

std::filesystem::path cacheFolder()
{
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "versus";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".cache" / "versus";
    return {};
}

json readObject(const std::filesystem::path& file)
{
    std::ifstream in(file);
    json all = json::parse(in, nullptr, false);
    return all.is_object() ? all : json::object();
}

}  // namespace

DiskCache::DiskCache(std::string fileName) : m_fileName(std::move(fileName)) { }

std::optional<json> DiskCache::get(const std::string& key) const
{
    const std::filesystem::path folder = cacheFolder();
    if (folder.empty())
        return std::nullopt;
    std::lock_guard lock(g_cacheMutex);
    const json all = readObject(folder / m_fileName);
    if (auto it = all.find(key); it != all.end())
        return *it;
    return std::nullopt;
}

void DiskCache::put(const std::string& key, const json& value) const
{
    const std::filesystem::path folder = cacheFolder();
    if (folder.empty())
        return;
    std::lock_guard lock(g_cacheMutex);
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    const std::filesystem::path file = folder / m_fileName;
    json all = readObject(file);
    all[key] = value;
    const std::string temp = file.string() + "." + std::to_string(getpid());
    {
        std::ofstream out(temp);
        out << all.dump(2) << "\n";
        if (!out.flush()) {
            std::filesystem::remove(temp, ec);  // a full disk: keep the old cache, ask again next time
            return;
        }
    }
    std::filesystem::rename(temp, file, ec);
}

std::string executableKey(const std::string& path)
{
    struct stat st { };
    stat(path.c_str(), &st);
    return path + "|" + std::to_string(st.st_size) + "|" + std::to_string(st.st_mtim.tv_sec);
}

}  // namespace versus
