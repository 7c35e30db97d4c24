// The charts' view of the claims file: its CPython-against-Node.js time ratios and its start-up figures.
#include "article_claims.h"

#include "claim_catalog.h"

namespace versus::gui {

const std::vector<ArticleClaim>& articleClaims()
{
    static const std::vector<ArticleClaim> claims = [] {
        std::vector<ArticleClaim> out;
        for (const claims::Claim& claim : claims::articleClaimCatalog().claims())
            for (const claims::ClaimCheck& check : claim.checks) {
                // A band on the summary chart: CPython's time over the embedded Node.js's, both embedded.
                if (check.kind != claims::CheckKind::Ratio || check.metric != "time"
                    || check.numerator.runtimeId != "python" || check.denominator.runtimeId != "node"
                    || check.denominator.flavours.front() != "plain")
                    continue;
                for (const std::string& workload : check.workloads)
                    out.push_back({workload, check.numerator.flavours.front(), true, check.range.low, check.range.high,
                                   check.statement});
            }
        return out;
    }();
    return claims;
}

std::vector<const ArticleClaim*> articleClaimsFor(const std::string& workloadId)
{
    std::vector<const ArticleClaim*> out;
    for (const ArticleClaim& claim : articleClaims())
        if (claims::workloadMatches(claim.workloadId, workloadId))
            out.push_back(&claim);
    return out;
}

const std::vector<StartupClaim>& articleStartupClaims()
{
    static const std::vector<StartupClaim> claims = [] {
        std::vector<StartupClaim> out;
        for (const claims::Claim& claim : claims::articleClaimCatalog().claims())
            for (const claims::ClaimCheck& check : claim.checks)
                if (check.kind == claims::CheckKind::Startup)
                    out.push_back({check.series.runtimeId, check.about, check.statement});
        return out;
    }();
    return claims;
}

}  // namespace versus::gui
