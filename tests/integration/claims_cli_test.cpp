// `versus claims --tiny` end to end: every claim of the article gets a verdict, or the reason it has none, in the
// terminal, the Markdown and the self-contained HTML handout (with a chart drawn by versus-gui).
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <sys/wait.h>

#include <gtest/gtest.h>

namespace {

std::string readFile(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST(ClaimsCli, TinyCheckGivesEveryClaimAVerdictOrAReason)
{
    const std::string dir = ::testing::TempDir();
    const std::string md = dir + "/claims.md", html = dir + "/claims.html";
    std::filesystem::remove(md);
    std::filesystem::remove(html);
    const std::string command = std::string("QT_QPA_PLATFORM=offscreen ") + VERSUS_BINARY + " claims --tiny --markdown "
        + md + " --html " + html + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string out;
    std::array<char, 4096> buffer{};
    while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe))
        out.append(buffer.data(), n);
    const int status = pclose(pipe);
    ASSERT_TRUE(WIFEXITED(status)) << out;
    EXPECT_EQ(WEXITSTATUS(status), 0) << out;
    EXPECT_NE(out.find("left"), std::string::npos) << "progress says the time left\n" << out;

    // One "verdict:" line per claim, in the article's order; the untested ones say why.
    const std::set<std::string> judged{"holds", "partly", "does not hold"};
    std::istringstream lines(out);
    std::string line;
    int claims = 0, verdicts = 0;
    while (std::getline(lines, line)) {
        const auto at = line.find("   verdict: ");
        if (at != 0)
            continue;
        ++claims;
        const std::string verdict = line.substr(12);
        if (judged.count(verdict)) {
            ++verdicts;
            continue;
        }
        const bool untested =
            verdict.rfind("not testable here: ", 0) == 0 || verdict.rfind("not measurable yet: ", 0) == 0;
        EXPECT_TRUE(untested) << line;
        EXPECT_GT(verdict.size(), std::string("not testable here: ").size() + 10) << "a reason: " << line;
    }
    EXPECT_EQ(claims, 15) << out;
    EXPECT_GE(verdicts, 8) << "most claims are testable on this machine\n" << out;
    EXPECT_NE(out.find("2. Serverless cold start"), std::string::npos) << out;
    EXPECT_NE(out.find("embedded against embedded"), std::string::npos) << out;

    const std::string markdown = readFile(md);
    EXPECT_NE(markdown.find("| # | claim | article says | measured | verdict | why |"), std::string::npos);
    const std::string page = readFile(html);
    EXPECT_NE(page.find("<svg"), std::string::npos) << "the handout carries charts";
    EXPECT_EQ(page.find("<script"), std::string::npos);
}
