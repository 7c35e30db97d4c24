// View > Presentation mode: full screen, one demo at a time, keyboard driven (Space runs, Left/Right move between
// demos, T switches light/dark, Esc leaves). Wires the title card, the race and the reveal to a DemoRunner; the guess
// of each demo is kept in its state and in QSettings. GUI thread only.
#pragma once

#include <QWidget>

#include <functional>
#include <map>

#include "demo_catalog.h"
#include "presentation_theme.h"

class QLabel;
class QStackedWidget;

namespace versus {
class Catalog;
class RuntimeRegistry;
}  // namespace versus

namespace versus::gui {

class DemoRunner;
class DemoTitleCard;
class RaceView;
class RevealView;

class PresentationWindow final : public QWidget {
    Q_OBJECT
public:
    enum class Stage { Title, Racing, Reveal };

    struct Options {
        bool persistSettings = true;  ///< keep the guesses and the theme in QSettings
        /// Why a demo may not run now (a run of the window is in progress); empty when it may.
        std::function<QString()> blockedReason;
    };
    /// The registry, catalog and demos must outlive the window.
    PresentationWindow(RuntimeRegistry& registry, const Catalog& catalog, claims::DemoCatalog demos, Options options,
                       QWidget* parent = nullptr);
    ~PresentationWindow() override;

    int currentIndex() const { return m_index; }
    const claims::Demo& currentDemo() const;
    Stage stage() const { return m_stage; }
    bool isDark() const { return m_theme.dark; }
    /// The guess entered for demo `id` (its default when none was).
    double guess(const std::string& id) const;
    /// Why the last Space did not start a run; empty when it did.
    QString refusal() const;

    DemoTitleCard* titleCard() const { return m_title; }
    RaceView* raceView() const { return m_race; }
    RevealView* revealView() const { return m_reveal; }

    /// The keys, also for tests: Space, Left, Right, T, Escape.
    void handleKey(int key);
    void showDemo(int index);
    bool runCurrent();

signals:
    void stageChanged(Stage stage);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void setStage(Stage stage);
    void applyTheme();
    void storeGuess(double value);
    void runFinished(bool stopped);
    QString articleFigure(const claims::Demo& demo) const;
    int fontHeight() const;

    RuntimeRegistry& m_registry;
    const Catalog& m_catalog;
    claims::DemoCatalog m_demos;
    Options m_options;
    PresentationTheme m_theme = PresentationTheme::light();
    std::map<std::string, double> m_guesses;
    int m_index = 0;
    Stage m_stage = Stage::Title;
    QStackedWidget* m_stack = nullptr;
    DemoTitleCard* m_title = nullptr;
    RaceView* m_race = nullptr;
    RevealView* m_reveal = nullptr;
    QLabel* m_refusal = nullptr;
    DemoRunner* m_runner = nullptr;
};

}  // namespace versus::gui
