// The command line of versus: the window by default, headless subcommands (list, run, ...) on the same core.
#pragma once

#include <string>

#include "gui_backend.h"

namespace versus::cli {

/// Parses the command line (every command and option is declared once, with CLI11) and runs what it asks for:
/// a subcommand, the window, or the default job when there is no display. Returns the process exit status.
/// `gui` opens the window and draws charts: through versus-gui (versus) or in process (versus-gui).
int main(int argc, char** argv, GuiBackend& gui);
/// The job `versus` runs with no display: the manifests' default_job workloads on both embedded runtimes.
int runDefaultJob(GuiBackend& gui);

}  // namespace versus::cli
