// Base of every chart: a QCustomPlot with zoom/pan, hover tooltips, legend click to hide, export, log toggle; and
// SamplePlot, the base of the charts of one workload's sample series.
#pragma once

#include <functional>
#include <vector>

#include <QPointer>
#include <QWidget>

class QCustomPlot;
class QCPAbstractPlottable;
class QCPGraphData;
class QCPAxis;
class QCPGraph;
class QCPStatisticalBox;
class QCPLegend;
class QCPAbstractLegendItem;
class QCPItemText;
class QCPLayoutGrid;
class QCPPainter;
class QMouseEvent;
class QPaintDevice;

namespace versus::gui {

struct BoxStatistics;
struct SeriesStyle;

class SampleStore;
struct SampleSeries;

/// SVG text of `size` titled `title`, drawn by `paint` on the generator it is given (false on failure), without
/// the XML declaration so that it can be embedded in HTML; empty on failure.
QByteArray paintSvgText(QSize size, const QString& title, const QString& description,
                        const std::function<bool(QPaintDevice*)>& paint);

/// `text` broken at spaces into lines no wider than `width` pixels in `font`; with `maxLines` > 0, at most that many
/// lines, the last one elided ("...") when text is left over or a word is wider than `width`.
QString wrapToWidth(const QString& text, const QFont& font, double width, int maxLines = 0);

class PlotWidget : public QWidget {
    Q_OBJECT
public:
    explicit PlotWidget(const QString& title, QWidget* parent = nullptr);
    ~PlotWidget() override;

    QCustomPlot* plot() const { return m_plot; }
    QString title() const { return m_title; }
    /// The title drawn above the chart and used in exports.
    void setTitle(const QString& title);
    /// Data points held by all plottables (tests and the screenshot check that plots are not empty).
    int dataPointCount() const;
    /// Writes the chart as PNG, SVG or PDF (by suffix) at `size` (the widget's size when empty) and `scale`
    /// (device pixels per logical pixel, PNG only). Returns false with `error` set on failure.
    bool exportTo(const QString& fileName, QString* error = nullptr, QSize size = {}, double scale = 2.0);
    /// The chart as SVG text at `size` (the widget's size when empty), without the XML declaration.
    QByteArray toSvg(QSize size = {});
    /// Paints the chart at `size` into `painter` at its current origin (for sets of charts on one page).
    void paint(QCPPainter& painter, QSize size);
    /// Log or linear value axis. Charts whose value axis must stay logarithmic ignore it.
    virtual void setLogScale(bool logarithmic);
    bool logScale() const { return m_logScale; }
    /// Rescales to show all data (double-click does the same).
    void resetZoom();
    /// Coalesced replot: at most one per event-loop pass.
    void requestReplot();

signals:
    void logScaleToggled(bool logarithmic);

protected:
    /// Tooltip text for data point `index` of `plottable`; empty for no tooltip.
    virtual QString describePoint(QCPAbstractPlottable* plottable, int index) const;
    /// Tooltip text at `pos` (widget pixels) where no point or item has one, such as an axis's tick labels; empty for
    /// none.
    virtual QString describeAt(QPointF pos) const;
    /// Point `index` of `plottable` when it is a graph holding that point; null otherwise (for describePoint).
    static const QCPGraphData* graphPoint(QCPAbstractPlottable* plottable, int index);
    /// Called after the user toggled log scale or reset zoom; subclasses re-fit their axes.
    virtual void fitAxes();
    void setValueAxisLogarithmic(QCPAxis* axis, bool logarithmic);
    /// Follows the application palette (light or dark).
    void applyPalette();
    void changeEvent(QEvent* event) override;
    /// Shows the chart's own message ("No samples yet") in the middle of the axis rect when there is no data,
    /// wrapped to the chart's width; the axes of an empty chart show no ticks, which would only be the default range.
    void setEmptyMessage(const QString& message);
    /// `label` (at plot coordinates) never overlaps another such label: on every layout, labels are placed in the
    /// order they were added, each moved up or down from its anchor until it is clear of those placed before; one
    /// with no clear place within the axis rect is hidden (its point keeps its tooltip).
    void keepClear(QCPItemText* label);
    /// Called before the chart is laid out at `size` (every replot, every export): fewer ticks on small charts, so
    /// that tick labels never run into each other. Subclasses fit their own labels too, then call this.
    virtual void adaptToSize(QSize size);
    /// The axis rect's size when the chart is drawn at `size` (the latest layout's margins).
    QSize axisRectSizeAt(QSize size) const;
    /// Empties the text ticker of the x axis (a chart of categories, one per unit) and returns how many pixels a
    /// category's slot takes when the chart is drawn at `size`; the caller adds the ticks fitted to it.
    double clearCategoryTicks(QSize size);
    /// `plottable`'s whole name, also while its legend entry shows the shorter one (for tooltips).
    static QString seriesNameOf(const QCPAbstractPlottable* plottable);
    /// Legend entries and visibility of plottables are grouped by the "seriesKey" property: hiding a series hides
    /// its warm-up points, whiskers and error bars too.
    static void tagSeries(QCPAbstractPlottable* plottable, const QString& seriesKey);
    /// A per-sample series longer than a few thousand points loses its markers and gets a thin cosmetic pen:
    /// markers of long series are what a replot would spend its time on (QCustomPlot's adaptive sampling thins
    /// lines far better than scatters).
    static void dropMarkersWhenLong(QCPGraph* graph, const QColor& color);
    /// One Tukey box from `stats` at `key` (drawing `outliers`, which may be a subset of stats.outliers) and `dots`
    /// jittered (deterministically) at key + dotOffset, in `style` (a flavour's dash pattern and marker); edges and median follow a light or dark palette.
    struct BoxItems {
        QCPStatisticalBox* box = nullptr;
        QCPGraph* dots = nullptr;
    };
    BoxItems addBoxWithDots(double key, double boxWidth, double dotOffset, const QString& name,
                            const SeriesStyle& style, const BoxStatistics& stats, const std::vector<double>& outliers,
                            const std::vector<double>& dots);

private:
    void onMouseMove(QMouseEvent* event);
    void onLegendClick(QCPLegend* legend, QCPAbstractLegendItem* item, QMouseEvent* event);
    void showContextMenu(const QPoint& pos);
    void exportWithDialog(const QString& suffix);
    /// After each layout (screen or export): wraps the empty message, places the keepClear() labels.
    void arrangeAfterLayout();
    void placeClearLabels();
    /// The empty message and the axes' tick labels follow whether there is data: an empty chart's default range
    /// means nothing, and its ticks were drawn over each other on small charts.
    void updateEmptyState();
    /// The legend at `size`: under the plot in as many columns as fit, while that leaves the plot half the chart's
    /// height; else to its right in columns of as many rows as fit (at most 40% of the width), else under it in a
    /// smaller font, else to its right in that font (at most half the width); `forceRight`: to its right, in the
    /// smaller font when the chart's is too wide. Never truncated.
    void placeLegend(QSize size, bool forceRight = false);
    /// The legend's entries named by compactSeriesLabel() (their whole names kept for tooltips), or by their whole names.
    void setShortLegendNames(bool shorten);
    /// The legend's font, its entries' too (italic for a series hidden by a click).
    void setLegendFont(const QFont& wanted);
    /// Puts the legend on the plot's right or under it, `wrap` entries per column (right) or per row (under).
    void moveLegend(bool right, int wrap);
    /// Takes the legend out of its column on the plot's right and removes that column.
    void dropLegendColumn();
    /// The title wrapped to the width its cell has at `size` (less the legend's when that is on the right).
    void wrapTitle(QSize size);

    QCustomPlot* m_plot = nullptr;
    QString m_title;
    bool m_logScale = false;
    bool m_followData = true;  // axes re-fit on every refresh until the user zooms or pans
    QCPItemText* m_emptyText = nullptr;
    QString m_emptyMessage;  // unwrapped
    QPointer<QCPLayoutGrid> m_legendRow;
    QPointer<QCPLayoutGrid>
        m_legendColumn;  // right of the axis rect, holding the legend while it sits there  // under the axis rect, where the legend sits unless it moves right
    bool m_legendRight = false;  // the legend is in column 1 of the plot layout, right of the axis rect
    QSize m_laidOutSize;  // the size of the latest trial layout (adaptToSize) and its axis rect
    QSize m_laidOutAxisRect;
    struct ClearLabel {
        QPointer<QCPItemText> label;
        QPointF anchor;  // plot coordinates it was placed at
        bool hidden = false;  // hidden by placeClearLabels, not by its plot
    };
    std::vector<ClearLabel> m_clearLabels;
};

/// A chart of the sample series of one workload in a SampleStore (throughput, heap, distribution), kept up to date
/// as samples arrive.
class SamplePlot : public PlotWidget {
    Q_OBJECT
public:
    SamplePlot(const QString& title, const SampleStore& store, QWidget* parent = nullptr);

    /// Shows one view's series (one workload with one parameter set, ChartView::id), drawn from scratch (nothing to
    /// do when it is already shown).
    void showView(const QString& viewId);
    /// Draws the samples that arrived since the last call; nothing while no view is shown.
    void refresh();
    /// Removes every series and forgets the view.
    void clear();

protected:
    /// The store's series of the shown view.
    std::vector<const SampleSeries*> shownSeries() const;
    /// True when series of the shown workload are drawn.
    virtual bool hasSeries() const = 0;
    /// Draws the samples of the shown workload that arrived since the last call.
    virtual void drawNewSamples() = 0;
    /// Removes the plottables and items of every series.
    virtual void clearSeries() = 0;

private:
    const SampleStore& m_store;
    QString m_viewId;
};

}  // namespace versus::gui
