// versus-gui: the same command line with the window and the charts in process (Qt Widgets, QCustomPlot). `versus`
// execs it for the window and runs it briefly to draw charts.
#include "cli.h"
#include "gui_in_process.h"

int main(int argc, char** argv)
{
    versus::cli::GuiInProcess gui;
    return versus::cli::main(argc, argv, gui);
}
