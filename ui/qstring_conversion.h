// Core speaks UTF-8 std::string, the widgets QString: the one conversion the window's files share.
#pragma once

#include <QString>

#include <string>

namespace versus::gui {

inline QString toQString(const std::string& text)
{
    return QString::fromStdString(text);
}

}  // namespace versus::gui
