// Tukey box statistics: quartiles by linear interpolation, whiskers at the last values within 1.5 IQR.
#include "box_statistics.h"

#include <algorithm>
#include <cmath>

namespace versus::gui {

double BoxStatistics::quantile(const std::vector<double>& sorted, double p)
{
    if (sorted.empty())
        return 0;
    const double rank = p * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(rank));
    const auto above = std::min(below + 1, sorted.size() - 1);
    const double fraction = rank - static_cast<double>(below);
    return sorted[below] + (sorted[above] - sorted[below]) * fraction;
}

BoxStatistics BoxStatistics::compute(std::vector<double> values)
{
    BoxStatistics box;
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }),
                 values.end());
    if (values.empty())
        return box;
    std::sort(values.begin(), values.end());
    box.count = static_cast<int>(values.size());
    box.q1 = quantile(values, 0.25);
    box.median = quantile(values, 0.5);
    box.q3 = quantile(values, 0.75);
    const double iqr = box.q3 - box.q1;
    const double lowFence = box.q1 - 1.5 * iqr;
    const double highFence = box.q3 + 1.5 * iqr;
    box.lowerWhisker = box.q1;
    box.upperWhisker = box.q3;
    for (double v : values) {
        if (v < lowFence || v > highFence) {
            box.outliers.push_back(v);
            continue;
        }
        box.lowerWhisker = std::min(box.lowerWhisker, v);
        box.upperWhisker = std::max(box.upperWhisker, v);
    }
    return box;
}

} // namespace versus::gui
