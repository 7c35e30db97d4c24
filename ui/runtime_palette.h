// One colour per runtime series, the same in every chart and table: colour-blind safe (Okabe-Ito first), legible
// on light and dark backgrounds; the flavours of one runtime in shades of its colour with their own line and marker.
#pragma once

#include <QColor>
#include <QPen>
#include <QString>

class QCPScatterStyle;

namespace versus::gui {

/// How one (runtime, flavour) series is drawn in every chart: its colour, and for a flavour also a dash pattern
/// and a marker shape of its own, so that the flavours of one runtime are told apart in greyscale too.
struct SeriesStyle {
    QColor color;
    int shade = 0;  ///< flavourShade(): 0 for the plain flavour
    /// A line of this series: solid for the plain flavour, dashed or dotted for the others.
    QPen pen(double width) const;
    /// A marker of this series (a disc for the plain flavour, a square, triangle, diamond... for the others), filled
    /// in its colour unless `filled` is false.
    QCPScatterStyle marker(double size, bool filled = true) const;
};

class RuntimePalette {
public:
    /// Stable colour for a runtime id and implementation flavour; no state, so every widget agrees. Each built-in
    /// runtime has its own colour and its flavours shades of it (flavourShade()); user interpreters share three other
    /// colours.
    static QColor color(const QString& runtimeId, const QString& flavour = QStringLiteral("plain"));
    /// color() with the flavour's line and marker.
    static SeriesStyle style(const QString& runtimeId, const QString& flavour = QStringLiteral("plain"));
    /// The colour of what belongs to no runtime (the Versus process's own RSS): a mid grey, legible on light and
    /// dark backgrounds.
    static QColor neutral();
    /// "python/plain": how a series is keyed everywhere in the UI.
    static QString seriesKey(const QString& runtimeId, const QString& flavour);
};

}  // namespace versus::gui
