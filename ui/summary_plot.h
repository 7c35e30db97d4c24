// Per workload, how many times slower than the fastest Python or Node.js run each series is (median per call), on a
// log axis, with 95% CI error bars, the native reference as a line and, when the workload speaks to one of the
// article's claims, the claimed range as a labelled band.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "plot_widget.h"
#include "result.h"

class QCPAbstractItem;
class QCPItemText;

namespace versus {
struct ResultAnalysis;
}

namespace versus::gui {

class SummaryPlot final : public PlotWidget {
    Q_OBJECT
public:
    explicit SummaryPlot(QWidget* parent = nullptr);

    /// Workload id -> the manifest's claim id, for the claimed-range bands; applies from the next setResults().
    void setWorkloadClaims(std::map<std::string, std::string> workloadClaims);
    /// Redraws from the successful results; failed ones are left out (the table shows them). Bootstraps the ratio
    /// CIs on the calling thread: for live runs, compute a ResultAnalysis elsewhere and call setAnalysis().
    void setResults(const std::vector<Result>& results);
    void setAnalysis(const ResultAnalysis& analysis);
    void setAnalysis(std::shared_ptr<const ResultAnalysis> analysis);
    /// The summary's value axis is always logarithmic: ratios are compared multiplicatively.
    void setLogScale(bool) override { }
    /// Claim bands drawn by the last setResults() (tests check they appear).
    int claimBandCount() const { return m_claimBands; }
    /// The whole label of group `index` (workload title, then every parameter), as its tick's tooltip says it.
    QString groupLabel(int index) const;

protected:
    void changeEvent(QEvent* event) override;
    QString describePoint(QCPAbstractPlottable* plottable, int index) const override;
    void fitAxes() override;
    QString describeAt(QPointF pos) const override;
    /// Each group's tick label fitted to its slot at `size`: the title on up to two lines, then its parameters on
    /// one (only those that differ between the workload's groups when all of them do not fit), elided; never wider
    /// than the slot, so that neighbours never run into each other.
    void adaptToSize(QSize size) override;

private:
    struct Point {
        QString workload;
        QString series;
        double medianNs = 0;
        double ratio = 1;
        double ciLow = 1;  // 95% CI of the ratio to the fastest median
        double ciHigh = 1;
        QString claim;  // the article's claim about this series and whether the measurement agrees
    };
    /// Draws each native reference result of a group as a labelled line across its column.
    void drawReferenceLines(const std::vector<Result>& group, double x0, double fastestNs);
    /// Draws where the CPython series of each claim would sit if the claim held, given where Node.js sits.
    void drawClaimBands(const std::vector<Result>& group, const QString& groupLabel, double x0, double fastestNs,
                        double halfWidth, const std::vector<std::string>& seriesOrder, double seriesSpacing);
    QCPItemText* addLabel(double x, double y, const QString& text, const QColor& color, Qt::Alignment align,
                          qreal pointSize);

    std::shared_ptr<const ResultAnalysis> m_lastAnalysis;  // drawn again when the palette changes
    std::map<std::string, std::string> m_workloadClaims;
    std::vector<std::pair<QCPAbstractPlottable*, std::vector<Point>>> m_points;  // per graph, in data order
    std::vector<QCPAbstractItem*> m_items;
    struct GroupTick {
        QString title;
        QString params;  // every parameter: "clients=8, pool=1"
        QString distinct;  // those that differ between the groups of its workload: "pool=1"
    };
    /// "Database: " when every group's title starts with that family and goes on after it; "" otherwise.
    QString sharedFamily() const;
    std::vector<GroupTick> m_ticks;  // per group, in x order
    int m_groups = 0;
    int m_claimBands = 0;
    double m_maxRatio = 1;
    double m_minRatio = 1;
};

}  // namespace versus::gui
