// versus selftest: runs the instrument check and prints its report. Its figures go into the README.
#include "selftest_command.h"

#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>

#include "builtin_runtimes.h"
#include "catalog.h"
#include "instrument_check.h"
#include "option_checks.h"

namespace versus::cli {

void addSelftestOptions(CLI::App& command, SelftestOptions& o)
{
    command.add_option("--runs", o.runs, "cancel trials and measured samples per figure")
        ->capture_default_str()
        ->check(wholeNumberAtLeast(1));
    command.add_flag("--quick", o.quick, "tiny parameters and few samples: a smoke run");
}

int selftestCommand(const SelftestOptions& selftestOptions)
{
    InstrumentCheckOptions options;
    options.runs = selftestOptions.runs;
    options.quick = selftestOptions.quick;
    RuntimeRegistry registry;
    registerBuiltinRuntimes(registry);
    const Catalog catalog = Catalog::load(workloadsDirectory());
    const Catalog selftest = Catalog::load(workloadsDirectory() / "_selftest");
    options.progress = [](const std::string& text) { std::cerr << "versus: " << text << "...\n"; };
    const InstrumentReport report = runInstrumentCheck(registry, catalog, selftest, options);
    std::cout << "Instrument check (" << (options.quick ? "quick, tiny parameters" : "defaults") << ")\n"
              << formatInstrumentReport(report);
    for (const auto& f : report.figures)
        if (f.meetsGoal && !*f.meetsGoal)
            return 1;
    return 0;
}

}  // namespace versus::cli
