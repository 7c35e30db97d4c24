// Interaction and export shared by every chart. GUI thread only, like all of QCustomPlot.
#include "plot_widget.h"

#include <QApplication>
#include <QBuffer>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QStandardPaths>
#include <QSvgGenerator>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

#include <qcustomplot.h>

#include "box_statistics.h"
#include "chart_export_dialog.h"
#include "sample_store.h"

namespace versus::gui {

namespace {

const char* const kSeriesKey = "seriesKey";

}  // namespace

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
    m_plot = new QCustomPlot(this);
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
    m_plot->plotLayout()->addElement(2, 0, legendRow);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    legendRow->addElement(0, 0, m_plot->legend);
    legendRow->setMargins(QMargins(0, 0, 0, 4));
    m_plot->plotLayout()->setRowStretchFactor(2, 0.001);
    m_plot->plotLayout()->setRowSpacing(0);

    m_emptyText = new QCPItemText(m_plot);
    m_emptyText->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_emptyText->position->setCoords(0.5, 0.5);
    m_emptyText->setClipToAxisRect(false);
    m_emptyText->setText(tr("No data yet: pick workloads and runtimes, then Run (Ctrl+R)"));

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

PlotWidget::~PlotWidget() = default;

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
                                                const QColor& color, const BoxStatistics& stats,
                                                const std::vector<double>& outliers, const std::vector<double>& dots)
{
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    const QColor edge = dark ? color.lighter(125) : color.darker(125);
    BoxItems items;
    items.box = new QCPStatisticalBox(m_plot->xAxis, m_plot->yAxis);
    items.box->setName(name);
    QColor fill = color;
    fill.setAlpha(dark ? 90 : 70);
    items.box->setBrush(fill);
    items.box->setPen(QPen(edge, 1.2));
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
    items.dots->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, dot, dot, 4));
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
    m_emptyText->setText(message);
}

void PlotWidget::requestReplot()
{
    if (m_followData)
        fitAxes();
    m_emptyText->setVisible(dataPointCount() == 0);
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
        .arg(plottable->name(), m_plot->xAxis->label())
        .arg(it->key, 0, 'g', 5)
        .arg(m_plot->yAxis->label())
        .arg(it->value, 0, 'g', 5);
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
    m_emptyText->setVisible(dataPointCount() == 0);
    painter.setMode(QCPPainter::pmNoCaching);
    m_plot->toPainter(&painter, size.width(), size.height());
}

bool PlotWidget::exportTo(const QString& fileName, QString* error, QSize size, double scale)
{
    if (size.isEmpty())
        size = m_plot->size();
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    bool ok = false;
    m_emptyText->setVisible(dataPointCount() == 0);
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

void SamplePlot::showWorkload(const QString& workloadId)
{
    if (workloadId == m_workloadId && hasSeries())
        return;
    clear();
    m_workloadId = workloadId;
    resetZoom();
    refresh();
}

void SamplePlot::refresh()
{
    if (m_workloadId.isEmpty())
        return;
    drawNewSamples();
}

void SamplePlot::clear()
{
    clearSeries();
    m_workloadId.clear();
    requestReplot();
}

std::vector<const SampleSeries*> SamplePlot::shownSeries() const
{
    return m_store.seriesOf(m_workloadId);
}

}  // namespace versus::gui
