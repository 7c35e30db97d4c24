// Colours and sizes of the presentation mode.
#include "presentation_theme.h"

#include <algorithm>
#include <array>

namespace versus::gui {

PresentationTheme PresentationTheme::light()
{
    return {false, QColor(Qt::white), QColor(0x11, 0x11, 0x11), QColor(0x55, 0x55, 0x55), QColor(0x00, 0x5A, 0x9C)};
}

PresentationTheme PresentationTheme::darkTheme()
{
    return {true, QColor(0x10, 0x10, 0x10), QColor(0xF5, 0xF5, 0xF5), QColor(0xB0, 0xB0, 0xB0),
            QColor(0xFF, 0xD0, 0x4D)};
}

QColor PresentationTheme::series(int i) const
{
    // Okabe-Ito: blue, vermillion, bluish green, reddish purple, orange; lighter on the dark background.
    static const std::array<QColor, 5> onLight{QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00),
                                               QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7),
                                               QColor(0xB0, 0x70, 0x00)};
    static const std::array<QColor, 5> onDark{QColor(0x56, 0xB4, 0xE9), QColor(0xFF, 0x8C, 0x40),
                                              QColor(0x30, 0xD0, 0xA0), QColor(0xE8, 0x9C, 0xC8),
                                              QColor(0xF0, 0xE4, 0x42)};
    const auto& colours = dark ? onDark : onLight;
    return colours[std::size_t(std::max(i, 0)) % colours.size()];
}

QFont PresentationTheme::font(int height, double scale, bool bold)
{
    QFont f;
    f.setPixelSize(std::max(12, int(height / 40.0 * scale)));
    f.setBold(bold);
    return f;
}

QString PresentationTheme::styleSheet(int height) const
{
    const int px = std::max(12, height / 40);  // the base font size
    // No font sizes here: a style sheet's font would override the fonts each widget sets for its role.
    return QStringLiteral("QWidget { background: %1; color: %2; }"
                          "QProgressBar { border: 3px solid %2; border-radius: 6px; min-height: %3px; }"
                          "QDoubleSpinBox { border: 3px solid %4; padding: 4px; }")
        .arg(background.name(), text.name())
        .arg(px * 2)
        .arg(accent.name());
}

}  // namespace versus::gui
