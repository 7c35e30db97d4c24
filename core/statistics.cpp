// Pure statistics: no state, no I/O.
#include "statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace versus::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

double median(std::vector<double> values)
{
    const size_t n = values.size();
    if (n == 0)
        return kNaN;
    auto mid = values.begin() + static_cast<std::ptrdiff_t>(n / 2);
    std::nth_element(values.begin(), mid, values.end());
    double upper = *mid;
    if (n % 2 == 1)
        return upper;
    double lower = *std::max_element(values.begin(), mid);
    return (lower + upper) / 2.0;
}

double mean(const std::vector<double>& values)
{
    if (values.empty())
        return kNaN;
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

double stddev(const std::vector<double>& values)
{
    if (values.empty())
        return kNaN;
    if (values.size() == 1)
        return 0.0;
    const double m = mean(values);
    double sum = 0;
    for (double v : values)
        sum += (v - m) * (v - m);
    return std::sqrt(sum / static_cast<double>(values.size() - 1));
}

double mad(const std::vector<double>& values)
{
    if (values.empty())
        return kNaN;
    const double m = median(values);
    std::vector<double> deviations;
    deviations.reserve(values.size());
    for (double v : values)
        deviations.push_back(std::fabs(v - m));
    return median(std::move(deviations));
}

double minimum(const std::vector<double>& values)
{
    return values.empty() ? kNaN : *std::min_element(values.begin(), values.end());
}

double maximum(const std::vector<double>& values)
{
    return values.empty() ? kNaN : *std::max_element(values.begin(), values.end());
}

std::vector<double> perCallNs(const std::vector<Sample>& samples)
{
    std::vector<double> out;
    for (const auto& s : samples)
        if (!s.warmup && s.innerLoops > 0)
            out.push_back(static_cast<double>(s.elapsedNs) / static_cast<double>(s.innerLoops));
    return out;
}

Summary summarize(const std::vector<Sample>& samples)
{
    Summary summary;
    const std::vector<double> values = perCallNs(samples);
    summary.samples = static_cast<int>(values.size());
    if (values.empty())
        return summary;
    summary.medianNs = median(values);
    summary.madNs = mad(values);
    summary.meanNs = mean(values);
    summary.stddevNs = stddev(values);
    summary.minNs = minimum(values);
    summary.maxNs = maximum(values);
    summary.callsPerSecond = summary.medianNs > 0 ? 1e9 / summary.medianNs : 0;
    return summary;
}

} // namespace versus::stats
