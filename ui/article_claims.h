// The article's claims about CPython vs Node.js speed, as data, so charts can draw the claimed range next to the
// measurement. Qt-free on purpose: the CLI and the classroom mode will move this table to core later.
#pragma once

#include <string>
#include <vector>

namespace versus::gui {

/// One claim of the article about one CPython implementation flavour of the workloads tagged with `claimId`.
struct ArticleClaim {
    std::string claimId;  ///< the manifest's "claim": "cpu-bound", "json", ...
    std::string pythonFlavour;  ///< the CPython implementation it speaks of: "plain", "ujson", "numpy", "mmap"
    bool aboutTime = true;  ///< false when the claim is not about speed (object-size): no range below
    /// Claimed CPython time per call / Node.js time per call: "Node.js 5-10x faster" is 5 to 10; "CPython faster"
    /// is 0 to 1.
    double minSlowdown = 0;
    double maxSlowdown = 0;
    std::string statement;  ///< "Node.js 5-10x faster than CPython"
};

/// The article's claim about how long one interpreter takes to start as a process ("Node.js about 30 ms").
struct StartupClaim {
    std::string runtimeId;  ///< the external runtime it speaks of: "python3", "node-process"
    double ms = 0;  ///< claimed start-up, process start to exit
    std::string statement;  ///< "article ~30 ms": short, it labels a line drawn in the runtime's colour
};

/// Every claim, in the article's order.
const std::vector<ArticleClaim>& articleClaims();
/// The claims about workloads tagged `claimId` (several when flavours differ, as json vs ujson).
std::vector<const ArticleClaim*> articleClaimsFor(const std::string& claimId);
/// The start-up claims: Node.js about 30 ms, CPython about 50 ms.
const std::vector<StartupClaim>& articleStartupClaims();

}  // namespace versus::gui
