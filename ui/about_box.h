// Help > About Versus: the version, every runtime with its version (or why it is unavailable), and Qt's version.
#pragma once

class QWidget;

namespace versus {
class RuntimeRegistry;
}

namespace versus::gui {

void showAboutBox(QWidget* parent, RuntimeRegistry& registry);

}  // namespace versus::gui
