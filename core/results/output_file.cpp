// writeOutputFile(): atomic replace for regular files, streaming for FIFOs and devices, symlinks written through.
#include "output_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace versus {
namespace {

namespace fs = std::filesystem;

std::string reason()
{
    return std::strerror(errno);
}

/// Follows `path` while it is a symlink (relative targets resolve against the link's folder), up to the kernel's 40.
/// A dangling link resolves to the path it points at, so the file is created there.
Expected<fs::path> followSymlinks(const fs::path& path)
{
    fs::path current = path;
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st { };
        if (::lstat(current.c_str(), &st) != 0 || !S_ISLNK(st.st_mode))
            return current;
        std::error_code ec;
        const fs::path target = fs::read_symlink(current, ec);
        if (ec)
            return Error{"Cannot follow the link '" + current.string() + "': " + ec.message()};
        current = target.is_absolute() ? target : current.parent_path() / target;
    }
    return Error{"Cannot write '" + path.string() + "': too many levels of symbolic links"};
}

/// 0666 less the process's umask, read without changing it (umask() would race with other threads).
mode_t newFileMode()
{
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "Umask:") {
            std::string octal;
            status >> octal;
            return 0666 & ~static_cast<mode_t>(std::stoul(octal, nullptr, 8));
        }
        status.ignore(1 << 16, '\n');
    }
    return 0644;
}

bool writeAll(int fd, std::string_view bytes)
{
    for (std::size_t done = 0; done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

Expected<void> streamTo(const std::string& shown, const fs::path& path, std::string_view bytes)
{
    // Non-blocking open: a FIFO nobody reads fails at once (ENXIO) instead of hanging the export.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0 && errno == ENXIO)
        return Error{"Cannot write '" + shown + "': nothing is reading from it. Start the reader first."};
    if (fd < 0)
        return Error{"Cannot open '" + shown + "' for writing: " + reason()};
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    const bool written = writeAll(fd, bytes);
    const std::string why = reason();
    ::close(fd);
    if (!written)
        return Error{"Cannot write '" + shown + "': " + why};
    return {};
}

Expected<void> replaceAtomically(const std::string& shown, const fs::path& target, const struct stat* existing,
                                 std::string_view bytes)
{
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string temp = (folder / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0)
        return Error{"Cannot write '" + shown + "': " + reason()
                     + (errno == EACCES || errno == EROFS ? ". Choose a folder you can write to." : "")};
    auto failed = [&](const std::string& what, bool open) -> Expected<void> {
        const std::string why = reason();
        if (open)
            ::close(fd);
        ::unlink(temp.c_str());
        return Error{"Cannot " + what + " '" + shown + "': " + why
                     + (what == "write" && why == std::strerror(ENOSPC) ? ". Free some space and export again." : "")};
    };
    if (!writeAll(fd, bytes))
        return failed("write", true);
    const mode_t mode = existing ? (existing->st_mode & 07777) : newFileMode();
    if (existing && ::geteuid() == 0)
        (void)::fchown(fd, existing->st_uid, existing->st_gid);  // best effort: keep the owner root wrote over
    if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0)
        return failed("write", true);
    if (::close(fd) != 0)
        return failed("write", false);
    if (::rename(temp.c_str(), target.c_str()) != 0)
        return failed("replace", false);
    // Make the rename itself durable; a folder that cannot be opened or synced leaves the file complete anyway.
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return {};
}

}  // namespace

Expected<void> writeOutputFile(const std::string& path, std::string_view bytes)
{
    if (path == "-") {
        if (!writeAll(STDOUT_FILENO, bytes))
            return Error{"Cannot write to standard output: " + reason()};
        return {};
    }
    if (path.empty())
        return Error{"No file name given."};
    // stat() follows links the way open() does, including /proc's magic ones (/dev/stdout -> pipe:[42]), so
    // devices and FIFOs are streamed to through the path as given.
    struct stat st { };
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (!exists && errno != ENOENT)
        return Error{"Cannot write '" + path + "': " + reason()};
    if (exists && (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)))
        return streamTo(path, path, bytes);
    if (exists && S_ISDIR(st.st_mode))
        return Error{"Cannot write '" + path + "': it is a folder. Give a file name inside it."};
    if (exists && !S_ISREG(st.st_mode))
        return Error{"Refusing to write '" + path + "': it is a socket, block device or other special file."};
    // A regular file or none yet: replace the file at the end of any symlinks, so the links stay.
    const auto target = followSymlinks(path);
    if (!target)
        return Error{target.error()};
    return replaceAtomically(path, *target, exists ? &st : nullptr, bytes);
}

}  // namespace versus
