// Five-number summaries for box plots (Tukey whiskers and outliers), computed from raw per-call times. No Qt.
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

    /// Quartiles from core's stats::percentile (linear interpolation, numpy's default); values that are not finite
    /// are left out. n = 0: count 0, everything 0; n = 1: every field equals the value.
    static BoxStatistics compute(std::vector<double> values);
};

}  // namespace versus::gui
