// Starts the Qt application and shows the main window.
#include "gui.h"

#include <QApplication>
#include <QLabel>

namespace versus::gui {

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName("Versus");
    QLabel label("Versus");
    label.show();
    return QApplication::exec();
}

} // namespace versus::gui
