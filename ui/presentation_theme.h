// The presentation's two high-contrast themes (light and dark) and the fonts sized for the back of a room. GUI only.
#pragma once

#include <QColor>
#include <QFont>
#include <QString>

namespace versus::gui {

struct PresentationTheme {
    bool dark = false;
    QColor background;
    QColor text;
    QColor muted;  ///< secondary text, grid lines
    QColor accent;  ///< the measured figure

    static PresentationTheme light();
    static PresentationTheme darkTheme();
    /// The i-th series colour: Okabe-Ito hues, chosen per theme for contrast against its background.
    QColor series(int i) const;
    /// A font `scale` times the base size, the base being `height` / 40 pixels (27 px at 1080, 18 px at 720).
    static QFont font(int height, double scale, bool bold = false);
    /// A style sheet for the presentation's plain widgets (colours, progress bars, the guess box) in this theme.
    QString styleSheet(int height) const;
};

}  // namespace versus::gui
