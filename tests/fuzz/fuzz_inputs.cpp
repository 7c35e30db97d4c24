// The readers of hostile files, driven by one input each: manifests, results files, journals.
#include "fuzz_inputs.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "catalog.h"
#include "journal.h"
#include "results_file.h"

namespace versus::fuzz {

namespace {

namespace fs = std::filesystem;

/// A private folder for this process, made once and reused by every input (a fuzzer runs millions of them).
const fs::path& scratchFolder()
{
    static const fs::path folder = [] {
        std::string pattern = (fs::temp_directory_path() / "versus-fuzz-XXXXXX").string();
        if (!mkdtemp(pattern.data()))
            invariantBroken("cannot create a scratch folder");
        fs::create_directories(fs::path(pattern) / "fuzzed");
        std::ofstream(fs::path(pattern) / "fuzzed" / "w.py") << "def run(params):\n    return 1\n";
        std::ofstream(fs::path(pattern) / "fuzzed" / "w.js") << "module.exports.run = () => 1;\n";
        return fs::path(pattern);
    }();
    return folder;
}

void writeFile(const fs::path& path, std::string_view bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out)
        invariantBroken("cannot write the scratch file");
}

/// A document that was read must survive a write and a second read.
void roundTrip(const ResultsDocument& document)
{
    const std::string written = writeResultsDocument(document);
    auto again = readResultsDocument(written);
    if (!again) {
        std::fprintf(stderr, "second read failed: %s\n", again.error().c_str());
        invariantBroken("a results document that was read does not read back after writing");
    }
    if (again->results.size() != document.results.size())
        invariantBroken("writing and reading back changed the number of results");
}

}  // namespace

void invariantBroken(const char* what)
{
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

void manifestInput(std::string_view bytes)
{
    const fs::path manifest = scratchFolder() / "fuzzed" / "manifest.json";
    writeFile(manifest, bytes);
    std::vector<CatalogError> errors;
    const auto workload = Catalog::loadManifest(manifest, errors);
    if (!workload) {
        if (errors.empty())
            invariantBroken("a refused manifest gave no reason");
        for (const auto& error : errors)
            // nlohmann's "[json.exception.parse_error.101] ...", unless the manifest itself holds that text (a
            // refused id or field is quoted back: a fuzzer once wrote "json.exception" into the id).
            if (error.toString().find("[json.exception.") != std::string::npos
                && bytes.find("json.exception.") == std::string_view::npos)
                invariantBroken("a manifest error shows nlohmann's raw exception text");
        return;
    }
    if (!errors.empty())
        invariantBroken("a loaded manifest also reported errors");
    // What a run does with a loaded workload: defaults, tiny values and steps must all resolve.
    if (!workload->resolveParams({}))
        invariantBroken("the defaults of a loaded manifest do not resolve");
    if (!workload->resolveParams(workload->tinyParams))
        invariantBroken("the tiny values of a loaded manifest do not resolve");
    for (const ParamValues& step : workload->stepOverrides(workload->tinyParams, 2))
        (void)workload->resolveParams(step);
    for (const auto& implementation : workload->implementations)
        if (!implementation.file.empty() && implementation.file.parent_path() != fs::canonical(manifest.parent_path()))
            invariantBroken("a loaded manifest names a script outside its folder");
}

void resultsInput(std::string_view bytes)
{
    if (auto document = readResultsDocument(bytes))
        roundTrip(*document);
}

void journalInput(std::string_view bytes)
{
    const fs::path journal = scratchFolder() / "run.journal";
    writeFile(journal, bytes);
    if (auto recovered = recoverJournal(journal.string()))
        roundTrip(recovered->document);
}

}  // namespace versus::fuzz
