// The title card: what the class looks at before pressing Space.
#include "demo_title_card.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "presentation_theme.h"
#include "qstring_conversion.h"

namespace versus::gui {

DemoTitleCard::DemoTitleCard(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(60, 40, 60, 40);
    m_position = new QLabel(this);
    m_title = new QLabel(this);
    m_watch = new QLabel(this);
    m_watch->setWordWrap(true);
    m_article = new QLabel(this);
    m_article->setWordWrap(true);
    auto* guessRow = new QHBoxLayout;
    m_guessBefore = new QLabel(this);
    m_guess = new QDoubleSpinBox(this);
    m_guess->setObjectName(QStringLiteral("guess"));
    m_guess->setRange(0.1, 1000);
    m_guess->setDecimals(1);
    m_guess->setSingleStep(0.5);
    m_guess->setButtonSymbols(QAbstractSpinBox::NoButtons);
    m_guess->setAlignment(Qt::AlignCenter);
    m_guessAfter = new QLabel(this);
    guessRow->addWidget(m_guessBefore);
    guessRow->addWidget(m_guess);
    guessRow->addWidget(m_guessAfter);
    guessRow->addStretch(1);
    m_keys = new QLabel(tr("Type your guess, then Space to run  ·  \u2190 \u2192 other demos  ·  T light/dark  ·  Esc "
                           "leaves"),
                        this);
    layout->addWidget(m_position);
    layout->addWidget(m_title);
    layout->addSpacing(20);
    layout->addWidget(m_watch);
    layout->addSpacing(20);
    layout->addWidget(m_article);
    layout->addStretch(1);
    layout->addLayout(guessRow);
    layout->addStretch(1);
    layout->addWidget(m_keys);
    connect(m_guess, &QDoubleSpinBox::valueChanged, this, &DemoTitleCard::guessChanged);
}

void DemoTitleCard::setDemo(const claims::Demo& demo, int index, int count, const QString& article, double guess)
{
    m_position->setText(tr("Demo %1 of %2").arg(index + 1).arg(count));
    m_title->setText(toQString(demo.title));
    m_watch->setText(tr("Watch for: %1").arg(toQString(demo.watchFor)));
    m_article->setText(article.isEmpty() ? QString() : tr("The article says: %1").arg(article));
    const QString sentence = toQString(demo.guess.sentence);
    const int blank = sentence.indexOf(QStringLiteral("__"));
    m_guessBefore->setText(tr("Your guess: %1").arg(sentence.left(blank)));
    m_guessAfter->setText(sentence.mid(blank + 2));
    const QSignalBlocker block(m_guess);
    m_guess->setValue(guess);
}

double DemoTitleCard::guess() const
{
    return m_guess->value();
}

void DemoTitleCard::applyTheme(const PresentationTheme& theme, int height)
{
    m_position->setFont(PresentationTheme::font(height, 0.9));
    m_title->setFont(PresentationTheme::font(height, 2.6, true));
    m_watch->setFont(PresentationTheme::font(height, 1.25));
    m_article->setFont(PresentationTheme::font(height, 1.1));
    for (QWidget* w : {static_cast<QWidget*>(m_guessBefore), static_cast<QWidget*>(m_guessAfter)})
        w->setFont(PresentationTheme::font(height, 1.6, true));
    m_guess->setFont(PresentationTheme::font(height, 1.8, true));
    m_guess->setFixedWidth(height / 40 * 7);
    m_keys->setFont(PresentationTheme::font(height, 0.8));
    m_position->setStyleSheet(QStringLiteral("color: %1;").arg(theme.muted.name()));
    m_keys->setStyleSheet(QStringLiteral("color: %1;").arg(theme.muted.name()));
    m_article->setStyleSheet(QStringLiteral("color: %1;").arg(theme.muted.name()));
}

}  // namespace versus::gui
