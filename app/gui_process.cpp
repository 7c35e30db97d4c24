// GuiProcess: exec for the window, a versus-gui child for charts (results in, chart files out, through a private
// temporary folder).
#include "gui_process.h"
#include "command_error.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "external/child_process.h"
#include "install_layout.h"
#include "results/output_file.h"
#include "results/results_file.h"

namespace versus::cli {
namespace {

namespace fs = std::filesystem;

/// A folder only this process uses, removed with everything in it when the object goes.
class ScratchFolder {
public:
    ScratchFolder()
    {
        std::error_code ec;
        std::string pattern = (fs::temp_directory_path(ec) / "versus-charts-XXXXXX").string();
        if (::mkdtemp(pattern.data()))
            m_path = pattern;
    }
    ~ScratchFolder()
    {
        std::error_code ec;
        if (!m_path.empty())
            fs::remove_all(m_path, ec);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

/// Runs versus-gui with `arguments` on the results (written to a file it reads); the error quotes what it said.
Expected<void> runGui(ScratchFolder& scratch, const ResultsDocument& document, std::vector<std::string> arguments)
{
    const auto program = guiProgram();
    if (!program)
        return Error{program.error()};
    if (scratch.path().empty())
        return Error{"Cannot draw the charts: no temporary folder could be made in "
                     + fs::temp_directory_path().string() + ": " + std::strerror(errno)};
    const std::string input = (scratch.path() / "results.json").string();
    if (auto written = writeOutputFile(input, writeResultsDocument(document)); !written)
        return written;
    ChildSpec spec;
    spec.argv = {program->string()};
    spec.argv.insert(spec.argv.end(), arguments.begin(), arguments.end());
    spec.argv.push_back(input);
    spec.throughHelper = false;
    spec.timeoutS = 300;
    const ChildOutcome outcome = runChild(spec, {});
    if (!outcome.startError.empty())
        return Error{"Cannot start " + program->string() + " to draw the charts: " + outcome.startError};
    if (!outcome.exited || outcome.exitCode != 0) {
        std::string said = outcome.lastLines(4);
        const std::string prefix = "versus: ";
        if (said.rfind(prefix, 0) == 0)
            said = said.substr(prefix.size());
        return Error{said.empty() ? "versus-gui " + outcome.describeEnd() + " while drawing the charts" : said};
    }
    return {};
}

}  // namespace

Expected<fs::path> guiProgram()
{
    std::error_code ec;
    if (const char* env = std::getenv("VERSUS_GUI"); env && *env) {
        if (fs::is_regular_file(env, ec))
            return fs::path(env);
        return Error{std::string("VERSUS_GUI points to '") + env + "', which does not exist: unset it or fix the path"};
    }
    const fs::path beside = executablePath().parent_path() / "versus-gui";
    if (fs::is_regular_file(beside, ec))
        return beside;
    return Error{"the window and the charts need the program 'versus-gui', which is not installed next to "
                 + executablePath().string() + ": build the versus-gui target, or reinstall Versus"};
}

int GuiProcess::startWindow(const std::vector<std::string>& arguments)
{
    const auto program = guiProgram();
    if (!program)
        return fail(program.error(), 1);
    std::vector<std::string> words{program->string(), "gui"};
    words.insert(words.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (auto& word : words)
        argv.push_back(word.data());
    argv.push_back(nullptr);
    ::execv(program->c_str(), argv.data());
    return fail("cannot start " + program->string() + ": " + std::strerror(errno), 1);
}

Expected<void> GuiProcess::renderCharts(const std::vector<Result>& results, const std::string& file, int width,
                                        int height, double dpi)
{
    ScratchFolder scratch;
    ResultsDocument document;
    document.results = results;
    return runGui(scratch, document,
                  {"render-charts", "--output", file, "--width", std::to_string(width), "--height",
                   std::to_string(height), "--dpi", std::to_string(dpi)});
}

Expected<std::vector<ChartSvg>> GuiProcess::reportCharts(const ResultsDocument& document)
{
    ScratchFolder scratch;
    const fs::path output = scratch.path() / "charts.json";
    if (auto ran = runGui(scratch, document, {"report-charts", "--output", output.string()}); !ran)
        return Error{ran.error()};
    std::ifstream in(output);
    const nlohmann::json charts = nlohmann::json::parse(in, nullptr, false);
    if (!charts.is_array())
        return Error{"versus-gui wrote no readable charts to " + output.string()};
    std::vector<ChartSvg> svgs;
    for (const auto& chart : charts)
        if (chart.is_object() && chart.value("title", nlohmann::json()).is_string()
            && chart.value("svg", nlohmann::json()).is_string())
            svgs.push_back({chart["title"].get<std::string>(), chart["svg"].get<std::string>()});
    return svgs;
}

}  // namespace versus::cli
