// Manifest validation: each broken manifest gives one clear error naming its file and field, the rest of the catalog
// still loads; and the shipped catalog itself is complete and consistent.
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include <sys/stat.h>
#include <unistd.h>

#include "native_workloads.h"
#include "run_helpers.h"

namespace versus::workload_tests {

using namespace versus::testing;

namespace {

namespace fs = std::filesystem;

/// A catalog folder of its own, removed after the test.
class ManifestValidation : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::string pattern = (fs::temp_directory_path() / "versus-manifest-test-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
        addWorkload("good", validManifest("good"));
    }
    void TearDown() override { fs::remove_all(m_dir); }

    static std::string validManifest(const std::string& id,
                                     const std::string& implementations = R"([{"language": "python", "file": "w.py"}])")
    {
        return R"({"schema_version": 1, "id": ")" + id + R"(", "title": "T", "category": "cpu",
                  "description": "D.", "parameters": [{"name": "n", "type": "int", "default": 3, "min": 1}],
                  "implementations": )"
            + implementations + "}";
    }

    /// Writes workloads/<id>/manifest.json and a script w.py beside it.
    fs::path addWorkload(const std::string& id, const std::string& manifest)
    {
        fs::create_directories(m_dir / id);
        std::ofstream(m_dir / id / "manifest.json") << manifest;
        std::ofstream(m_dir / id / "w.py") << "def run(params):\n    return 1\n";
        return m_dir / id / "manifest.json";
    }

    /// Loads the folder and expects exactly one error, about `manifest` and `field`, whose text contains `words`.
    void expectOneError(const fs::path& manifest, const std::string& field, const std::vector<std::string>& words)
    {
        const Catalog catalog = Catalog::load(m_dir);
        ASSERT_EQ(catalog.errors().size(), 1u);
        const CatalogError& error = catalog.errors().front();
        EXPECT_EQ(error.file, manifest);
        EXPECT_EQ(error.field, field);
        const std::string text = error.toString();
        EXPECT_NE(text.find(manifest.string()), std::string::npos) << text;
        EXPECT_NE(text.find(field), std::string::npos) << text;
        for (const auto& word : words)
            EXPECT_NE(text.find(word), std::string::npos) << "'" << word << "' missing from: " << text;
        ASSERT_EQ(catalog.workloads().size(), 1u) << "the valid workload beside the broken one must still load";
        EXPECT_EQ(catalog.workloads().front().id, "good");
    }

    fs::path m_dir;
};

TEST_F(ManifestValidation, MissingFieldIsNamed)
{
    const auto manifest = addWorkload("broken", R"({"schema_version": 1, "id": "broken", "category": "cpu",
        "description": "D.", "implementations": [{"language": "python", "file": "w.py"}]})");
    expectOneError(manifest, "title", {"missing", "string"});
}

TEST_F(ManifestValidation, WrongTypeIsNamed)
{
    auto text = validManifest("broken");
    text.replace(text.find(R"("default": 3)"), 12, R"("default": "three")");
    const auto manifest = addWorkload("broken", text);
    expectOneError(manifest, "parameters[0].default", {"int"});
}

TEST_F(ManifestValidation, UnknownLanguageIsNamed)
{
    const auto manifest = addWorkload("broken", validManifest("broken", R"([{"language": "ruby", "file": "w.rb"}])"));
    expectOneError(manifest, "implementations[0].language", {"ruby", "python, javascript, native"});
}

TEST_F(ManifestValidation, UnknownServiceIsNamed)
{
    auto text = validManifest("broken");
    text.insert(text.find(R"("title")"), R"("service": "mysql", )");
    const auto manifest = addWorkload("broken", text);
    expectOneError(manifest, "service", {"mysql", "postgresql"});
}

TEST_F(ManifestValidation, MissingScriptIsNamed)
{
    const auto manifest =
        addWorkload("broken", validManifest("broken", R"([{"language": "python", "file": "gone.py"}])"));
    expectOneError(manifest, "implementations[0].file", {"gone.py", "does not exist"});
}

TEST_F(ManifestValidation, InvalidJsonIsReportedInWordsWithLineAndColumn)
{
    const auto manifest = addWorkload("broken", "{\"id\": \"broken\",\n  \"title\": \"T\"\n  \"category\": \"cpu\"}");
    expectOneError(manifest, "", {"not valid JSON: line 3, column 12: unexpected string literal; expected '}'"});
    const std::string text = Catalog::load(m_dir).errors().front().toString();
    EXPECT_EQ(text.find("json.exception"), std::string::npos) << text;
    EXPECT_EQ(text.find("parse_error"), std::string::npos) << text;
}

TEST_F(ManifestValidation, TruncatedJsonSaysWhereItEnds)
{
    const auto manifest = addWorkload("broken", R"({"id": "broken",)");
    expectOneError(manifest, "", {"not valid JSON: line 1, column 17: unexpected end of input"});
}

// ---- Scripts must be readable regular files inside the workload folder, after symlinks -----------------------------

TEST_F(ManifestValidation, ScriptClimbingOutOfTheFolderIsRefused)
{
    fs::create_directories(m_dir / "_outside");
    std::ofstream(m_dir / "_outside" / "evil.py") << "def run(params):\n    return 666\n";
    const auto manifest =
        addWorkload("broken", validManifest("broken", R"([{"language": "python", "file": "../_outside/evil.py"}])"));
    expectOneError(manifest, "implementations[0].file",
                   {"../_outside/evil.py", "outside the workload folder", "only run scripts inside its own folder"});
}

TEST_F(ManifestValidation, AbsoluteScriptPathIsRefused)
{
    const auto manifest =
        addWorkload("broken", validManifest("broken", R"([{"language": "python", "file": "/etc/hostname"}])"));
    expectOneError(manifest, "implementations[0].file", {"/etc/hostname", "absolute path"});
}

TEST_F(ManifestValidation, SymlinkPointingOutOfTheFolderIsRefused)
{
    fs::create_directories(m_dir / "_outside");
    std::ofstream(m_dir / "_outside" / "evil.py") << "def run(params):\n    return 666\n";
    const auto manifest =
        addWorkload("broken", validManifest("broken", R"([{"language": "python", "file": "link.py"}])"));
    fs::create_symlink(m_dir / "_outside" / "evil.py", m_dir / "broken" / "link.py");
    expectOneError(manifest, "implementations[0].file", {"link.py", "evil.py", "outside the workload folder"});
}

TEST_F(ManifestValidation, SymlinkInsideTheFolderIsAcceptedAndResolved)
{
    addWorkload("linked", validManifest("linked", R"([{"language": "python", "file": "link.py"}])"));
    fs::create_symlink("w.py", m_dir / "linked" / "link.py");
    const Catalog catalog = Catalog::load(m_dir);
    for (const auto& error : catalog.errors())
        ADD_FAILURE() << error.toString();
    const Workload* linked = catalog.find("linked");
    ASSERT_NE(linked, nullptr);
    EXPECT_EQ(linked->implementations.front().file, fs::canonical(m_dir / "linked" / "w.py"))
        << "the file checked at load is the file that runs";
}

TEST_F(ManifestValidation, FolderAsScriptIsRefusedAtLoad)
{
    const auto manifest = addWorkload("broken", validManifest("broken", R"([{"language": "python", "file": "sub"}])"));
    fs::create_directories(m_dir / "broken" / "sub");
    expectOneError(manifest, "implementations[0].file", {"'sub'", "not a regular file", "a folder"});
}

TEST_F(ManifestValidation, FifoAsScriptIsRefusedAtLoad)
{
    const auto manifest =
        addWorkload("broken", validManifest("broken", R"([{"language": "python", "file": "pipe.py"}])"));
    ASSERT_EQ(mkfifo((m_dir / "broken" / "pipe.py").c_str(), 0600), 0);
    expectOneError(manifest, "implementations[0].file", {"'pipe.py'", "not a regular file"});
}

// ---- Limits are checked at load ------------------------------------------------------------------------------------

TEST_F(ManifestValidation, MinAboveMaxIsRefused)
{
    auto text = validManifest("broken");
    text.replace(text.find(R"("min": 1)"), 8, R"("min": 10, "max": 2)");
    const auto manifest = addWorkload("broken", text);
    expectOneError(manifest, "parameters[0].max", {"must not be below min (10)", "found 2"});
}

TEST_F(ManifestValidation, NegativeDefaultIsRefusedWhenTheMinimumSaysSo)
{
    auto text = validManifest("broken");
    text.replace(text.find(R"("default": 3)"), 12, R"("default": -5)");
    const auto manifest = addWorkload("broken", text);
    expectOneError(manifest, "parameters[0].default", {"'n'", "at least 1", "got -5"});
}

TEST_F(ManifestValidation, TinyValueOutsideTheLimitsIsRefusedAtLoad)
{
    auto text = validManifest("broken");
    text.replace(text.find(R"("min": 1)"), 8, R"("min": 1, "max": 30)");
    text.insert(text.rfind('}'), R"(, "tiny": {"n": 31})");
    const auto manifest = addWorkload("broken", text);
    expectOneError(manifest, "tiny.n", {"'n'", "from 1 to 30", "got 31"});
}

TEST_F(ManifestValidation, NegativeTinyValueIsRefusedAtLoad)
{
    auto text = validManifest("broken");
    text.insert(text.rfind('}'), R"(, "tiny": {"n": -5})");
    const auto manifest = addWorkload("broken", text);
    expectOneError(manifest, "tiny.n", {"at least 1", "got -5"});
}

TEST_F(ManifestValidation, TinyValueOfTheWrongTypeIsRefusedAtLoad)
{
    auto text = validManifest("broken");
    text.insert(text.rfind('}'), R"(, "tiny": {"n": "five"})");
    const auto manifest = addWorkload("broken", text);
    expectOneError(manifest, "tiny.n", {"type", "an integer of at least 1"});
}

TEST_F(ManifestValidation, ReportColumnWithAnUnknownFormatIsRefused)
{
    auto text = validManifest("broken");
    text.insert(text.rfind('}'), R"(, "report": [{"name": "x", "label": "X", "format": "percent"}])");
    const auto manifest = addWorkload("broken", text);
    expectOneError(manifest, "report[0].format", {"bytes, share, number or rate", "'percent'"});
}

TEST_F(ManifestValidation, ReportColumnNamingAnUnknownParameterIsRefused)
{
    auto text = validManifest("broken");
    text.insert(text.rfind('}'), R"(, "report": [{"name": "rss_at_{count}", "label": "RSS", "format": "bytes"}])");
    const auto manifest = addWorkload("broken", text);
    expectOneError(manifest, "report[0].name", {"'{count}'", "no parameter"});
}

TEST_F(ManifestValidation, ReportColumnKeysTakeTheParameterValues)
{
    auto text = validManifest("reporting");
    text.insert(text.rfind('}'), R"(, "report": [{"name": "rss_at_{n}", "label": "RSS", "format": "bytes"}])");
    addWorkload("reporting", text);
    const Catalog catalog = Catalog::load(m_dir);
    ASSERT_TRUE(catalog.errors().empty()) << catalog.errors().front().toString();
    const Workload* w = catalog.find("reporting");
    ASSERT_NE(w, nullptr);
    ASSERT_EQ(w->report.size(), 1u);
    EXPECT_EQ(w->report[0].format, ReportColumn::Format::Bytes);
    EXPECT_EQ(w->report[0].keyFor({{"n", std::int64_t{200}}}), "rss_at_200");
}

// ---- The shipped catalog ------------------------------------------------------------------------------------------

const std::set<std::string> kClaims = {"cpu-bound",       "numpy",           "json",
                                       "file-stream",     "file-random",     "object-size",
                                       "gil-parallelism", "event-loop-io",   "connection-memory",
                                       "thread-memory",   "http-frameworks", "orm-database"};

TEST(ShippedCatalog, LoadsWithoutErrorsAndEveryWorkloadIsDescribed)
{
    for (const auto& error : mainCatalog().errors())
        ADD_FAILURE() << error.toString();
    ASSERT_FALSE(mainCatalog().workloads().empty());
    for (const auto& w : mainCatalog().workloads()) {
        SCOPED_TRACE(w.id);
        EXPECT_FALSE(w.description.empty());
        EXPECT_TRUE(kClaims.count(w.claim)) << "unknown claim '" << w.claim << "'";
        EXPECT_TRUE(w.resolveParams({}).ok()) << w.resolveParams({}).error();
        EXPECT_TRUE(w.resolveParams(w.tinyParams).ok()) << w.resolveParams(w.tinyParams).error();
    }
}

TEST(ShippedCatalog, OutOfLimitParametersAreRefusedNamingTheParameterAndItsLimits)
{
    for (const auto& w : mainCatalog().workloads())
        for (const auto& spec : w.parameters) {
            if (spec.type != ParamType::Int || !spec.max)
                continue;
            SCOPED_TRACE(w.id + "." + spec.name);
            const auto refused = w.resolveParams({{spec.name, static_cast<std::int64_t>(*spec.max) + 1}});
            ASSERT_FALSE(refused.ok());
            EXPECT_NE(refused.error().find("'" + spec.name + "'"), std::string::npos) << refused.error();
            EXPECT_NE(refused.error().find(spec.describeLimits()), std::string::npos) << refused.error();
        }
}

TEST(ShippedCatalog, NativeImplementationsMatchTheManifests)
{
    std::set<std::string> declared;
    for (const auto& w : mainCatalog().workloads())
        if (!w.implementationsFor("native").empty())
            declared.insert(w.id);
    std::set<std::string> built;
    for (const auto& [id, setup] : native::nativeWorkloads())
        built.insert(id);
    EXPECT_EQ(declared, built)
        << "a manifest lists {\"language\": \"native\"} without a C++ implementation, or the reverse";
}

}  // namespace
}  // namespace versus::workload_tests
