// render-charts and report-charts: results file in, charts out.
#include "chart_commands.h"
#include "command_error.h"

#include <nlohmann/json.hpp>

#include "results/output_file.h"
#include "results/results_file.h"
#include "text_format.h"

namespace versus::cli {
namespace {

void addInputAndOutput(CLI::App& command, ChartOptions& o, const std::string& output)
{
    command.add_option("input", o.input, "the results file")->required()->check(CLI::ExistingFile);
    command.add_option("-o,--output", o.output, output)->required();
}

}  // namespace

void addRenderChartsOptions(CLI::App& command, ChartOptions& o)
{
    addInputAndOutput(command, o, "the chart file: .png, .svg or .pdf");
    command.add_option("--width", o.width, "logical pixels")->check(CLI::Range(100, 20000));
    command.add_option("--height", o.height, "logical pixels")->check(CLI::Range(100, 20000));
    command.add_option("--dpi", o.dpi, "dots per inch of a PNG")->check(CLI::Range(24.0, 2400.0));
}

void addReportChartsOptions(CLI::App& command, ChartOptions& o)
{
    addInputAndOutput(command, o, "where the JSON array of {title, svg} goes");
}

int renderChartsFromFile(const ChartOptions& o, GuiBackend& gui)
{
    const auto document = readResultsFile(o.input);
    if (!document)
        return fail(document.error());
    if (const auto drawn = gui.renderCharts(document->results, o.output, o.width, o.height, o.dpi); !drawn)
        return fail(drawn.error());
    return 0;
}

int reportChartsFromFile(const ChartOptions& o, GuiBackend& gui)
{
    const auto document = readResultsFile(o.input);
    if (!document)
        return fail(document.error());
    const auto charts = gui.reportCharts(*document);
    if (!charts)
        return fail(charts.error());
    nlohmann::json array = nlohmann::json::array();
    for (const ChartSvg& chart : *charts)
        array.push_back({{"title", chart.title}, {"svg", chart.svg}});
    if (const auto written = writeOutputFile(o.output, array.dump()); !written)
        return fail(written.error());
    return 0;
}

}  // namespace versus::cli
