// versus: the command line. Headless commands run here without any Qt library; the window and the charts are
// versus-gui's (GuiProcess).
#include "cli.h"
#include "gui_process.h"

int main(int argc, char** argv)
{
    versus::cli::GuiProcess gui;
    return versus::cli::main(argc, argv, gui);
}
