// One colour per runtime series, the same in every chart and table: colour-blind safe (Okabe-Ito first), legible
// on light and dark backgrounds.
#pragma once

#include <QColor>
#include <QString>

namespace versus::gui {

class RuntimePalette {
public:
    /// Stable colour for a runtime id and implementation flavour; no state, so every widget agrees. Each built-in
    /// runtime has its own colour and its flavours a shade of it; user interpreters share three other colours.
    static QColor color(const QString& runtimeId, const QString& flavour = QStringLiteral("plain"));
    /// The colour of what belongs to no runtime (the Versus process's own RSS): a mid grey, legible on light and
    /// dark backgrounds.
    static QColor neutral();
    /// "python/plain": how a series is keyed everywhere in the UI.
    static QString seriesKey(const QString& runtimeId, const QString& flavour);
};

}  // namespace versus::gui
