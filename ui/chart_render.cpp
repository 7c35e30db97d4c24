// The CLI's chart output: a hidden ChartSet painted into a QImage, a QSvgGenerator or a QPdfWriter, with a
// QApplication on the offscreen platform created on first use when the process has none.
#include "chart_render.h"

#include <QApplication>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <qcustomplot.h>

#include "catalog.h"
#include "chart_export_dialog.h"
#include "chart_set.h"
#include "plot_widget.h"

namespace versus::gui {

namespace {

/// A QApplication for widgets, created once when the process has no Qt application; never destroyed (Qt allows
/// one per process, and the caller may render again).
bool ensureWidgetApplication(std::string* error)
{
    if (qobject_cast<QApplication*>(QCoreApplication::instance()))
        return true;
    if (QCoreApplication::instance()) {
        if (error)
            *error = "cannot draw charts: this process runs a Qt application without widgets";
        return false;
    }
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "versus";
    static char* argv[] = {name, nullptr};
    new QApplication(argc, argv);
    return true;
}

std::map<std::string, std::string> workloadClaims(const std::vector<Result>& results)
{
    std::map<std::string, std::string> claims;
    if (results.empty())
        return claims;
    const Catalog catalog = Catalog::load(workloadsDirectory());
    for (const Workload& w : catalog.workloads())
        if (!w.claim.empty())
            claims[w.id] = w.claim;
    return claims;
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

} // namespace

bool renderCharts(const std::vector<Result>& results, const std::string& file, int width, int height, double dpi,
                  std::string* error)
{
    auto fail = [&](const std::string& message) {
        if (error)
            *error = message;
        return false;
    };
    const QString fileName = QString::fromStdString(file);
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg") && suffix != QLatin1String("pdf"))
        return fail("cannot write charts to '" + file + "': use a .png, .svg or .pdf file name");
    if (width < 100 || height < 100 || !(dpi >= 24 && dpi <= 2400))
        return fail("cannot draw charts of " + std::to_string(width) + " x " + std::to_string(height) + " at "
                    + std::to_string(dpi) + " DPI: use at least 100 x 100 and 24 to 2400 DPI");
    if (!ensureWidgetApplication(error))
        return false;

    const ChartSet charts(results, workloadClaims(results));
    const QSize requested(width, height);
    const QSize page = charts.pageSize(requested);
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
        ok = ok && image.save(fileName, "PNG");
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator generator;
        generator.setFileName(fileName);
        generator.setSize(page);
        generator.setViewBox(QRect(QPoint(0, 0), page));
        generator.setTitle(QStringLiteral("Versus charts"));
        ok = paintInto(&generator, charts, requested, 1.0);
    } else {
        QPdfWriter writer(fileName);
        writer.setResolution(int(ChartExportDialog::kLogicalDpi));
        writer.setPageSize(QPageSize(QSizeF(page) * (72.0 / ChartExportDialog::kLogicalDpi), QPageSize::Point,
                                     QString(), QPageSize::ExactMatch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(QStringLiteral("Versus charts"));
        writer.setCreator(QStringLiteral("Versus"));
        ok = paintInto(&writer, charts, requested, 1.0);
    }
    if (!ok || QFileInfo(fileName).size() == 0)
        return fail("could not write the charts to '" + file + "': check that the folder exists and is writable");
    return true;
}

std::string renderChartSvg(const std::vector<Result>& results, int width, int height, std::string* error)
{
    if (!ensureWidgetApplication(error))
        return {};
    const ChartSet charts(results, workloadClaims(results));
    const QSize requested(std::max(width, 100), std::max(height, 100));
    const QSize page = charts.pageSize(requested);
    const QByteArray svg = paintSvgText(page, QStringLiteral("Versus charts"), QString(), [&](QPaintDevice* generator) {
        return paintInto(generator, charts, requested, 1.0);
    });
    if (svg.isEmpty()) {
        if (error)
            *error = "could not draw the charts as SVG";
        return {};
    }
    return svg.toStdString();
}

} // namespace versus::gui
