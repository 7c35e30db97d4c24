// versus: the workbench window by default; headless subcommands (list, run, ...) on the same core.
#include <cstdlib>
#include <string>
#include <vector>

#include "cli.h"
#include "gui.h"

namespace {

bool hasDisplay()
{
    const char* platform = std::getenv("QT_QPA_PLATFORM");
    if (platform && *platform)
        return true;  // the user chose a platform (offscreen included): honour it
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x11 && *x11) || (wayland && *wayland);
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    const bool guiRequested = args.empty() || args[0] == "gui" || args[0] == "--screenshot"
        || args[0] == "--screenshot-startup";
    if (!guiRequested)
        return versus::cli::main(args);
    if (args.empty() && !hasDisplay())
        return versus::cli::runDefaultJob();
    return versus::gui::main(argc, argv);
}
