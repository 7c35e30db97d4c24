// Interaction and export shared by every chart. GUI thread only, like all of QCustomPlot.
#include "plot_widget.h"

#include <QApplication>
#include <QBuffer>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QMenu>
#include <QStandardPaths>
#include <QSvgGenerator>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include <qcustomplot.h>

#include "box_statistics.h"
#include "chart_export_dialog.h"
#include "runtime_palette.h"
#include "sample_store.h"
#include "series_label.h"

namespace versus::gui {

namespace {

const char* const kSeriesKey = "seriesKey";
const char* const kFullName = "fullName";  // a plottable's whole name while its legend entry shows a shorter one

/// QCustomPlot with its layout step callable on its own: labels are fitted to the axis rect a size will give them.
class LayoutPlot final : public QCustomPlot {
public:
    using QCustomPlot::QCustomPlot;
    /// Lays the chart out at `size` without drawing it; the viewport is left as it was.
    void layOutAt(QSize size)
    {
        const QRect shown = viewport();
        setViewport(QRect(QPoint(0, 0), size));
        updateLayout();
        setViewport(shown);
    }
};

/// The pixel box of a text item's text after the latest layout (its padding, which keeps it off its point, left out).
QRectF boxOf(QCPItemText* text)
{
    const QMargins pad = text->padding();
    return QRectF(text->topLeft->pixelPosition(), text->bottomRight->pixelPosition())
        .normalized()
        .adjusted(pad.left(), pad.top(), -pad.right(), -pad.bottom());
}

}  // namespace

QString wrapToWidth(const QString& text, const QFont& font, double width, int maxLines)
{
    const QFontMetricsF metrics(font);
    QStringList lines;
    QString line;
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    int used = 0;
    for (; used < words.size(); ++used) {
        const QString candidate = line.isEmpty() ? words[used] : line + QLatin1Char(' ') + words[used];
        if (line.isEmpty() || metrics.horizontalAdvance(candidate) <= width) {
            line = candidate;
            continue;
        }
        if (maxLines > 0 && lines.size() + 1 == maxLines)
            break;  // the last line takes the rest, elided
        lines << line;
        line = words[used];
    }
    if (maxLines > 0) {
        for (; used < words.size(); ++used)
            line += QLatin1Char(' ') + words[used];
        line = metrics.elidedText(line, Qt::ElideRight, width);
        for (QString& l : lines)
            l = metrics.elidedText(l, Qt::ElideRight, width);
    }
    if (!line.isEmpty())
        lines << line;
    return lines.join(QLatin1Char('\n'));
}

QByteArray paintSvgText(QSize size, const QString& title, const QString& description,
                        const std::function<bool(QPaintDevice*)>& paint)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(title);
    generator.setDescription(description);
    if (!paint(&generator))
        return {};
    QByteArray svg = buffer.data();
    if (svg.startsWith("<?xml"))
        svg.remove(0, svg.indexOf('\n') + 1);
    return svg;
}

PlotWidget::PlotWidget(const QString& title, QWidget* parent) : QWidget(parent), m_title(title)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_plot = new LayoutPlot(this);
    m_plot->setObjectName(QStringLiteral("plot"));
    layout->addWidget(m_plot);

    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setAntialiasedElements(QCP::aeNone);
    m_plot->setNotAntialiasedElements(QCP::aePlottables);  // thin 1 px lines stay cheap with many points
    m_plot->plotLayout()->insertRow(0);
    auto* titleElement = new QCPTextElement(m_plot, title, QFont(font().family(), font().pointSize() + 1, QFont::Bold));
    titleElement->setObjectName(QStringLiteral("title"));
    m_plot->plotLayout()->addElement(0, 0, titleElement);

    // The legend sits in its own row under the axis rect, laid out horizontally, so it never hides data.
    m_plot->legend->setVisible(true);
    m_plot->legend->setSelectableParts(QCPLegend::spItems);  // clicks reach legendClick; nothing gets selected
    m_plot->legend->setIconSize(14, 8);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(4);
    auto* legendRow = new QCPLayoutGrid;
    m_legendRow = legendRow;
    m_plot->plotLayout()->addElement(2, 0, legendRow);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    // Between two stretchable spacers: alone, a legend with no entries would set the column's maximum width to its
    // margins, and the whole chart would be drawn in a sliver of its widget (the empty charts at first launch).
    legendRow->addElement(0, 0, new QCPLayoutElement(m_plot));
    legendRow->addElement(0, 1, m_plot->legend);
    legendRow->addElement(0, 2, new QCPLayoutElement(m_plot));
    legendRow->setMargins(QMargins(0, 0, 0, 4));
    m_plot->plotLayout()->setRowStretchFactor(2, 0.001);
    m_plot->plotLayout()->setRowSpacing(0);

    m_emptyText = new QCPItemText(m_plot);
    m_emptyText->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_emptyText->position->setCoords(0.5, 0.5);
    m_emptyText->setClipToAxisRect(false);
    m_emptyText->setTextAlignment(Qt::AlignCenter);
    setEmptyMessage(tr("No data yet: pick workloads and runtimes, then Run (Ctrl+R)"));
    connect(m_plot, &QCustomPlot::beforeReplot, this, [this] { adaptToSize(m_plot->viewport().size()); });
    connect(m_plot, &QCustomPlot::afterLayout, this, &PlotWidget::arrangeAfterLayout);

    connect(m_plot, &QCustomPlot::mouseMove, this, &PlotWidget::onMouseMove);
    connect(m_plot, &QCustomPlot::legendClick, this, &PlotWidget::onLegendClick);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { resetZoom(); });
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_followData = false; });
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) {
        if (e->button() == Qt::LeftButton && m_plot->axisRect()->rect().contains(e->pos()))
            m_followData = false;
    });
    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_plot, &QWidget::customContextMenuRequested, this, &PlotWidget::showContextMenu);
    applyPalette();
}

PlotWidget::~PlotWidget()
{
    if (m_plot->legend && !m_plot->legend->layout())
        delete m_plot->legend;  // hidden, out of the layout that would have deleted it
}

void PlotWidget::tagSeries(QCPAbstractPlottable* plottable, const QString& seriesKey)
{
    plottable->setProperty(kSeriesKey, seriesKey);
}

void PlotWidget::dropMarkersWhenLong(QCPGraph* graph, const QColor& color)
{
    constexpr int kManyPoints = 5000;
    if (graph->dataCount() > kManyPoints && graph->scatterStyle().shape() != QCPScatterStyle::ssNone) {
        graph->setScatterStyle(QCPScatterStyle());
        graph->setPen(QPen(color, 0));
    }
}

PlotWidget::BoxItems PlotWidget::addBoxWithDots(double key, double boxWidth, double dotOffset, const QString& name,
                                                const SeriesStyle& style, const BoxStatistics& stats,
                                                const std::vector<double>& outliers, const std::vector<double>& dots)
{
    const QColor color = style.color;
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    const QColor edge = dark ? color.lighter(125) : color.darker(125);
    BoxItems items;
    items.box = new QCPStatisticalBox(m_plot->xAxis, m_plot->yAxis);
    items.box->setName(name);
    QColor fill = color;
    fill.setAlpha(dark ? 90 : 70);
    items.box->setBrush(fill);
    QPen edgePen = style.pen(1.2);  // a flavour's box is outlined in its dash pattern
    edgePen.setColor(edge);
    items.box->setPen(edgePen);
    items.box->setMedianPen(QPen(dark ? color.lighter(150) : color.darker(160), 2.5));
    items.box->setWhiskerPen(QPen(edge, 1.2, Qt::SolidLine));
    items.box->setWhiskerBarPen(QPen(edge, 1.2));
    items.box->setWidth(boxWidth);
    items.box->setWhiskerWidth(boxWidth * 0.5);
    items.box->setOutlierStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, edge, 6));
    if (stats.count > 0)
        items.box->addData(key, stats.lowerWhisker, stats.q1, stats.median, stats.q3, stats.upperWhisker,
                           QVector<double>(outliers.begin(), outliers.end()));
    items.dots = new QCPGraph(m_plot->xAxis, m_plot->yAxis);
    items.dots->setName(name);
    items.dots->setLineStyle(QCPGraph::lsNone);
    QColor dot = color;
    dot.setAlpha(170);
    QCPScatterStyle marker = style.marker(style.shade == 0 ? 4 : 5);  // a flavour's dots in its marker shape
    marker.setPen(QPen(dot));
    marker.setBrush(dot);
    items.dots->setScatterStyle(marker);
    QVector<double> keys, values;
    keys.reserve(qsizetype(dots.size()));
    for (std::size_t i = 0; i < dots.size(); ++i) {
        // Deterministic jitter in [-0.5, 0.5) so that repeated replots do not move the dots.
        keys.push_back(key + dotOffset + 0.08 * (std::fmod(double(i) * 0.618033988749895, 1.0) - 0.5));
        values.push_back(dots[i]);
    }
    items.dots->setData(keys, values);
    return items;
}

int PlotWidget::dataPointCount() const
{
    int n = 0;
    for (int i = 0; i < m_plot->plottableCount(); ++i) {
        QCPAbstractPlottable* p = m_plot->plottable(i);
        if (auto* graph = qobject_cast<QCPGraph*>(p))
            n += graph->dataCount();
        else if (auto* box = qobject_cast<QCPStatisticalBox*>(p))
            n += box->dataCount();
    }
    return n;
}

void PlotWidget::setTitle(const QString& title)
{
    m_title = title;
    if (auto* element = qobject_cast<QCPTextElement*>(m_plot->plotLayout()->element(0, 0)))
        element->setText(title);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PlotWidget::setEmptyMessage(const QString& message)
{
    m_emptyMessage = message;
    m_emptyText->setText(message);
}

void PlotWidget::keepClear(QCPItemText* label)
{
    m_clearLabels.push_back({label, label->position->coords()});
}

void PlotWidget::updateEmptyState()
{
    const bool empty = dataPointCount() == 0;
    m_emptyText->setVisible(empty);
    for (QCPAxis* axis : m_plot->axisRect()->axes())
        if (axis->visible())
            axis->setTickLabels(!empty);
}

QSize PlotWidget::axisRectSizeAt(QSize size) const
{
    if (size == m_laidOutSize)
        return m_laidOutAxisRect;
    const QRect axes = m_plot->axisRect()->rect();
    const QSize laidOut = m_plot->viewport().size();
    return {size.width() - (laidOut.width() - axes.width()), size.height() - (laidOut.height() - axes.height())};
}

double PlotWidget::clearCategoryTicks(QSize size)
{
    if (auto ticker = m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerText>())
        ticker->clear();
    const QCPRange range = m_plot->xAxis->range();
    return range.size() > 0 ? axisRectSizeAt(size).width() / range.size() : 100;
}

void PlotWidget::placeLegend(QSize size, bool forceRight)
{
    QCPLegend* legend = m_plot->legend;
    if (!m_legendRow)
        return;
    // A hidden legend still takes the room of its entries in a layout: it leaves the layout while hidden.
    if (!legend->visible()) {
        if (QCPLayout* holder = legend->layout()) {
            if (m_legendRight)
                dropLegendColumn();
            else
                holder->take(legend);
            m_legendRight = false;
        }
        return;
    }
    if (!legend->layout())
        m_legendRow->addElement(0, 1, legend);
    // How the legend would lay out in `font`: columns under the plot, and rows and columns on its right.
    struct Fit {
        int columns = 1;  // under the plot
        double below = 0;  // its height there
        int rowsRight = 1;
        double right = 0;  // its width on the right
    };
    auto fit = [&](const QFont& font) {
        const QFontMetricsF metrics(font);
        int count = 0;
        double widest = 0;
        for (int i = 0; i < legend->itemCount(); ++i)
            if (auto* entry = qobject_cast<QCPPlottableLegendItem*>(legend->item(i))) {
                ++count;
                widest = std::max(widest, metrics.horizontalAdvance(entry->plottable()->name()));
            }
        const QMargins itemMargins(8, 2, 8, 2);  // QCPAbstractLegendItem's own
        const double columnWidth = widest + legend->iconSize().width() + legend->iconTextPadding() + itemMargins.left()
            + itemMargins.right() + legend->columnSpacing();
        const double rowHeight = std::max(metrics.height(), double(legend->iconSize().height())) + itemMargins.top()
            + itemMargins.bottom() + legend->rowSpacing();
        Fit f;
        f.columns = std::clamp(int((size.width() - 16) / columnWidth), 1, std::max(count, 1));
        f.below = std::ceil(double(count) / f.columns) * rowHeight + 9;
        f.rowsRight = std::max(1, int(size.height() * 0.7 / rowHeight));
        f.right = std::ceil(double(count) / f.rowsRight) * columnWidth + 10;
        return f;
    };
    // The plot keeps at least half of the chart's height: the legend under it gets what the title and the axes (as
    // the latest layout measured them, else a guess) leave of the other half, and at most a third of the chart.
    double decorations = 80;
    if (!m_laidOutSize.isEmpty()) {
        const double legendBelow = m_legendRight ? 0.0 : double(m_legendRow->outerRect().height());
        decorations = m_laidOutSize.height() - m_laidOutAxisRect.height() - legendBelow;
    }
    const double tallest = std::min(size.height() / 3.0, size.height() * 0.5 - decorations);
    // Under the plot in the chart's font; else on its right; else under it in a smaller font; else on its right in
    // that font, taking up to half the width.
    const QFont normal = font();
    QFont small = normal;
    small.setPointSizeF(normal.pointSizeF() * 0.85);
    // With " (embedded)" left out of the names when the whole names fit nowhere (seven runtime/ORM series of a
    // database workload); the tooltips keep the whole name.
    auto decide = [&](bool& right, bool& compact) {
        const Fit regular = fit(normal);
        right = false;
        compact = false;
        if (forceRight && std::min(regular.right, fit(small).right) <= size.width() * 0.35) {
            right = true;  // only where it surely fits: a legend wider than the chart would be cut off
            compact = regular.right > size.width() * 0.35;
            return true;
        }
        if (regular.below <= tallest)
            return true;
        right = regular.right <= size.width() * 0.4;
        compact = !right;
        if (compact && fit(small).below > tallest)
            right = fit(small).right <= size.width() * 0.5;
        return right || fit(small).below <= tallest;
    };
    bool right = false;
    bool compact = false;
    setShortLegendNames(false);
    if (!decide(right, compact)) {
        setShortLegendNames(true);
        decide(right, compact);
    }
    const Fit chosen = compact ? fit(small) : fit(normal);
    const QFont wanted = compact ? small : normal;
    setLegendFont(wanted);
    moveLegend(right, right ? chosen.rowsRight : chosen.columns);
    // The estimate above was short (QCustomPlot's own measure of the laid-out entries is wider): a legend that would
    // take more than 45% of the width goes back under the plot, in the smaller font, rather than be cut off.
    if (right && legend->minimumOuterSizeHint().width() > size.width() * 0.45) {
        setLegendFont(small);
        moveLegend(false, fit(small).columns);
    }
}

void PlotWidget::setShortLegendNames(bool shorten)
{
    QCPLegend* legend = m_plot->legend;
    for (int i = 0; i < legend->itemCount(); ++i) {
        auto* entry = qobject_cast<QCPPlottableLegendItem*>(legend->item(i));
        if (!entry)
            continue;
        QCPAbstractPlottable* p = entry->plottable();
        QString whole = p->property(kFullName).toString();
        if (whole.isEmpty() || (p->name() != whole && p->name() != compactSeriesLabel(whole))) {
            whole = p->name();  // named anew since
            p->setProperty(kFullName, whole);
        }
        p->setName(shorten ? compactSeriesLabel(whole) : whole);
    }
}

QString PlotWidget::seriesNameOf(const QCPAbstractPlottable* plottable)
{
    const QString whole = plottable->property(kFullName).toString();
    return whole.isEmpty() || compactSeriesLabel(whole) != plottable->name() ? plottable->name() : whole;
}

void PlotWidget::setLegendFont(const QFont& wanted)
{
    QCPLegend* legend = m_plot->legend;
    if (legend->font() == wanted)
        return;
    legend->setFont(wanted);
    for (int i = 0; i < legend->itemCount(); ++i)
        if (auto* entry = qobject_cast<QCPPlottableLegendItem*>(legend->item(i))) {
            QFont itemFont = wanted;
            itemFont.setItalic(!entry->plottable()->visible());  // a series hidden by a click stays marked
            entry->setFont(itemFont);
        }
}

void PlotWidget::moveLegend(bool right, int wrap)
{
    QCPLegend* legend = m_plot->legend;
    if (right != m_legendRight) {
        QCPLayoutGrid* layout = m_plot->plotLayout();
        if (right) {
            // On top of a column of its own, a stretchable spacer under it: alone in the cell, the legend's rows were
            // spread over the plot's whole height.
            m_legendRow->take(legend);
            auto* column = new QCPLayoutGrid;
            layout->addElement(1, 1, column);
            column->addElement(0, 0, legend);
            column->addElement(1, 0, new QCPLayoutElement(m_plot));
            column->setRowStretchFactor(0, 0.001);
            column->setRowSpacing(0);
            m_legendColumn = column;
            layout->setColumnStretchFactor(1, 0.001);
            legend->setMargins(QMargins(4, 0, 6, 0));
        } else {
            dropLegendColumn();
            m_legendRow->addElement(0, 1, legend);
            legend->setMargins(QMargins(7, 5, 7, 4));  // QCPLegend's own
        }
        m_legendRight = right;
    }
    // The entries are read in the grid's present order and placed again in the new one (setting the new order first
    // read them out of the old grid in the wrong sequence: the legend's order was shuffled).
    const auto order = right ? QCPLayoutGrid::foRowsFirst : QCPLayoutGrid::foColumnsFirst;
    if (legend->fillOrder() == order && legend->wrap() == wrap)
        return;
    legend->setWrap(wrap);
    legend->setFillOrder(order, true);
}

void PlotWidget::dropLegendColumn()
{
    if (!m_legendColumn)
        return;
    if (m_plot->legend->layout() == m_legendColumn)
        m_legendColumn->take(m_plot->legend);
    m_plot->plotLayout()->remove(m_legendColumn);  // deletes it and its spacer
    m_plot->plotLayout()->simplify();
}

void PlotWidget::wrapTitle(QSize size)
{
    // With the legend on the plot's right, the title's cell is the plot's column only.
    auto* title = qobject_cast<QCPTextElement*>(m_plot->plotLayout()->element(0, 0));
    if (!title)
        return;
    const int legendWidth = m_legendRight ? m_plot->legend->minimumOuterSizeHint().width() : 0;
    title->setText(wrapToWidth(m_title, title->font(), size.width() - legendWidth - 12, 2));
}

void PlotWidget::adaptToSize(QSize size)
{
    placeLegend(size);
    // The title and the axis titles wrap to two lines, then elide, rather than run off the chart.
    wrapTitle(size);
    // A trial layout at `size`, with the title and legend as they will be, says how long each axis is.
    static_cast<LayoutPlot*>(m_plot)->layOutAt(size);
    // The guess of what the title and axes take was short (a title on two lines, two-line tick labels): the legend
    // goes to the plot's right, so that the plot keeps half of the chart's height.
    if (!m_legendRight && m_plot->legend->visible() && m_plot->legend->itemCount() > 0
        && m_plot->axisRect()->rect().height() * 2 < size.height()) {
        placeLegend(size, true);
        wrapTitle(size);
        static_cast<LayoutPlot*>(m_plot)->layOutAt(size);
    }
    m_laidOutSize = size;
    m_laidOutAxisRect = m_plot->axisRect()->rect().size();
    const QSize area = m_laidOutAxisRect;
    for (QCPAxis* axis : m_plot->axisRect()->axes()) {
        if (!axis->visible() || axis->label().isEmpty())
            continue;
        const QString label = QString(axis->label()).replace(QLatin1Char('\n'), QLatin1Char(' '));
        const int length = axis->orientation() == Qt::Horizontal ? area.width() : area.height();
        axis->setLabel(QFontMetricsF(axis->labelFont()).horizontalAdvance(label) > length - 4
                           ? wrapToWidth(label, axis->labelFont(), length - 4, 2)
                           : label);
    }
    // About one tick label per 90 px across and per 45 px up: QCustomPlot's default five run into each other on
    // small charts. Text and log tickers choose their own ticks.
    for (QCPAxis* axis : m_plot->axisRect()->axes()) {
        const QSharedPointer<QCPAxisTicker> ticker = axis->ticker();
        if (!ticker || ticker.dynamicCast<QCPAxisTickerText>() || ticker.dynamicCast<QCPAxisTickerLog>())
            continue;
        const int length = axis->orientation() == Qt::Horizontal ? area.width() / 90 : area.height() / 45;
        ticker->setTickCount(std::clamp(length, 2, 5));
    }
}

void PlotWidget::arrangeAfterLayout()
{
    if (m_emptyText->visible()) {
        m_emptyText->setText(wrapToWidth(m_emptyMessage, m_emptyText->font(), m_plot->axisRect()->width() * 0.85));
    }
    placeClearLabels();
}

void PlotWidget::placeClearLabels()
{
    std::erase_if(m_clearLabels, [](const ClearLabel& c) { return c.label.isNull(); });
    if (m_clearLabels.empty())
        return;
    const QRectF area = m_plot->axisRect()->rect();
    // The markers of short series are in place first: a label never covers a data point either.
    std::vector<QRectF> placed;
    constexpr int kFewPoints = 200;
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        QCPGraph* graph = m_plot->graph(i);
        if (!graph->visible() || graph->dataCount() > kFewPoints || graph->scatterStyle().isNone())
            continue;
        const double half = graph->scatterStyle().size() / 2;
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
            const QPointF at = graph->coordsToPixels(it->key, it->value);
            placed.emplace_back(at.x() - half, at.y() - half, 2 * half, 2 * half);
        }
    }
    for (ClearLabel& c : m_clearLabels) {
        QCPItemText* label = c.label.data();
        if (c.hidden) {
            label->setVisible(true);
            c.hidden = false;
        }
        if (!label->visible())
            continue;  // hidden by its plot: takes no room
        label->position->setCoords(c.anchor);
        // Inside the plot across too: a label beside a dot near the edge moves in rather than be cut off.
        const QRectF drawn = boxOf(label);
        double dx = 0;
        if (drawn.left() < area.left())
            dx = area.left() - drawn.left();
        else if (drawn.right() > area.right())
            dx = std::max(area.right() - drawn.right(), area.left() - drawn.left());
        const QRectF box = drawn.translated(dx, 0);
        const double step = std::max(4.0, box.height() / 2);
        std::optional<double> shift;
        for (int k = 0; k <= 12 && !shift; ++k) {
            for (const double dy : {k * step, -k * step}) {
                const QRectF candidate = box.translated(0, dy);
                const bool inside = candidate.top() >= area.top() - 1 && candidate.bottom() <= area.bottom() + 1;
                const bool clear = std::none_of(placed.begin(), placed.end(),
                                                [&](const QRectF& other) { return other.intersects(candidate); });
                if ((inside || k == 0) && clear) {
                    shift = dy;
                    break;
                }
            }
        }
        if (!shift) {
            label->setVisible(false);
            c.hidden = true;
            continue;
        }
        if (*shift != 0 || dx != 0)
            label->position->setPixelPosition(label->position->pixelPosition() + QPointF(dx, *shift));
        placed.push_back(box.translated(0, *shift));
    }
}

void PlotWidget::requestReplot()
{
    if (m_followData)
        fitAxes();
    updateEmptyState();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PlotWidget::fitAxes()
{
    m_plot->rescaleAxes(true);
}

void PlotWidget::resetZoom()
{
    m_followData = true;
    requestReplot();
}

void PlotWidget::setLogScale(bool logarithmic)
{
    if (m_logScale == logarithmic)
        return;
    m_logScale = logarithmic;
    setValueAxisLogarithmic(m_plot->yAxis, logarithmic);
    m_followData = true;
    requestReplot();
    emit logScaleToggled(logarithmic);
}

void PlotWidget::setValueAxisLogarithmic(QCPAxis* axis, bool logarithmic)
{
    if (logarithmic) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
        ticker->setSubTickCount(8);
        axis->setTicker(ticker);
        axis->setNumberFormat(QStringLiteral("gb"));
        axis->setNumberPrecision(6);
    } else {
        axis->setScaleType(QCPAxis::stLinear);
        axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        axis->setNumberFormat(QStringLiteral("gb"));
        axis->setNumberPrecision(6);
    }
}

void PlotWidget::applyPalette()
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor base = pal.color(QPalette::Base);
    QColor grid = text;
    grid.setAlpha(40);
    QColor subGrid = text;
    subGrid.setAlpha(15);
    m_plot->setBackground(base);
    for (QCPAxis* axis : m_plot->axisRect()->axes()) {
        axis->setBasePen(QPen(text, 0));
        axis->setTickPen(QPen(text, 0));
        axis->setSubTickPen(QPen(text, 0));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
        axis->grid()->setSubGridPen(QPen(subGrid, 0, Qt::DotLine));
        axis->grid()->setZeroLinePen(Qt::NoPen);
    }
    QColor legendBrush = base;
    legendBrush.setAlpha(225);
    m_plot->legend->setBrush(legendBrush);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setTextColor(text);
    if (auto* title = qobject_cast<QCPTextElement*>(m_plot->plotLayout()->element(0, 0)))
        title->setTextColor(text);
    QColor muted = text;
    muted.setAlpha(140);
    m_emptyText->setColor(muted);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PlotWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

const QCPGraphData* PlotWidget::graphPoint(QCPAbstractPlottable* plottable, int index)
{
    auto* graph = qobject_cast<QCPGraph*>(plottable);
    if (!graph || index < 0 || index >= graph->dataCount())
        return nullptr;
    return &*graph->data()->at(index);
}

QString PlotWidget::describePoint(QCPAbstractPlottable* plottable, int index) const
{
    const QCPGraphData* it = graphPoint(plottable, index);
    if (!it)
        return {};
    return QStringLiteral("%1\n%2: %3\n%4: %5")
        .arg(seriesNameOf(plottable), QString(m_plot->xAxis->label()).replace(QLatin1Char('\n'), QLatin1Char(' ')))
        .arg(it->key, 0, 'g', 5)
        .arg(QString(m_plot->yAxis->label()).replace(QLatin1Char('\n'), QLatin1Char(' ')))
        .arg(it->value, 0, 'g', 5);
}

QString PlotWidget::describeAt(QPointF) const
{
    return {};
}

void PlotWidget::onMouseMove(QMouseEvent* event)
{
    if (event->buttons() != Qt::NoButton)
        return;  // dragging: no tooltips
    const QPointF pos = event->position();
    double best = m_plot->selectionTolerance() * 1.5;
    QString text;
    for (int i = 0; i < m_plot->plottableCount(); ++i) {
        QCPAbstractPlottable* p = m_plot->plottable(i);
        if (!p->visible())
            continue;
        QVariant details;
        const double distance = p->selectTest(pos, false, &details);
        if (distance < 0 || distance >= best)
            continue;
        const auto selection = details.value<QCPDataSelection>();
        if (selection.isEmpty())
            continue;
        const QString candidate = describePoint(p, selection.dataRange().begin());
        if (candidate.isEmpty())
            continue;
        best = distance;
        text = candidate;
    }
    // Items (labels, bands, reference lines) explain themselves through a "toolTip" property.
    for (int i = 0; text.isEmpty() && i < m_plot->itemCount(); ++i) {
        QCPAbstractItem* item = m_plot->item(i);
        const QString tip = item->property("toolTip").toString();
        if (!tip.isEmpty() && item->visible() && item->selectTest(pos, false) >= 0
            && item->selectTest(pos, false) < m_plot->selectionTolerance())
            text = tip;
    }
    if (text.isEmpty())
        text = describeAt(pos);
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(m_plot->mapToGlobal(pos.toPoint()), text, m_plot);
}

void PlotWidget::onLegendClick(QCPLegend*, QCPAbstractLegendItem* item, QMouseEvent*)
{
    auto* plItem = qobject_cast<QCPPlottableLegendItem*>(item);
    if (!plItem)
        return;
    QCPAbstractPlottable* clicked = plItem->plottable();
    const bool visible = !clicked->visible();
    const QVariant key = clicked->property(kSeriesKey);
    for (int i = 0; i < m_plot->plottableCount(); ++i) {
        QCPAbstractPlottable* p = m_plot->plottable(i);
        if (p == clicked || (key.isValid() && p->property(kSeriesKey) == key))
            p->setVisible(visible);
    }
    QColor text = palette().color(QPalette::Text);
    if (!visible)
        text = palette().color(QPalette::Disabled, QPalette::Text);
    plItem->setTextColor(text);
    plItem->setFont(QFont(plItem->font().family(), plItem->font().pointSize(), QFont::Normal, !visible));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PlotWidget::showContextMenu(const QPoint& pos)
{
    QMenu menu(this);
    menu.addAction(tr("Export as PNG..."), this, [this] { exportWithDialog(QStringLiteral("png")); });
    menu.addAction(tr("Export as SVG..."), this, [this] { exportWithDialog(QStringLiteral("svg")); });
    menu.addAction(tr("Export as PDF..."), this, [this] { exportWithDialog(QStringLiteral("pdf")); });
    menu.addSeparator();
    QAction* log = menu.addAction(tr("Logarithmic scale"));
    log->setCheckable(true);
    log->setChecked(m_logScale);
    connect(log, &QAction::toggled, this, &PlotWidget::setLogScale);
    menu.addAction(tr("Reset zoom"), this, &PlotWidget::resetZoom);
    menu.exec(m_plot->mapToGlobal(pos));
}

void PlotWidget::exportWithDialog(const QString& suffix)
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QSize size;
    double scale = 2.0;
    if (suffix == QLatin1String("png")) {
        ChartExportDialog dialog(m_plot->size(), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        size = dialog.chartSize();
        scale = dialog.dotsPerInch() / ChartExportDialog::kLogicalDpi;
    }
    QString base = m_title.toLower();
    base.replace(QLatin1Char(' '), QLatin1Char('-'));
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export chart"), documents + QLatin1Char('/') + base + QLatin1Char('.') + suffix,
        suffix.toUpper() + QStringLiteral(" (*.") + suffix + QLatin1Char(')'));
    if (file.isEmpty())
        return;
    QString error;
    if (!exportTo(file, &error, size, scale))
        QToolTip::showText(QCursor::pos(), error, this);
}

QByteArray PlotWidget::toSvg(QSize size)
{
    if (size.isEmpty())
        size = m_plot->size();
    return paintSvgText(size, m_title, tr("Chart exported from Versus"), [&](QPaintDevice* generator) {
        QCPPainter painter;
        if (!painter.begin(generator))
            return false;
        paint(painter, size);
        return painter.end();
    });
}

void PlotWidget::paint(QCPPainter& painter, QSize size)
{
    if (m_followData)
        fitAxes();
    updateEmptyState();
    adaptToSize(size);
    painter.setMode(QCPPainter::pmNoCaching);
    m_plot->toPainter(&painter, size.width(), size.height());
}

bool PlotWidget::exportTo(const QString& fileName, QString* error, QSize size, double scale)
{
    if (size.isEmpty())
        size = m_plot->size();
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    bool ok = false;
    updateEmptyState();
    adaptToSize(size);
    if (suffix == QLatin1String("png")) {
        ok = m_plot->savePng(fileName, size.width(), size.height(), scale, -1, qRound(96 * scale));
    } else if (suffix == QLatin1String("pdf")) {
        ok = m_plot->savePdf(fileName, size.width(), size.height(), QCP::epAllowCosmetic, QStringLiteral("Versus"),
                             m_title);
    } else if (suffix == QLatin1String("svg")) {
        const QByteArray svg = toSvg(size);
        QFile file(fileName);
        ok = !svg.isEmpty() && file.open(QIODevice::WriteOnly) && file.write(svg) == svg.size();
    } else {
        if (error)
            *error = tr("Cannot export '%1': use a .png, .svg or .pdf file name.").arg(fileName);
        return false;
    }
    if (ok)
        ok = QFileInfo(fileName).size() > 0;
    if (!ok && error)
        *error = tr("Could not write the chart to '%1'. Check that the folder exists and is writable.").arg(fileName);
    return ok;
}

SamplePlot::SamplePlot(const QString& title, const SampleStore& store, QWidget* parent)
    : PlotWidget(title, parent), m_store(store)
{
}

void SamplePlot::showView(const QString& viewId)
{
    if (viewId == m_viewId && hasSeries())
        return;
    clear();
    m_viewId = viewId;
    resetZoom();
    refresh();
}

void SamplePlot::refresh()
{
    if (m_viewId.isEmpty())
        return;
    drawNewSamples();
}

void SamplePlot::clear()
{
    clearSeries();
    m_viewId.clear();
    requestReplot();
}

std::vector<const SampleSeries*> SamplePlot::shownSeries() const
{
    return m_store.seriesOf(m_viewId);
}

}  // namespace versus::gui
