// writeOutputFile(): atomic replace of regular files, symlinks written through, FIFOs streamed to, modes kept.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "output_file.h"

using versus::writeOutputFile;
namespace fs = std::filesystem;

std::string tempDir(const std::string& name);  // results_file_test.cpp

namespace {

std::string readAll(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

int entriesIn(const fs::path& dir)
{
    int n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
        ++n;
    return n;
}

mode_t modeOf(const fs::path& path)
{
    struct stat st { };
    EXPECT_EQ(::lstat(path.c_str(), &st), 0);
    return st.st_mode & 07777;
}

}  // namespace

TEST(OutputFile, ReplacesARegularFileAndLeavesNoTemporary)
{
    const fs::path dir = tempDir("output-replace");
    const fs::path path = dir / "results.json";
    ASSERT_TRUE(writeOutputFile(path, "first").ok());
    const auto second = writeOutputFile(path, "second");
    ASSERT_TRUE(second.ok()) << second.error();
    EXPECT_EQ(readAll(path), "second");
    EXPECT_EQ(entriesIn(dir), 1);
}

TEST(OutputFile, KeepsAnExistingFilesModeAndGivesANewOneTheUmasksMode)
{
    const fs::path dir = tempDir("output-mode");
    const fs::path kept = dir / "private.json";
    ASSERT_TRUE(writeOutputFile(kept, "x").ok());
    ASSERT_EQ(::chmod(kept.c_str(), 0600), 0);
    ASSERT_TRUE(writeOutputFile(kept, "y").ok());
    EXPECT_EQ(modeOf(kept), 0600u);

    // The umask is per process: check it in a child so this test cannot change others'.
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::umask(027);
        const bool ok = writeOutputFile(dir / "new.json", "z").ok() && modeOf(dir / "new.json") == 0640;
        ::_exit(ok ? 0 : 1);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "mode " << std::oct << modeOf(dir / "new.json");
}

TEST(OutputFile, WritesThroughASymlinkAndKeepsTheLink)
{
    const fs::path dir = tempDir("output-symlink");
    fs::create_directories(dir / "real");
    ASSERT_TRUE(writeOutputFile(dir / "real" / "target.json", "old").ok());
    fs::create_symlink("real/target.json", dir / "link.json");  // relative, as `ln -s` makes them
    ASSERT_TRUE(writeOutputFile(dir / "link.json", "new").ok());
    EXPECT_TRUE(fs::is_symlink(dir / "link.json"));
    EXPECT_EQ(readAll(dir / "real" / "target.json"), "new");
    EXPECT_EQ(entriesIn(dir / "real"), 1);

    // A dangling link: the file is created where it points.
    fs::create_symlink("real/later.json", dir / "dangling.json");
    ASSERT_TRUE(writeOutputFile(dir / "dangling.json", "made").ok());
    EXPECT_TRUE(fs::is_symlink(dir / "dangling.json"));
    EXPECT_EQ(readAll(dir / "real" / "later.json"), "made");

    fs::create_symlink("loop-b", dir / "loop-a");
    fs::create_symlink("loop-a", dir / "loop-b");
    const auto loop = writeOutputFile(dir / "loop-a", "x");
    EXPECT_FALSE(loop.ok());
    EXPECT_NE(loop.error().find("symbolic links"), std::string::npos) << loop.error();
}

TEST(OutputFile, StreamsToAFifoWithoutReplacingIt)
{
    const fs::path dir = tempDir("output-fifo");
    const fs::path fifo = dir / "pipe";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);

    const auto noReader = writeOutputFile(fifo, "x");
    EXPECT_FALSE(noReader.ok());
    EXPECT_NE(noReader.error().find("nothing is reading"), std::string::npos) << noReader.error();

    std::string received;
    std::thread reader([&] {
        const int fd = ::open(fifo.c_str(), O_RDONLY);
        char buffer[256];
        for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
            received.append(buffer, static_cast<std::size_t>(n));
        ::close(fd);
    });
    // The reader may not have opened yet: retry until it has (a FIFO without a reader refuses at once).
    versus::Expected<void> written = versus::Error{"not tried"};
    for (int attempt = 0; attempt < 500 && !written.ok(); ++attempt) {
        written = writeOutputFile(fifo, "through the pipe");
        if (!written.ok())
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    reader.join();
    ASSERT_TRUE(written.ok()) << written.error();
    EXPECT_EQ(received, "through the pipe");
    struct stat st { };
    ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
    EXPECT_TRUE(S_ISFIFO(st.st_mode));
}

TEST(OutputFile, DashIsStandardOutputAndDevicesAreNotReplaced)
{
    testing::internal::CaptureStdout();
    const auto toStdout = writeOutputFile("-", "to stdout\n");
    const std::string printed = testing::internal::GetCapturedStdout();
    ASSERT_TRUE(toStdout.ok()) << toStdout.error();
    EXPECT_EQ(printed, "to stdout\n");

    ASSERT_TRUE(writeOutputFile("/dev/null", "discarded").ok());
    struct stat st { };
    ASSERT_EQ(::stat("/dev/null", &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode));
}

TEST(OutputFile, RefusalsSayWhyAndKeepTheOldFile)
{
    const auto missingFolder = writeOutputFile("/nonexistent/versus/results.json", "x");
    EXPECT_FALSE(missingFolder.ok());
    EXPECT_EQ(missingFolder.error(), "Cannot write '/nonexistent/versus/results.json': No such file or directory");

    const fs::path dir = tempDir("output-refuse");
    fs::create_directories(dir / "folder");
    const auto folder = writeOutputFile(dir / "folder", "x");
    EXPECT_FALSE(folder.ok());
    EXPECT_NE(folder.error().find("it is a folder"), std::string::npos) << folder.error();
    EXPECT_EQ(entriesIn(dir), 1);
    EXPECT_EQ(entriesIn(dir / "folder"), 0);

    EXPECT_FALSE(writeOutputFile("", "x").ok());
}
