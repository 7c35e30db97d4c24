// A fixed colour per built-in runtime id, a related shade for its flavours, and a stable colour for user
// interpreters that stays clear of the built-in ones.
#include "runtime_palette.h"

#include <array>
#include <cstdint>

namespace versus::gui {

namespace {

// Every colour below has (a) a contrast of at least 2.2:1 against white and against a dark #2a2a2a background, so
// thin lines read in the light and the dark palette, and (b) a CIELAB distance (Delta E 1976) of at least 16 from
// every other plain colour under normal vision and simulated protanopia, deuteranopia and tritanopia (Machado et
// al. 2009). Flavour shades are closer (about 14 from the nearest real runtime; the fake one's nearer): 7 hues are
// all that stay apart for every reader, so a flavoured series is also told apart by its name (" + NumPy").
//
// The six built-in runtimes people compare are the Okabe & Ito (2008) colours without black and yellow, which
// vanish on a dark or a light background; a runtime and its process twin share a hue family (CPython blue / sky
// blue, Node.js orange / vermillion). Okabe-Ito has no seventh colour that reads on both backgrounds, so the fake
// runtime of the tests takes a slate violet, the colour farthest from the six under every vision type.
struct BuiltinColours {
    const char* id;
    QColor plain;
    QColor flavoured;  ///< NumPy, ujson, mmap, Float64Array...: a darker or lighter shade of the same hue
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

/// FNV-1a over the UTF-16 text: the same interpreter gets the same colour in every run and every Qt version.
std::uint32_t stableHash(const QString& text)
{
    std::uint32_t hash = 2166136261u;
    for (const QChar c : text) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return hash;
}

}  // namespace

QColor RuntimePalette::color(const QString& runtimeId, const QString& flavour)
{
    const bool plain = flavour.isEmpty() || flavour == QLatin1String("plain");
    for (const BuiltinColours& b : kBuiltins)
        if (runtimeId == QLatin1String(b.id))
            return plain ? b.plain : b.flavoured;
    const QString key = plain ? runtimeId : seriesKey(runtimeId, flavour);
    return kUserColours[stableHash(key) % kUserColours.size()];
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
