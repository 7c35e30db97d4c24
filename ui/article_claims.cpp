// The claim table. The single place these numbers live; see the header for the plan to move it to core.
#include "article_claims.h"

namespace versus::gui {

const std::vector<ArticleClaim>& articleClaims()
{
    static const std::vector<ArticleClaim> claims{
        {"cpu-bound", "plain", true, 5, 10, "Node.js 5-10x faster than CPython"},
        {"json", "plain", true, 3, 5, "Node.js 3-5x faster than CPython's json"},
        {"json", "ujson", true, 1.5, 2, "Node.js 1.5-2x faster than CPython with ujson"},
        {"file-stream", "plain", true, 2, 3, "Node.js 2-3x faster than CPython"},
        {"file-random", "mmap", true, 0, 1, "CPython with mmap faster than Node.js"},
        {"numpy", "numpy", true, 0, 1, "CPython + NumPy faster than Node.js"},
        {"object-size", "plain", false, 0, 0, "CPython objects take at least 28 bytes; V8's are smaller"},
    };
    return claims;
}

std::vector<const ArticleClaim*> articleClaimsFor(const std::string& claimId)
{
    std::vector<const ArticleClaim*> out;
    for (const ArticleClaim& claim : articleClaims())
        if (claim.claimId == claimId)
            out.push_back(&claim);
    return out;
}

const std::vector<StartupClaim>& articleStartupClaims()
{
    static const std::vector<StartupClaim> claims{
        {"node-process", 30, "article ~30 ms"},
        {"python3", 50, "article ~50 ms"},
    };
    return claims;
}

}  // namespace versus::gui
