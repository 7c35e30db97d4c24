// The article's requests/s for each HTTP framework (single process), as data: the CLI's HTTP table and the window's
// charts mark them beside the measurement. Read from the claims file (core/claims/claims.json), where they live.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace versus {

/// One framework's figure, keyed by the http workload's implementation flavour (unique across languages).
struct HttpArticleFigure {
    std::string flavour;  ///< "express", "fastify", "fastapi", "flask"
    double requestsPerSecond = 0;
    std::string statement;  ///< "Express ~15k req/s"
    std::vector<std::string> workloads;  ///< the workloads whose results it is set beside: {"http"}
};

/// Express about 15,000 req/s, Fastify about 30,000, FastAPI about 12,000, Flask about 3,000.
const std::vector<HttpArticleFigure>& httpArticleFigures();
/// The figure of one implementation; nullopt for the servers the article does not measure (http, asyncio, ...).
std::optional<HttpArticleFigure> httpArticleFigureFor(const std::string& flavour);
/// The figure of one implementation of `workloadId`: nullopt unless the claim names that workload (the charts mark
/// a figure only beside the workload it is about, whatever its flavours are called elsewhere).
std::optional<HttpArticleFigure> httpArticleFigureFor(const std::string& workloadId, const std::string& flavour);

}  // namespace versus
