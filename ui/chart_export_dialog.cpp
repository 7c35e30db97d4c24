// Width and height in logical pixels, DPI, and the resulting image size in pixels, updated as the user types.
#include "chart_export_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

#include <cmath>

namespace versus::gui {

ChartExportDialog::ChartExportDialog(QSize size, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Export chart as PNG"));
    auto* form = new QFormLayout(this);
    auto spin = [this](const char* name, int low, int high, const QString& suffix) {
        auto* box = new QSpinBox(this);
        box->setObjectName(QLatin1String(name));
        box->setRange(low, high);
        box->setSuffix(suffix);
        connect(box, &QSpinBox::valueChanged, this, &ChartExportDialog::updatePixels);
        return box;
    };
    m_width = spin("chartWidth", 100, 10000, tr(" px"));
    m_height = spin("chartHeight", 100, 10000, tr(" px"));
    m_dpi = spin("chartDpi", 48, 1200, tr(" DPI"));
    m_width->setToolTip(tr("Size in logical pixels (1/96 inch): text and lines keep their size on screen"));
    m_dpi->setToolTip(tr("96 DPI is one image pixel per logical pixel; 192 DPI doubles both for sharp slides"));
    form->addRow(tr("Width"), m_width);
    form->addRow(tr("Height"), m_height);
    form->addRow(tr("Resolution"), m_dpi);
    m_pixels = new QLabel(this);
    m_pixels->setObjectName(QStringLiteral("imagePixels"));
    form->addRow(tr("Image"), m_pixels);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    setChartSize(size);
    setDotsPerInch(192);
}

QSize ChartExportDialog::chartSize() const
{
    return {m_width->value(), m_height->value()};
}

double ChartExportDialog::dotsPerInch() const
{
    return m_dpi->value();
}

void ChartExportDialog::setChartSize(QSize size)
{
    m_width->setValue(size.width());
    m_height->setValue(size.height());
}

void ChartExportDialog::setDotsPerInch(int dpi)
{
    m_dpi->setValue(dpi);
}

void ChartExportDialog::updatePixels()
{
    const double scale = dotsPerInch() / kLogicalDpi;
    m_pixels->setText(
        tr("%1 x %2 pixels").arg(std::lround(m_width->value() * scale)).arg(std::lround(m_height->value() * scale)));
}

}  // namespace versus::gui
