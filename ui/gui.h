// Entry point of the workbench window.
#pragma once

namespace versus::gui {

/// Creates the QApplication and the main window; returns the exit status of the event loop.
int main(int argc, char** argv);

}  // namespace versus::gui
