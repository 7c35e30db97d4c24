// Calls per second of every sample (requests per second where a call is a request), per runtime series, over sampling
// time; the warm-up band shaded, where each series reached its steady state (Summary::steadyStateIndex) marked, and
// the article's figure for a series it gives one for (Express ~15k req/s) as a labelled line in the series' colour.
#pragma once

#include <vector>

#include "plot_widget.h"

class QCPGraph;
class QCPAbstractItem;
class QCPItemRect;
class QCPItemText;

namespace versus::gui {

struct SeriesStyle;

class ThroughputPlot final : public SamplePlot {
    Q_OBJECT
public:
    explicit ThroughputPlot(const SampleStore& store, QWidget* parent = nullptr);

protected:
    QString describePoint(QCPAbstractPlottable* plottable, int index) const override;
    void fitAxes() override;
    bool hasSeries() const override { return !m_graphs.empty(); }
    /// Appends, in one batch per graph, the samples that arrived since the last call; then one queued replot.
    void drawNewSamples() override;
    void clearSeries() override;

private:
    struct Graphs {
        QString key;
        QCPGraph* warmup = nullptr;
        QCPGraph* measured = nullptr;
        std::size_t drawn = 0;
        int warmupCount = 0;
        // Kept while appending, so fitting the axes never walks a million points (getValueRange is O(n)).
        double minValue = 0;
        double maxValue = 0;
        double maxKey = 0;
    };
    Graphs& graphsFor(const QString& key, const QString& name, const SeriesStyle& style);
    /// One dashed line per finished series where its steady state begins, and a "settling" band in its colour
    /// when that is after the warm-up.
    void markSteadyStates(double warmupEnd);
    /// A label of the strip above the plot area; placeLabels puts it in place.
    QCPItemText* addLabel(const QString& text, const QColor& color);
    /// Called after every layout (replot or export, whatever the size): lays the labels out left to right in the
    /// strip, each at its time on the x axis or just after the previous one, so they never overlap.
    void placeLabels();
    /// One dashed line and label per article figure of the shown series (http_article_figures.h), drawn again when
    /// the shown series change.
    void markArticleFigures();

    struct Label {
        QCPItemText* item = nullptr;
        double key = 0;  ///< sampling time (s) it belongs to
    };
    std::vector<Graphs> m_graphs;
    QCPItemRect* m_warmupBand = nullptr;
    QCPItemText* m_warmupLabel = nullptr;
    bool m_warmupShown = false;
    std::vector<QCPAbstractItem*> m_steadyMarks;  // lines, bands and labels, removed together
    std::vector<Label> m_steadyLabels;  // the labels among m_steadyMarks
    std::vector<QCPAbstractItem*> m_figureMarks;  // article figures: lines and labels
    std::vector<double> m_figures;  // their values, which the value axis keeps in range
    std::size_t m_figuresForSeries = 0;  // series count when they were drawn
};

}  // namespace versus::gui
