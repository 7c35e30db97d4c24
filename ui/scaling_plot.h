// Speed-up against workers for a stepped workload (cpu_parallel): one line per model, the ideal line (speed-up equal
// to the workers) and the machine's core count marked. GUI thread only.
#pragma once

#include <string>
#include <vector>

#include "plot_widget.h"
#include "result.h"

class QCPAbstractItem;

namespace versus::gui {

class ScalingPlot final : public PlotWidget {
    Q_OBJECT
public:
    /// `cores`: where the core count is marked (the machine's, unless a test says otherwise).
    explicit ScalingPlot(unsigned cores, QWidget* parent = nullptr);

    /// Redraws from the results of `workloadId` stepped over `stepParameter`; other results are ignored, and the
    /// chart says so when there are none. Called again as each step completes.
    void setResults(const std::vector<Result>& results, const std::string& workloadId = "cpu_parallel",
                    const std::string& stepParameter = "workers");
    /// Series drawn by the last setResults(), the ideal line not counted.
    int seriesCount() const { return m_series; }

protected:
    QString describePoint(QCPAbstractPlottable* plottable, int index) const override;
    void fitAxes() override;

private:
    unsigned m_cores;
    std::vector<QCPAbstractItem*> m_items;  // the core-count line and its label, owned by the plot
    int m_series = 0;
    double m_maxStep = 1;
    double m_maxSpeedup = 1;
};

}  // namespace versus::gui
