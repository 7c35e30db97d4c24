// The article's claims as the charts draw them: the claimed range beside a measurement. Read from core's claims file
// (core/claims/claim_catalog.h), the one place the claims and their figures live. Qt-free.
#pragma once

#include <string>
#include <vector>

namespace versus::gui {

/// One claim of the article about one CPython implementation flavour against Node.js on one workload.
struct ArticleClaim {
    std::string workloadId;  ///< the workload the claim's check runs: "fib", "json_parse", ...
    std::string pythonFlavour;  ///< the CPython implementation it speaks of: "plain", "ujson", "numpy", "mmap"
    bool aboutTime = true;  ///< always true here: a claimed ratio of times per call
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

/// Every CPython-against-Node.js ratio the claims check, in the article's order.
const std::vector<ArticleClaim>& articleClaims();
/// The claims about `workloadId` (several when flavours differ, as json vs ujson).
std::vector<const ArticleClaim*> articleClaimsFor(const std::string& workloadId);
/// The start-up claims: Node.js about 30 ms, CPython about 50 ms.
const std::vector<StartupClaim>& articleStartupClaims();

}  // namespace versus::gui
