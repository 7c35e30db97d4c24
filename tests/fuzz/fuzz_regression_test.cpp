// Replays tests/fuzz/corpus/<reader>/: every input a fuzzer once crashed on (and a few hostile ones written by
// hand) goes through the same code as the fuzz target, with every compiler and in the sanitizer build.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "fuzz_inputs.h"

namespace versus::fuzz {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> corpus(const std::string& reader)
{
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(fs::path(VERSUS_FUZZ_CORPUS) / reader))
        if (entry.is_regular_file() && entry.path().filename() != "README.md")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::string bytesOf(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void replay(const std::string& reader, void (*input)(std::string_view))
{
    const auto files = corpus(reader);
    ASSERT_FALSE(files.empty()) << "tests/fuzz/corpus/" << reader << " holds no inputs";
    for (const auto& file : files) {
        SCOPED_TRACE(file.string());
        input(bytesOf(file));  // a regression aborts here, naming the input in the trace
    }
}

TEST(FuzzRegressions, ManifestReader)
{
    replay("manifest", manifestInput);
}
TEST(FuzzRegressions, ResultsReader)
{
    replay("results", resultsInput);
}
TEST(FuzzRegressions, JournalReader)
{
    replay("journal", journalInput);
}

}  // namespace
}  // namespace versus::fuzz
