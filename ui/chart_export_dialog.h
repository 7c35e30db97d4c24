// Asks for the size and resolution of a PNG chart export before the file name.
#pragma once

#include <QDialog>

class QLabel;
class QSpinBox;

namespace versus::gui {

class ChartExportDialog final : public QDialog {
    Q_OBJECT
public:
    /// Logical pixels per inch: a chart of width W at D dots per inch is W * D / 96 device pixels wide.
    static constexpr double kLogicalDpi = 96.0;

    /// Starts at `size` (logical pixels) and 192 DPI.
    explicit ChartExportDialog(QSize size, QWidget* parent = nullptr);

    QSize chartSize() const;
    double dotsPerInch() const;
    void setChartSize(QSize size);
    void setDotsPerInch(int dpi);

private:
    void updatePixels();

    QSpinBox* m_width = nullptr;
    QSpinBox* m_height = nullptr;
    QSpinBox* m_dpi = nullptr;
    QLabel* m_pixels = nullptr;
};

}  // namespace versus::gui
