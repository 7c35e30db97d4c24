// GuiInProcess: straight calls into ui/.
#include "gui_in_process.h"

#include "chart_render.h"
#include "gui.h"

namespace versus::cli {

int GuiInProcess::startWindow(const std::vector<std::string>& arguments)
{
    std::vector<std::string> words{"versus"};
    words.insert(words.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (auto& word : words)
        argv.push_back(word.data());
    argv.push_back(nullptr);
    return gui::main(static_cast<int>(words.size()), argv.data());
}

Expected<void> GuiInProcess::renderCharts(const std::vector<Result>& results, const std::string& file, int width,
                                          int height, double dpi)
{
    return gui::renderCharts(results, file, width, height, dpi);
}

Expected<std::vector<ChartSvg>> GuiInProcess::reportCharts(const ResultsDocument& document)
{
    return gui::renderReportCharts(document);
}

}  // namespace versus::cli
