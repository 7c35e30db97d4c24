// Okabe-Ito colours assigned by runtime id; flavours of a runtime get a related second colour.
#include "runtime_palette.h"

#include <QHash>

namespace versus::gui {

namespace {

// Okabe & Ito (2008), without black and yellow, which read poorly as thin lines on light and dark backgrounds.
const QColor kBlue(0x00, 0x72, 0xB2);
const QColor kOrange(0xE6, 0x9F, 0x00);
const QColor kGreen(0x00, 0x9E, 0x73);
const QColor kSkyBlue(0x56, 0xB4, 0xE9);
const QColor kVermillion(0xD5, 0x5E, 0x00);
const QColor kPurple(0xCC, 0x79, 0xA7);

} // namespace

QColor RuntimePalette::color(const QString& runtimeId, const QString& flavour)
{
    const bool plain = flavour.isEmpty() || flavour == QLatin1String("plain");
    if (runtimeId == QLatin1String("python"))
        return plain ? kBlue : kSkyBlue;
    if (runtimeId == QLatin1String("node"))
        return plain ? kOrange : kVermillion;
    if (runtimeId == QLatin1String("native"))
        return plain ? kGreen : kPurple;
    // Other runtimes (external interpreters, the fake one): a colour derived from the id, stable across runs.
    static const QColor others[] = {kPurple, kSkyBlue, kVermillion, kGreen};
    return others[qHash(runtimeId + flavour, 7) % 4];
}

QColor RuntimePalette::neutral()
{
    return QColor(0x88, 0x88, 0x88);
}

QString RuntimePalette::seriesKey(const QString& runtimeId, const QString& flavour)
{
    return runtimeId + QLatin1Char('/') + (flavour.isEmpty() ? QStringLiteral("plain") : flavour);
}

} // namespace versus::gui
