// Charts of finished results without a window: a hidden ChartSet painted into a QImage, a QSvgGenerator or a
// QPdfWriter (one page), or each chart as SVG (HTML reports), with a QApplication on the offscreen platform created on
// first use when the process has none.
#include "chart_render.h"

#include <QApplication>
#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <qcustomplot.h>

#include "catalog.h"
#include "chart_export_dialog.h"
#include "chart_set.h"
#include "output_file.h"
#include "plot_widget.h"

namespace versus::gui {

namespace {

/// A QApplication for widgets, created once when the process has no Qt application; never destroyed (Qt allows
/// one per process, and the caller may render again).
Expected<void> ensureWidgetApplication()
{
    if (qobject_cast<QApplication*>(QCoreApplication::instance()))
        return {};
    if (QCoreApplication::instance())
        return Error{"cannot draw charts: this process runs a Qt application without widgets"};
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "versus";
    static char* argv[] = {name, nullptr};
    new QApplication(argc, argv);
    return {};
}

/// The size of each chart in an HTML report, in logical pixels.
const QSize kReportChartSize(900, 420);

/// The catalog the results' workloads come from (their claims and call units); none for no results.
Catalog catalogFor(const std::vector<Result>& results)
{
    return results.empty() ? Catalog() : Catalog::load(workloadsDirectory());
}

bool paintInto(QPaintDevice* device, const ChartSet& charts, QSize requested, double scale)
{
    QCPPainter painter;
    if (!painter.begin(device))
        return false;
    painter.setMode(QCPPainter::pmNoCaching);
    if (device->devType() != QInternal::Image)
        painter.setMode(QCPPainter::pmVectorized);
    if (scale != 1.0) {
        painter.setMode(QCPPainter::pmNonCosmetic);
        painter.scale(scale, scale);
    }
    charts.paint(painter, requested);
    return painter.end();
}

/// The chart page in `suffix`'s format (png, svg or pdf) as bytes.
QByteArray pageBytes(const ChartSet& charts, const QString& suffix, QSize requested, double dpi)
{
    const QSize page = charts.pageSize(requested);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        const double scale = dpi / ChartExportDialog::kLogicalDpi;
        QImage image(page * scale, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        ok = paintInto(&image, charts, requested, scale);
        // Recorded after painting: QPainter sizes fonts by the image's DPI, and the scale already did that.
        const int dotsPerMeter = qRound(dpi / 0.0254);
        image.setDotsPerMeterX(dotsPerMeter);
        image.setDotsPerMeterY(dotsPerMeter);
        ok = ok && image.save(&buffer, "PNG");
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setSize(page);
        generator.setViewBox(QRect(QPoint(0, 0), page));
        generator.setTitle(QStringLiteral("Versus charts"));
        ok = paintInto(&generator, charts, requested, 1.0);
    } else {
        QPdfWriter writer(&buffer);
        writer.setResolution(int(ChartExportDialog::kLogicalDpi));
        writer.setPageSize(QPageSize(QSizeF(page) * (72.0 / ChartExportDialog::kLogicalDpi), QPageSize::Point,
                                     QString(), QPageSize::ExactMatch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(QStringLiteral("Versus charts"));
        writer.setCreator(QStringLiteral("Versus"));
        ok = paintInto(&writer, charts, requested, 1.0);
    }
    buffer.close();
    return ok ? buffer.data() : QByteArray();
}

}  // namespace

Expected<void> renderCharts(const std::vector<Result>& results, const std::string& file, int width, int height,
                            double dpi)
{
    ResultsDocument document;
    document.results = results;
    return renderChartPage(document, file, width, height, dpi, ChartSet::Contents::Page, false);
}

Expected<void> renderChartPage(const ResultsDocument& document, const std::string& file, int width, int height,
                               double dpi, ChartSet::Contents contents, bool logScale)
{
    const QString suffix = QFileInfo(QString::fromStdString(file)).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg") && suffix != QLatin1String("pdf"))
        return Error{"cannot write charts to '" + file + "': use a .png, .svg or .pdf file name"};
    if (width < 100 || height < 100 || !(dpi >= 24 && dpi <= 2400))
        return Error{"cannot draw charts of " + std::to_string(width) + " x " + std::to_string(height) + " at "
                     + std::to_string(dpi) + " DPI: use at least 100 x 100 and 24 to 2400 DPI"};
    if (auto app = ensureWidgetApplication(); !app)
        return app;
    const ChartSet charts(document, catalogFor(document.results), contents);
    for (PlotWidget* plot : charts.plots())
        plot->setLogScale(logScale);
    const QByteArray bytes = pageBytes(charts, suffix, QSize(width, height), dpi);
    if (bytes.isEmpty())
        return Error{"could not draw the charts for '" + file + "'"};
    return writeOutputFile(file, std::string_view(bytes.constData(), std::size_t(bytes.size())));
}

Expected<std::vector<ChartSvg>> renderReportCharts(const ResultsDocument& document)
{
    if (auto app = ensureWidgetApplication(); !app)
        return Error{app.error()};
    const ChartSet charts(document, catalogFor(document.results), ChartSet::Contents::Report);
    std::vector<ChartSvg> svgs;
    for (PlotWidget* plot : charts.plots()) {
        const QByteArray svg = plot->toSvg(kReportChartSize);
        if (svg.isEmpty())
            return Error{"could not draw '" + plot->title().toStdString() + "' as SVG"};
        svgs.push_back({plot->title().toStdString(), svg.toStdString()});
    }
    return svgs;
}

}  // namespace versus::gui
