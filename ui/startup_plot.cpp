// Box plots of start-up times with the raw values beside each box. GUI thread only, like all of QCustomPlot.
#include "startup_plot.h"

#include <QEvent>
#include <QVector>

#include <algorithm>
#include <cmath>

#include <qcustomplot.h>

#include "article_claims.h"
#include "box_statistics.h"
#include "runtime_palette.h"

namespace versus::gui {

namespace {

constexpr double kBoxWidth = 0.5;
constexpr double kDotOffset = 0.36;  // raw values are drawn right of their box
constexpr double kGroupGap = 0.6;

QString formatMs(double ms)
{
    return QStringLiteral("%1 ms").arg(ms, 0, 'f', ms < 10 ? 2 : 1);
}

/// "python3 -I -S -c pass" on two lines: "python3" above "-I -S -c pass".
QString twoLines(const std::string& label)
{
    QString text = QString::fromStdString(label);
    const int space = text.indexOf(QLatin1Char(' '));
    if (space > 0)
        text[space] = QLatin1Char('\n');
    return text;
}

}  // namespace

StartupPlot::StartupPlot(QWidget* parent)
    : PlotWidget(tr("Start-up: process cold start and embedded initialisation"), parent)
{
    plot()->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot()->xAxis->grid()->setVisible(false);
    plot()->xAxis->setSubTicks(false);
    plot()->xAxis->setTickLength(0, 4);
    plot()->yAxis->setLabel(tr("start-up time (ms)"));
    // The axis names the boxes: no legend, and not its row either (hidden, it would still take room for its items,
    // and empty it would cap the width of the chart). The taken row is ours to delete.
    plot()->legend->setVisible(false);
    plot()->setAutoAddPlottableToLegend(false);
    if (QCPLayout* legendRow = plot()->legend->layout(); legendRow && plot()->plotLayout()->take(legendRow)) {
        plot()->plotLayout()->simplify();
        m_legendRow = legendRow;
    }
    setEmptyMessage(tr("No start-up measured yet: press Measure start-up"));
    fitAxes();
}

StartupPlot::~StartupPlot()
{
    delete m_legendRow;  // with the legend in it, which tells the still complete plot that it is gone
}

void StartupPlot::showStudy(const std::vector<StartupMeasurement>& commands, const std::vector<StartupProbePart>& parts)
{
    m_commands = commands;
    m_parts = parts;
    rebuild();
}

void StartupPlot::clear()
{
    showStudy({}, {});
}

QStringList StartupPlot::boxLabels() const
{
    QStringList labels;
    for (const Box& b : m_boxes)
        labels << b.label;
    return labels;
}

void StartupPlot::changeEvent(QEvent* event)
{
    PlotWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild();  // the items and box edges take their colours from the palette
}

void StartupPlot::addBox(double key, const QString& label, const QString& unitName, const std::vector<double>& values,
                         const QColor& color)
{
    Box b;
    b.key = key;
    b.label = label;
    b.unitName = unitName;
    b.values = values;
    const BoxStatistics s = BoxStatistics::compute(values);
    const BoxItems items = addBoxWithDots(key, kBoxWidth, kDotOffset, label, SeriesStyle{color}, s, s.outliers, values);
    b.box = items.box;
    b.dots = items.dots;
    m_boxes.push_back(b);
}

void StartupPlot::addGroupHeader(double firstKey, double lastKey, const QString& text)
{
    QColor muted = palette().color(QPalette::Text);
    muted.setAlpha(170);
    auto* header = new QCPItemText(plot());
    header->position->setTypeX(QCPItemPosition::ptPlotCoords);
    header->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    header->position->setCoords((firstKey + lastKey) / 2 + kDotOffset / 2, 0.02);
    header->setPositionAlignment(Qt::AlignTop | Qt::AlignHCenter);
    header->setTextAlignment(Qt::AlignHCenter);
    QFont font = this->font();
    font.setBold(true);
    header->setFont(font);
    header->setColor(muted);
    header->setText(text);
    header->setObjectName(QStringLiteral("startupItem"));
}

void StartupPlot::rebuild()
{
    plot()->clearPlottables();
    for (int i = plot()->itemCount() - 1; i >= 0; --i)
        if (plot()->item(i)->objectName() == QLatin1String("startupItem"))
            plot()->removeItem(i);
    m_boxes.clear();
    m_claimValues.clear();
    m_commandBoxes = 0;

    auto ticker = qSharedPointerCast<QCPAxisTickerText>(plot()->xAxis->ticker());
    ticker->clear();
    double key = 1;
    std::vector<double> commandKeys;  // parallel to m_commands; NaN when it has no box
    for (const StartupMeasurement& m : m_commands) {
        std::vector<double> wall;
        if (m.error.empty())
            for (const StartupRun& r : m.runs)
                wall.push_back(r.wallMs);
        if (wall.empty()) {
            commandKeys.push_back(NAN);
            continue;
        }
        const QString id = QString::fromStdString(m.command.runtimeId);
        const QColor color = id == QLatin1String("baseline") ? RuntimePalette::neutral() : RuntimePalette::color(id);
        addBox(key, QString::fromStdString(m.command.label), tr("run"), wall, color);
        ticker->addTick(key, twoLines(m.command.label));
        commandKeys.push_back(key);
        key += 1;
    }
    m_commandBoxes = int(m_boxes.size());

    const double separator = key;
    bool embedded = false;
    for (const StartupProbePart& part : m_parts) {
        if (part.values.empty() || part.runtimeId.empty())
            continue;
        if (!embedded && m_commandBoxes > 0)
            key += kGroupGap;  // room between the groups, with the separator line in it
        embedded = true;
        addBox(key, QString::fromStdString(part.label), tr("probe"), part.values,
               RuntimePalette::color(QString::fromStdString(part.runtimeId)));
        ticker->addTick(key, QString::fromStdString(part.chartLabel));
        key += 1;
    }

    QColor rule = palette().color(QPalette::Text);
    rule.setAlpha(90);
    if (m_commandBoxes > 0)
        addGroupHeader(1, m_commandBoxes, tr("Process cold start\n(wall time of each run)"));
    if (embedded) {
        const double first = m_commandBoxes > 0 ? separator + kGroupGap : 1;
        addGroupHeader(first, key - 1, tr("Embedded in Versus\n(each fresh probe process)"));
    }
    if (m_commandBoxes > 0 && embedded) {
        auto* line = new QCPItemLine(plot());
        for (QCPItemPosition* p : {line->start, line->end}) {
            p->setTypeX(QCPItemPosition::ptPlotCoords);
            p->setTypeY(QCPItemPosition::ptAxisRectRatio);
        }
        // Halfway between the dots of the last command and the first embedded box.
        const double lastCommand = separator - 1;
        const double between = (lastCommand + kDotOffset + 0.05 + lastCommand + 1 + kGroupGap - kBoxWidth / 2) / 2;
        line->start->setCoords(between, 0);
        line->end->setCoords(between, 1);
        line->setPen(QPen(rule, 1, Qt::DashLine));
        line->setObjectName(QStringLiteral("startupItem"));
    }

    // The article's claims, as a dashed line across the boxes of the runtime they speak of.
    for (const StartupClaim& claim : articleStartupClaims()) {
        double first = NAN, last = NAN;
        for (std::size_t i = 0; i < m_commands.size(); ++i) {
            if (m_commands[i].command.runtimeId != claim.runtimeId || std::isnan(commandKeys[i]))
                continue;
            if (std::isnan(first))
                first = commandKeys[i];
            last = commandKeys[i];
        }
        if (std::isnan(first))
            continue;
        const QColor color = RuntimePalette::color(QString::fromStdString(claim.runtimeId));
        auto* line = new QCPItemLine(plot());
        line->start->setCoords(first - kBoxWidth / 2 - 0.1, claim.ms);
        line->end->setCoords(last + kDotOffset + 0.15, claim.ms);
        line->setPen(QPen(color, 1.5, Qt::DashLine));
        line->setObjectName(QStringLiteral("startupItem"));
        auto* text = new QCPItemText(plot());
        text->position->setCoords(first - kBoxWidth / 2 - 0.1, claim.ms);
        text->setPositionAlignment(Qt::AlignBottom | Qt::AlignLeft);
        QFont font = this->font();
        font.setPointSizeF(font.pointSizeF() * 0.9);
        text->setFont(font);
        text->setColor(palette().color(QPalette::Text));
        text->setText(QString::fromStdString(claim.statement));
        text->setObjectName(QStringLiteral("startupItem"));
        m_claimValues.push_back(claim.ms);
    }
    requestReplot();
}

void StartupPlot::fitAxes()
{
    const double lastKey = m_boxes.empty() ? 1 : m_boxes.back().key;
    plot()->xAxis->setRange(0.4, lastKey + 0.75);
    double low = INFINITY, high = 0;
    for (const Box& b : m_boxes)
        for (double v : b.values) {
            low = std::min(low, v);
            high = std::max(high, v);
        }
    for (double v : m_claimValues) {
        low = std::min(low, v);
        high = std::max(high, v);
    }
    if (!(high > 0)) {
        plot()->yAxis->setRange(logScale() ? 0.1 : 0, 1);
        return;
    }
    // Head room above the data for the group headers.
    if (logScale())
        plot()->yAxis->setRange(std::max(low, 1e-3) / 1.5, high * 2.5);
    else
        plot()->yAxis->setRange(0, high * 1.22);
}

QString StartupPlot::describePoint(QCPAbstractPlottable* plottable, int index) const
{
    for (const Box& b : m_boxes) {
        if (plottable == b.dots && index >= 0 && index < int(b.values.size()))
            return tr("%1\n%2 %3 of %4: %5")
                .arg(b.label, b.unitName)
                .arg(index + 1)
                .arg(b.values.size())
                .arg(formatMs(b.values[std::size_t(index)]));
        if (plottable == b.box && index >= 0 && index < b.box->dataCount()) {
            auto d = b.box->data()->at(index);
            const auto [min, max] = std::minmax_element(b.values.begin(), b.values.end());
            const std::size_t n = b.values.size();
            const QString count =
                QString::number(n) + QLatin1Char(' ') + b.unitName + (n == 1 ? QString() : QStringLiteral("s"));
            return tr("%1\nmedian %2\nquartiles %3 to %4\nmin %5, max %6\n%7")
                .arg(b.label, formatMs(d->median), formatMs(d->lowerQuartile), formatMs(d->upperQuartile),
                     formatMs(*min), formatMs(*max), count);
        }
    }
    return {};
}

}  // namespace versus::gui
