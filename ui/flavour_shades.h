// Which shade of its runtime's colour an implementation flavour is drawn in: flavours that meet in one workload and
// language (Express and Fastify, Flask, FastAPI and http.server) never share one. GUI thread only.
#pragma once

#include <QString>

#include <cstdint>

namespace versus {
class Catalog;
}

namespace versus::gui {

/// Shades a runtime has for its flavours (besides the plain one, shade 0).
constexpr int kFlavourShades = 5;

/// The shade of `flavour`: 0 for the plain one (or none), else 1 to kFlavourShades. Learned from the catalog: the
/// flavours of each workload and language get different shades, the same flavour the same shade in every workload
/// (so one summary chart over several workloads agrees with each workload's charts). The default catalog is read on
/// first use unless learnFlavourShades() was called; a flavour no manifest names gets a stable shade from its name.
int flavourShade(const QString& flavour);
/// FNV-1a over the UTF-16 text: the same value in every run and every Qt version (colours of names no table holds).
std::uint32_t stableTextHash(const QString& text);
/// Learns the shades from `catalog` (the window's, or a --workloads-dir one), replacing what was learned before.
void learnFlavourShades(const Catalog& catalog);

}  // namespace versus::gui
