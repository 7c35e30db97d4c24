// Five-number summaries for box plots, computed from raw per-call times. Pure functions, no Qt.
#pragma once

#include <vector>

namespace versus::gui {

struct BoxStatistics {
    int count = 0;
    double lowerWhisker = 0;  ///< smallest value >= q1 - 1.5 IQR (Tukey)
    double q1 = 0;
    double median = 0;
    double q3 = 0;
    double upperWhisker = 0;  ///< largest value <= q3 + 1.5 IQR
    std::vector<double> outliers;

    /// Quartiles by linear interpolation between closest ranks (numpy's default). n = 0: count 0, everything 0;
    /// n = 1: every field equals the value.
    static BoxStatistics compute(std::vector<double> values);
    /// The p-quantile (0..1) of sorted values by linear interpolation; 0 for an empty vector.
    static double quantile(const std::vector<double>& sorted, double p);
};

} // namespace versus::gui
