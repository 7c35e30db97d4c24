// The article's quantitative claims, as data: core/claims/claims.json read into plain types. Each claim says which
// workloads and runtimes test it, what the article claims, and the range its verdict is judged against (verdict.h).
// No Qt.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "expected.h"
#include "result.h"

namespace versus::claims {

/// What a check measures.
enum class CheckKind {
    Startup,  ///< a process runtime's cold start, in ms (the start-up study)
    Figure,  ///< one series' figure: calls per second or a value the workload reports
    Ratio,  ///< numerator series over denominator series, same workload and parameters
};

/// One series of results: a runtime and the implementation flavour, the first of `flavours` that was measured.
struct SeriesRef {
    std::string runtimeId;  ///< "python", "node-process", or the placeholder "older-cpython"
    std::vector<std::string> flavours{"plain"};
};

/// The claimed range of a figure or a ratio; `high` is +infinity for "at least".
struct ClaimRange {
    double low = 0;
    double high = 0;
};

struct ClaimCheck {
    CheckKind kind = CheckKind::Ratio;
    /// Workload ids; an id ending in '*' stands for every workload whose id starts with what precedes it ("db_*").
    std::vector<std::string> workloads;
    ParamValues params;  ///< always; the text "cores" for an integer parameter means the machine's core count
    ParamValues defaultParams;  ///< only at the default budget (a tiny check takes the workload's tiny parameters)
    SeriesRef series;  ///< Startup and Figure
    SeriesRef numerator;  ///< Ratio
    SeriesRef denominator;  ///< Ratio
    /// "time" (median time per call; Ratio only), "calls_per_s" or "reported:<name>" (a value the workload reports).
    std::string metric = "time";
    ClaimRange range;  ///< of the figure (after `scale`) or of numerator / denominator
    double about = 0;  ///< the article's figure when it says "about X" (range from the tolerance); 0 otherwise
    double scale = 1;  ///< a figure is multiplied by it before it is judged (bytes per connection x 10,000)
    std::string unit;  ///< of a figure: "ms", "bytes", "req/s"
    std::string ratioName = "ratio";  ///< "speed-up" where the ratio is one
    std::string statement;  ///< what the article says, short: "Node.js 5-10x faster than CPython"
};

struct Claim {
    std::string id;  ///< "cpu-bound"
    int number = 0;  ///< its place in the article's list, from 1
    std::string sentence;  ///< the claim in plain words
    std::string articleSays;  ///< the claimed figure or range, short
    std::string why;  ///< the mechanism behind the numbers (JIT vs interpreter, the GIL, ...)
    std::string notTestable;  ///< non-empty: why this machine cannot test it at all
    std::string requiresRuntime;  ///< a runtime placeholder that must be resolved ("older-cpython"), else not testable
    std::string requiresRuntimeReason;
    std::string requiresWorkloadPrefix;  ///< "db_": not measurable yet until such workloads are in the catalog
    int requiresCores = 0;  ///< at least this many cores, else not testable
    std::vector<ClaimCheck> checks;
};

struct ClaimTolerances {
    double aboutFactor = 1.5;  ///< "about X" holds within X / f to X * f
    double partlyFactor = 2;  ///< a figure within the claimed range widened by this factor is "partly"
};

class ClaimCatalog {
public:
    /// Parses the claims file's text; the error names the claim and the field.
    static Expected<ClaimCatalog> parse(const std::string& jsonText);
    static Expected<ClaimCatalog> load(const std::filesystem::path& file);

    const std::vector<Claim>& claims() const { return m_claims; }
    const ClaimTolerances& tolerances() const { return m_tolerances; }
    const Claim* find(const std::string& id) const;

private:
    std::vector<Claim> m_claims;
    ClaimTolerances m_tolerances;
};

/// Where the claims file is: <data directory>/core/claims/claims.json (installed with the workloads, see
/// install_layout.h).
std::filesystem::path claimsFile();

/// The claims file of this Versus, loaded once (any thread); an empty catalog when it cannot be read, with the reason
/// in articleClaimCatalogError().
const ClaimCatalog& articleClaimCatalog();
const std::string& articleClaimCatalogError();

/// Whether `workloadId` is one of `pattern` ("fib", or "db_*" for every id starting with "db_").
bool workloadMatches(const std::string& pattern, const std::string& workloadId);

}  // namespace versus::claims
