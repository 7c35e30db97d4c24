// A fixed colour per built-in runtime id, related shades for its flavours, and a stable colour for user
// interpreters that stays clear of the built-in ones.
#include "runtime_palette.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <qcustomplot.h>

#include "flavour_shades.h"

namespace versus::gui {

namespace {

// Every plain colour below has (a) a contrast of at least 2.2:1 against white and against a dark #2a2a2a background,
// so thin lines read in the light and the dark palette, and (b) a CIELAB distance (Delta E 1976) of at least 16 from
// every other plain colour under normal vision and simulated protanopia, deuteranopia and tritanopia (Machado et
// al. 2009). Flavour shades are closer to their runtime's colour (that is the point: they read as its family), so a
// flavour also has its own dash pattern and marker, and its name in the legend (" + Fastify").
//
// The six built-in runtimes people compare are the Okabe & Ito (2008) colours without black and yellow, which
// vanish on a dark or a light background; a runtime and its process twin share a hue family (CPython blue / sky
// blue, Node.js orange / vermillion). Okabe-Ito has no seventh colour that reads on both backgrounds, so the fake
// runtime of the tests takes a slate violet, the colour farthest from the six under every vision type.
struct BuiltinColours {
    const char* id;
    QColor plain;
    QColor firstShade;  ///< shade 1 (NumPy, ujson, Express...): picked by hand, a darker or lighter shade of the hue
};

const std::array<BuiltinColours, 7> kBuiltins{{
    {"python", QColor(0x00, 0x72, 0xB2), QColor(0x50, 0x60, 0x70)},  // blue; slate
    {"node", QColor(0xE6, 0x9F, 0x00), QColor(0x78, 0x58, 0x30)},  // orange; brown
    {"native", QColor(0x00, 0x9E, 0x73), QColor(0x00, 0xC8, 0x58)},  // bluish green; light green
    {"python3", QColor(0x56, 0xB4, 0xE9), QColor(0x00, 0x88, 0xF8)},  // sky blue; azure
    {"node-process", QColor(0xD5, 0x5E, 0x00), QColor(0x98, 0x48, 0x00)},  // vermillion; rust
    {"pypy3", QColor(0xCC, 0x79, 0xA7), QColor(0xB8, 0x08, 0xA0)},  // reddish purple; magenta
    {"fake", QColor(0x78, 0x60, 0xE4), QColor(0xA8, 0x90, 0xF0)},  // slate violet; lavender (tests)
}};

// User interpreters (--interpreter, "Add interpreter..."): the colours next farthest from all of the above.
const std::array<QColor, 3> kUserColours{QColor(0x9C, 0x00, 0xFC), QColor(0xD8, 0x00, 0x3C), QColor(0x84, 0xB4, 0x6C)};

/// WCAG relative luminance.
double luminance(const QColor& c)
{
    auto linear = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}

/// Shade `shade` (1 to kFlavourShades) of `plain`: darker, a neighbouring hue, lighter, ... then moved in lightness
/// until its luminance lies where a thin line keeps 2.2:1 against white and against #2a2a2a.
QColor derivedShade(const QColor& plain, int shade)
{
    struct Step {
        double hue;  // turns
        double lightness;  // factor towards black (< 1) or towards white (> 1)
    };
    constexpr Step kSteps[] = {{-0.03, 1.2}, {0.0, 0.68}, {0.055, 1.0}, {0.0, 1.35}, {-0.055, 0.85}};
    const Step step = kSteps[(shade - 1) % 5];
    float h = 0, s = 0, l = 0;
    plain.getHslF(&h, &s, &l);
    h = std::fmod(h + step.hue + 1.0, 1.0);
    l = step.lightness <= 1 ? l * step.lightness : l + (1 - l) * (step.lightness - 1);
    QColor c = QColor::fromHslF(h, s, std::clamp(l, 0.0f, 1.0f));
    for (int i = 0; i < 100 && luminance(c) > 0.40; ++i)
        c = QColor::fromHslF(h, s, std::max(0.0f, l -= 0.01f));
    for (int i = 0; i < 100 && luminance(c) < 0.12; ++i)
        c = QColor::fromHslF(h, s, std::min(1.0f, l += 0.01f));
    return c.toRgb();
}

}  // namespace

QPen SeriesStyle::pen(double width) const
{
    constexpr Qt::PenStyle kLines[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine, Qt::DashDotDotLine};
    return QPen(color, width, shade == 0 ? Qt::SolidLine : kLines[1 + (shade - 1) % 4]);
}

QCPScatterStyle SeriesStyle::marker(double size, bool filled) const
{
    constexpr QCPScatterStyle::ScatterShape kShapes[] = {
        QCPScatterStyle::ssSquare, QCPScatterStyle::ssTriangle, QCPScatterStyle::ssDiamond,
        QCPScatterStyle::ssTriangleInverted, QCPScatterStyle::ssCrossSquare};
    const QCPScatterStyle::ScatterShape shape = shade == 0 ? QCPScatterStyle::ssDisc : kShapes[(shade - 1) % 5];
    // An unfilled disc is a circle; the other shapes are outlines already when given no brush.
    if (!filled)
        return QCPScatterStyle(shape == QCPScatterStyle::ssDisc ? QCPScatterStyle::ssCircle : shape, QPen(color, 1.2),
                               Qt::NoBrush, size);
    return QCPScatterStyle(shape, color, color, size);
}

SeriesStyle RuntimePalette::style(const QString& runtimeId, const QString& flavour)
{
    const int shade = flavourShade(flavour);
    for (const BuiltinColours& b : kBuiltins)
        if (runtimeId == QLatin1String(b.id))
            return {shade == 0 ? b.plain : shade == 1 ? b.firstShade : derivedShade(b.plain, shade), shade};
    const QColor user = kUserColours[stableTextHash(runtimeId) % kUserColours.size()];
    return {shade == 0 ? user : derivedShade(user, shade), shade};
}

QColor RuntimePalette::color(const QString& runtimeId, const QString& flavour)
{
    return style(runtimeId, flavour).color;
}

QColor RuntimePalette::neutral()
{
    return QColor(0x88, 0x88, 0x88);
}

QString RuntimePalette::seriesKey(const QString& runtimeId, const QString& flavour)
{
    return runtimeId + QLatin1Char('/') + (flavour.isEmpty() ? QStringLiteral("plain") : flavour);
}

}  // namespace versus::gui
