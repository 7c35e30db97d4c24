// Tukey box statistics: quartiles from core's percentile, whiskers at the last values within 1.5 IQR.
#include "box_statistics.h"

#include <algorithm>
#include <cmath>

#include "statistics.h"

namespace versus::gui {

BoxStatistics BoxStatistics::compute(std::vector<double> values)
{
    BoxStatistics box;
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }),
                 values.end());
    if (values.empty())
        return box;
    std::sort(values.begin(), values.end());
    box.count = static_cast<int>(values.size());
    box.q1 = stats::percentile(values, 25);
    box.median = stats::percentile(values, 50);
    box.q3 = stats::percentile(values, 75);
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

}  // namespace versus::gui
