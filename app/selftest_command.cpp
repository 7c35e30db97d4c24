// versus selftest: runs the instrument check and prints its report. Its figures go into the README.
#include "selftest_command.h"

#include <cstdlib>
#include <iostream>

#include "builtin_runtimes.h"
#include "catalog.h"
#include "instrument_check.h"

namespace versus::cli {

int selftestCommand(const std::vector<std::string>& args)
{
    InstrumentCheckOptions options;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--runs" && i + 1 < args.size()) {
            options.runs = std::max(1, std::atoi(args[++i].c_str()));
        } else if (args[i] == "--quick") {
            options.quick = true;
        } else {
            std::cerr << "versus selftest: unknown option '" << args[i] << "' (use --runs N, --quick)\n";
            return 2;
        }
    }
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

} // namespace versus::cli
