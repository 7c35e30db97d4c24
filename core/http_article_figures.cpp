// The HTTP framework figures of the article; see the header.
#include "http_article_figures.h"

namespace versus {

const std::vector<HttpArticleFigure>& httpArticleFigures()
{
    static const std::vector<HttpArticleFigure> figures{
        {"express", 15000, "Express ~15k req/s"},
        {"fastify", 30000, "Fastify ~30k req/s"},
        {"fastapi", 12000, "FastAPI ~12k req/s"},
        {"flask", 3000, "Flask ~3k req/s"},
    };
    return figures;
}

std::optional<HttpArticleFigure> httpArticleFigureFor(const std::string& flavour)
{
    for (const HttpArticleFigure& figure : httpArticleFigures())
        if (figure.flavour == flavour)
            return figure;
    return std::nullopt;
}

}  // namespace versus
