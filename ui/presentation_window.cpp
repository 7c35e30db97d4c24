// Presentation mode: the keys, the stages (title card, race, reveal) and the guesses.
#include "presentation_window.h"

#include <QCloseEvent>
#include <QDoubleSpinBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "claim_catalog.h"
#include "demo_runner.h"
#include "demo_title_card.h"
#include "qstring_conversion.h"
#include "race_view.h"
#include "reveal_view.h"

namespace versus::gui {

namespace {

constexpr double kDefaultGuess = 2.0;

QString guessKey(const std::string& id)
{
    return QStringLiteral("presentation/guess/") + toQString(id);
}

bool isPresentationKey(int key)
{
    return key == Qt::Key_Space || key == Qt::Key_Left || key == Qt::Key_Right || key == Qt::Key_Escape
        || key == Qt::Key_T;
}

}  // namespace

PresentationWindow::PresentationWindow(RuntimeRegistry& registry, const Catalog& catalog, claims::DemoCatalog demos,
                                       Options options, QWidget* parent)
    : QWidget(parent, Qt::Window), m_registry(registry), m_catalog(catalog), m_demos(std::move(demos)),
      m_options(std::move(options))
{
    setWindowTitle(tr("Versus: presentation"));
    setFocusPolicy(Qt::StrongFocus);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    m_title = new DemoTitleCard(m_stack);
    m_race = new RaceView(m_stack);
    m_reveal = new RevealView(m_stack);
    m_stack->addWidget(m_title);
    m_stack->addWidget(m_race);
    m_stack->addWidget(m_reveal);
    layout->addWidget(m_stack, 1);
    m_refusal = new QLabel(this);
    m_refusal->setWordWrap(true);
    m_refusal->setContentsMargins(60, 0, 60, 20);
    layout->addWidget(m_refusal);
    m_runner = new DemoRunner(m_registry, m_catalog, this);
    connect(m_runner, &DemoRunner::progressed, this, [this] { m_race->setProgress(m_runner->progress()); });
    connect(m_runner, &DemoRunner::demoFinished, this, &PresentationWindow::runFinished);
    connect(m_title, &DemoTitleCard::guessChanged, this, &PresentationWindow::storeGuess);
    // The guess box keeps the digits; the presentation keys go to the window.
    m_title->guessBox()->installEventFilter(this);
    m_title->guessBox()->findChild<QLineEdit*>()->installEventFilter(this);

    if (m_options.persistSettings) {
        QSettings settings;
        m_theme = settings.value(QStringLiteral("presentation/dark"), false).toBool() ? PresentationTheme::darkTheme()
                                                                                      : PresentationTheme::light();
        for (const claims::Demo& demo : m_demos.demos())
            if (const QVariant v = settings.value(guessKey(demo.id)); v.isValid())
                m_guesses[demo.id] = v.toDouble();
    }
    applyTheme();
    if (!m_demos.demos().empty())
        showDemo(0);
}

PresentationWindow::~PresentationWindow() = default;  // the runner (a child) stops its run and waits

const claims::Demo& PresentationWindow::currentDemo() const
{
    return m_demos.demos().at(std::size_t(m_index));
}

double PresentationWindow::guess(const std::string& id) const
{
    const auto it = m_guesses.find(id);
    return it == m_guesses.end() ? kDefaultGuess : it->second;
}

QString PresentationWindow::refusal() const
{
    return m_refusal->text();
}

void PresentationWindow::handleKey(int key)
{
    const int count = int(m_demos.demos().size());
    switch (key) {
    case Qt::Key_Space:
        if (m_stage != Stage::Racing)
            runCurrent();
        break;
    case Qt::Key_Left:
    case Qt::Key_Right:
        if (count > 0)
            showDemo((m_index + (key == Qt::Key_Right ? 1 : count - 1)) % count);
        break;
    case Qt::Key_T:
        m_theme = m_theme.dark ? PresentationTheme::light() : PresentationTheme::darkTheme();
        if (m_options.persistSettings)
            QSettings().setValue(QStringLiteral("presentation/dark"), m_theme.dark);
        applyTheme();
        if (m_stage == Stage::Reveal)
            runFinished(false);  // redraw the chart in the new colours
        break;
    case Qt::Key_Escape:
        close();
        break;
    default:
        break;
    }
}

void PresentationWindow::showDemo(int index)
{
    if (m_runner->isRunning())
        m_runner->stop();  // its finished() comes later and is ignored: the stage is no longer Racing
    m_index = index;
    const claims::Demo& demo = currentDemo();
    m_title->setDemo(demo, index, int(m_demos.demos().size()), articleFigure(demo), guess(demo.id));
    m_refusal->clear();
    setStage(Stage::Title);
    m_title->guessBox()->setFocus();
    m_title->guessBox()->selectAll();
}

bool PresentationWindow::runCurrent()
{
    const QString blocked = m_options.blockedReason ? m_options.blockedReason() : QString();
    QString error = blocked;
    if (blocked.isEmpty() && m_runner->isRunning())
        error = tr("The last demo is still stopping: press Space again in a moment.");
    const claims::Demo& demo = currentDemo();
    if (error.isEmpty()) {
        storeGuess(m_title->guess());
        QStringList labels;
        for (const claims::DemoSeries& s : demo.series)
            labels << toQString(s.label);
        m_race->setLanes(toQString(demo.title), labels, m_theme, fontHeight());
        if (m_runner->start(demo, &error)) {
            m_refusal->clear();
            setStage(Stage::Racing);
            return true;
        }
    }
    m_refusal->setText(error);
    return false;
}

void PresentationWindow::runFinished(bool stopped)
{
    if (m_stage == Stage::Title || (stopped && m_stage == Stage::Racing)) {
        if (m_stage == Stage::Racing)
            setStage(Stage::Title);
        return;
    }
    setStage(Stage::Reveal);  // first: the chart is drawn at the size it is shown at
    const claims::Demo& demo = currentDemo();
    m_reveal->reveal(demo, guess(demo.id), articleFigure(demo), m_runner->seriesSamples(), m_runner->problems(),
                     m_theme, fontHeight());
}

void PresentationWindow::setStage(Stage stage)
{
    m_stage = stage;
    m_stack->setCurrentIndex(stage == Stage::Title ? 0 : stage == Stage::Racing ? 1 : 2);
    if (stage != Stage::Title)
        setFocus();
    emit stageChanged(stage);
}

void PresentationWindow::storeGuess(double value)
{
    const std::string& id = currentDemo().id;
    m_guesses[id] = value;
    if (m_options.persistSettings)
        QSettings().setValue(guessKey(id), value);
}

QString PresentationWindow::articleFigure(const claims::Demo& demo) const
{
    for (const std::string& id : demo.claimIds)
        if (const claims::Claim* claim = claims::articleClaimCatalog().find(id))
            return toQString(claim->articleSays);
    return {};
}

int PresentationWindow::fontHeight() const
{
    return std::max(height(), 480);
}

void PresentationWindow::applyTheme()
{
    setStyleSheet(m_theme.styleSheet(fontHeight()));
    m_title->applyTheme(m_theme, fontHeight());
    m_refusal->setFont(PresentationTheme::font(fontHeight(), 0.9, true));
    m_refusal->setStyleSheet(QStringLiteral("color: %1;").arg(m_theme.series(1).name()));
}

void PresentationWindow::keyPressEvent(QKeyEvent* event)
{
    if (isPresentationKey(event->key()))
        handleKey(event->key());
    else
        QWidget::keyPressEvent(event);
}

bool PresentationWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (isPresentationKey(key)) {
            if (event->type() == QEvent::KeyPress)
                handleKey(key);
            event->accept();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PresentationWindow::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    applyTheme();
    if (m_stage == Stage::Reveal)
        runFinished(false);
}

void PresentationWindow::closeEvent(QCloseEvent* event)
{
    if (m_runner->isRunning())
        m_runner->stop();
    QWidget::closeEvent(event);
}

}  // namespace versus::gui
