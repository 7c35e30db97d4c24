// The verdicts above the charts: the headlines of the workload shown in the charts, in a pane of at most a few lines
// that scrolls, and a line counting the verdicts of the other workloads. GUI thread only.
#pragma once

#include <QWidget>

#include <vector>

class QLabel;
class QScrollArea;

namespace versus {
struct Verdict;
}

namespace versus::gui {

class VerdictPane final : public QWidget {
    Q_OBJECT
public:
    /// Lines of the headline's font the pane shows before it scrolls.
    static constexpr int kVisibleLines = 4;

    explicit VerdictPane(QWidget* parent = nullptr);
    ~VerdictPane() override;

    /// Every verdict of the results shown; `fallback` is said when there is none at all.
    void setVerdicts(std::vector<Verdict> verdicts, const QString& fallback);
    /// A message in place of the verdicts ("Running..."), until the next setVerdicts().
    void setMessage(const QString& message);
    /// Shows the verdicts of `workloadId` (the charts' workload) and counts those of the others.
    void showWorkload(const QString& workloadId);
    /// The verdicts shown, one a line (the bold label's text).
    QString shownText() const;
    /// What the line under the verdicts says of the other workloads; empty when it is hidden.
    QString othersText() const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateText();
    /// As tall as the verdicts, at most kVisibleLines lines of the headline's font; at least two when the window is
    /// short of room.
    void updateHeight();

    std::vector<Verdict> m_verdicts;
    QString m_fallback;
    QString m_message;
    QString m_workloadId;
    QScrollArea* m_scroll = nullptr;
    QWidget* m_content = nullptr;
    QLabel* m_headline = nullptr;  // the comparisons, bold
    QLabel* m_failures = nullptr;  // what failed, in the normal font
    QLabel* m_others = nullptr;  // "12 more verdicts on 2 other workloads...", outside the scrolled part
};

}  // namespace versus::gui
