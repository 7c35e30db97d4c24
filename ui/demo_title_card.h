// A demo's title card in presentation mode: its title, what to watch for, the article's figure and the class's guess
// ("Node.js will be [5.0]x faster than CPython"). GUI thread only.
#pragma once

#include <QWidget>

#include "demo_catalog.h"

class QDoubleSpinBox;
class QLabel;

namespace versus::gui {

struct PresentationTheme;

class DemoTitleCard final : public QWidget {
    Q_OBJECT
public:
    explicit DemoTitleCard(QWidget* parent = nullptr);
    /// Shows `demo` (position `index` of `count`), the article's figure and the guess last entered for it.
    void setDemo(const claims::Demo& demo, int index, int count, const QString& article, double guess);
    double guess() const;
    QDoubleSpinBox* guessBox() const { return m_guess; }
    void applyTheme(const PresentationTheme& theme, int height);

signals:
    void guessChanged(double guess);

private:
    QLabel* m_position = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_watch = nullptr;
    QLabel* m_article = nullptr;
    QLabel* m_guessBefore = nullptr;
    QDoubleSpinBox* m_guess = nullptr;
    QLabel* m_guessAfter = nullptr;
    QLabel* m_keys = nullptr;
};

}  // namespace versus::gui
