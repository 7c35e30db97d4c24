// Start-up as box plots: one box per cold-started command (wall time of each run) and one per part of embedded
// start-up (its value in each probe process), in two labelled groups, with the article's claims as reference lines.
#pragma once

#include <vector>

#include <QStringList>

#include "external/startup_study.h"
#include "plot_widget.h"

class QCPGraph;
class QCPLayoutElement;
class QCPStatisticalBox;

namespace versus::gui {

class StartupPlot final : public PlotWidget {
    Q_OBJECT
public:
    explicit StartupPlot(QWidget* parent = nullptr);
    ~StartupPlot() override;

    /// Draws everything from scratch: commands without runs (failed) and parts without values get no box, and the
    /// whole-probe-process part is left out (it is not a part of start-up). GUI thread only.
    void showStudy(const std::vector<StartupMeasurement>& commands, const std::vector<StartupProbePart>& parts);
    void clear();

    int commandBoxCount() const { return m_commandBoxes; }
    int embeddedBoxCount() const { return int(m_boxes.size()) - m_commandBoxes; }
    /// The one-line label of each box, left to right ("python3 -c pass", "CPython interpreter initialisation").
    QStringList boxLabels() const;

protected:
    QString describePoint(QCPAbstractPlottable* plottable, int index) const override;
    void fitAxes() override;
    void changeEvent(QEvent* event) override;

private:
    struct Box {
        double key = 0;
        QString label;  // one line, for tooltips
        QString unitName;  // "run" or "probe"
        std::vector<double> values;  // ms
        QCPStatisticalBox* box = nullptr;
        QCPGraph* dots = nullptr;
    };
    void rebuild();
    void addBox(double key, const QString& label, const QString& unitName, const std::vector<double>& values,
                const QColor& color);
    void addGroupHeader(double firstKey, double lastKey, const QString& text);

    std::vector<StartupMeasurement> m_commands;
    std::vector<StartupProbePart> m_parts;
    std::vector<Box> m_boxes;
    int m_commandBoxes = 0;
    QCPLayoutElement* m_legendRow = nullptr;  // taken out of the plot's layout
    std::vector<double> m_claimValues;  // ms of the reference lines drawn, so that fitAxes keeps them in view
};

}  // namespace versus::gui
