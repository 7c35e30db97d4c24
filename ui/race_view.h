// The race while a demo runs: one thick bar per series filling as its samples complete, no numbers, so the class's
// guess stays a guess until the reveal. GUI thread only.
#pragma once

#include <QWidget>

#include <vector>

class QLabel;
class QProgressBar;
class QVBoxLayout;

namespace versus::gui {

struct PresentationTheme;

class RaceView final : public QWidget {
    Q_OBJECT
public:
    explicit RaceView(QWidget* parent = nullptr);
    /// One lane per label, empty.
    void setLanes(const QString& title, const QStringList& labels, const PresentationTheme& theme, int height);
    /// `fractions` 0 to 1, one per lane.
    void setProgress(const std::vector<double>& fractions);
    /// Every text the view shows (tests check that no number is among them).
    QStringList shownTexts() const;

private:
    QVBoxLayout* m_lanes = nullptr;
    QLabel* m_title = nullptr;
    std::vector<QLabel*> m_labels;
    std::vector<QProgressBar*> m_bars;
};

}  // namespace versus::gui
