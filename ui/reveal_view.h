// The reveal after a demo's run: the class's guess, the measured ratio with its 95% CI and the article's figure side
// by side above the demo's chart. GUI thread only.
#pragma once

#include <QWidget>

#include <vector>

#include "demo_catalog.h"

class QLabel;

namespace versus::gui {

class PresentationChart;
struct PresentationTheme;

class RevealView final : public QWidget {
    Q_OBJECT
public:
    explicit RevealView(QWidget* parent = nullptr);
    /// `samples` per series as DemoRunner gives them; `problems` says what was not measured.
    void reveal(const claims::Demo& demo, double guess, const QString& article,
                const std::vector<std::vector<double>>& samples, const QStringList& problems,
                const PresentationTheme& theme, int height);
    QString guessText() const;
    QString measuredText() const;
    QString articleText() const;
    PresentationChart* chart() const { return m_chart; }

private:
    QLabel* m_title = nullptr;
    QLabel* m_guess = nullptr;
    QLabel* m_measured = nullptr;
    QLabel* m_article = nullptr;
    QLabel* m_problems = nullptr;
    PresentationChart* m_chart = nullptr;
};

/// "7.3x (95% CI 6.9x to 7.8x)"; "not measured" when either series has no samples.
QString measuredRatioText(const claims::DemoReveal& reveal);

}  // namespace versus::gui
