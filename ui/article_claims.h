// The article's claims about CPython vs Node.js speed, as data, so charts can draw the claimed range next to the
// measurement. Qt-free on purpose: the CLI and the classroom mode will move this table to core later.
#pragma once

#include <string>
#include <vector>

namespace versus::gui {

/// One claim of the article about one CPython implementation flavour of the workloads tagged with `claimId`.
struct ArticleClaim {
    std::string claimId;        ///< the manifest's "claim": "cpu-bound", "json", ...
    std::string pythonFlavour;  ///< the CPython implementation it speaks of: "plain", "ujson", "numpy", "mmap"
    bool aboutTime = true;      ///< false when the claim is not about speed (object-size): no range below
    /// Claimed CPython time per call / Node.js time per call: "Node.js 5-10x faster" is 5 to 10; "CPython faster"
    /// is 0 to 1.
    double minSlowdown = 0;
    double maxSlowdown = 0;
    std::string statement;      ///< "Node.js 5-10x faster than CPython"
};

/// Every claim, in the article's order.
const std::vector<ArticleClaim>& articleClaims();
/// The claims about workloads tagged `claimId` (several when flavours differ, as json vs ujson).
std::vector<const ArticleClaim*> articleClaimsFor(const std::string& claimId);

} // namespace versus::gui
