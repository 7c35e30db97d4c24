// The Log tab: one timestamped line per event of a run (start, calibration, output, result, failure), and whatever
// else the window reports there.
#pragma once

#include <QPlainTextEdit>

#include "events.h"

namespace versus {
struct RunPlan;
}

namespace versus::gui {

class RunLog final : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit RunLog(QWidget* parent = nullptr);

    /// `text` after the time of day, "HH:mm:ss.zzz ".
    void append(const QString& text);
    /// The plan's settings and how many results it expects.
    void runStarted(const RunPlan& plan, int resultsExpected);
    void itemStarted(const QString& workloadTitle, const QString& seriesName, const std::string& runtimeVersion);
    void calibrated(const CalibratedEvent& e);
    void output(const OutputEvent& e);
    void finished(const Result& r);
    /// A failed or stopped result, with where it failed and, for a failure, its output.
    void failed(const Result& r);
};

}  // namespace versus::gui
