// The HTTP framework figures of the article, read from its claims (claims.json, claim "http-frameworks"); see the
// header.
#include "http_article_figures.h"

#include <algorithm>

#include "claim_catalog.h"

namespace versus {

const std::vector<HttpArticleFigure>& httpArticleFigures()
{
    static const std::vector<HttpArticleFigure> figures = [] {
        std::vector<HttpArticleFigure> out;
        if (const claims::Claim* claim = claims::articleClaimCatalog().find("http-frameworks"))
            for (const claims::ClaimCheck& check : claim->checks)
                if (check.kind == claims::CheckKind::Figure && !check.series.flavours.empty())
                    out.push_back({check.series.flavours.front(), check.about, check.statement, check.workloads});
        return out;
    }();
    return figures;
}

std::optional<HttpArticleFigure> httpArticleFigureFor(const std::string& flavour)
{
    for (const HttpArticleFigure& figure : httpArticleFigures())
        if (figure.flavour == flavour)
            return figure;
    return std::nullopt;
}

std::optional<HttpArticleFigure> httpArticleFigureFor(const std::string& workloadId, const std::string& flavour)
{
    auto figure = httpArticleFigureFor(flavour);
    if (figure && std::find(figure->workloads.begin(), figure->workloads.end(), workloadId) == figure->workloads.end())
        return std::nullopt;
    return figure;
}

}  // namespace versus
