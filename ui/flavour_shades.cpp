// Flavour shades by greedy colouring of the graph whose edges join flavours that share a workload and language.
#include "flavour_shades.h"

#include <QHash>
#include <QSet>

#include <optional>

#include "catalog.h"

namespace versus::gui {

namespace {

bool isPlain(const QString& flavour)
{
    return flavour.isEmpty() || flavour == QLatin1String("plain");
}

QHash<QString, int> shadesOf(const Catalog& catalog)
{
    // Flavours in order of first appearance, and which flavours each meets (same workload and language).
    QStringList order;
    QHash<QString, QSet<QString>> meets;
    for (const Workload& w : catalog.workloads()) {
        QHash<QString, QStringList> byLanguage;
        for (const Implementation& impl : w.implementations) {
            const QString flavour = QString::fromStdString(impl.flavour);
            if (isPlain(flavour))
                continue;
            QStringList& group = byLanguage[QString::fromStdString(impl.language)];
            if (!group.contains(flavour))
                group << flavour;
            if (!order.contains(flavour))
                order << flavour;
        }
        for (const QStringList& group : byLanguage)
            for (const QString& a : group)
                for (const QString& b : group)
                    if (a != b)
                        meets[a].insert(b);
    }
    QHash<QString, int> shades;
    for (const QString& flavour : order) {
        QSet<int> taken;
        for (const QString& other : meets.value(flavour))
            if (shades.contains(other))
                taken.insert(shades.value(other));
        int shade = 1;
        while (taken.contains(shade) && shade < kFlavourShades)
            ++shade;
        shades.insert(flavour, shade);
    }
    return shades;
}

std::optional<QHash<QString, int>>& learned()
{
    static std::optional<QHash<QString, int>> shades;
    return shades;
}

}  // namespace

std::uint32_t stableTextHash(const QString& text)
{
    std::uint32_t hash = 2166136261u;
    for (const QChar c : text) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return hash;
}

void learnFlavourShades(const Catalog& catalog)
{
    learned() = shadesOf(catalog);
}

int flavourShade(const QString& flavour)
{
    if (isPlain(flavour))
        return 0;
    if (!learned())
        learnFlavourShades(Catalog::load(workloadsDirectory()));
    if (const auto it = learned()->constFind(flavour); it != learned()->constEnd())
        return *it;
    return 1 + int(stableTextHash(flavour) % kFlavourShades);
}

}  // namespace versus::gui
