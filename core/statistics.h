// Pure statistics over sample vectors. Every function states what it returns for n = 0 and n = 1.
#pragma once

#include <vector>

#include "result.h"

namespace versus::stats {

/// NaN for n = 0; the value itself for n = 1; the mean of the two middle values for even n.
double median(std::vector<double> values);
/// NaN for n = 0.
double mean(const std::vector<double>& values);
/// Sample standard deviation (n - 1). NaN for n = 0, 0 for n = 1 (undefined, reported as no spread).
double stddev(const std::vector<double>& values);
/// Median absolute deviation from the median, unscaled. NaN for n = 0, 0 for n = 1.
double mad(const std::vector<double>& values);
/// NaN for n = 0.
double minimum(const std::vector<double>& values);
double maximum(const std::vector<double>& values);

/// Per-call times (elapsedNs / innerLoops) of the measured samples, warm-up excluded.
std::vector<double> perCallNs(const std::vector<Sample>& samples);
/// Summary of the measured samples; all zero when there are none.
Summary summarize(const std::vector<Sample>& samples);

} // namespace versus::stats
