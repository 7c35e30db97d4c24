// The reveal: three figures and the chart.
#include "reveal_view.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "presentation_chart.h"
#include "presentation_theme.h"
#include "qstring_conversion.h"

namespace versus::gui {

QString measuredRatioText(const claims::DemoReveal& reveal)
{
    if (!reveal.measured)
        return RevealView::tr("not measured");
    const auto x = [](double v) { return QStringLiteral("%1x").arg(v, 0, 'f', v >= 10 ? 1 : 2); };
    return RevealView::tr("%1 (95% CI %2 to %3)")
        .arg(x(reveal.ratio.ratio), x(reveal.ratio.ratioCi.low), x(reveal.ratio.ratioCi.high));
}

RevealView::RevealView(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(40, 24, 40, 24);
    m_title = new QLabel(this);
    layout->addWidget(m_title);
    auto* figures = new QGridLayout;
    figures->setHorizontalSpacing(40);
    const auto figure = [&](int column, const QString& heading) {
        auto* head = new QLabel(heading, this);
        head->setObjectName(QStringLiteral("figureHeading"));
        auto* value = new QLabel(this);
        value->setWordWrap(true);
        figures->addWidget(head, 0, column);
        figures->addWidget(value, 1, column, Qt::AlignTop);
        figures->setColumnStretch(column, 1);
        return value;
    };
    m_guess = figure(0, tr("Your guess"));
    m_measured = figure(1, tr("Measured here"));
    m_article = figure(2, tr("The article"));
    layout->addLayout(figures);
    m_problems = new QLabel(this);
    m_problems->setWordWrap(true);
    layout->addWidget(m_problems);
    m_chart = new PresentationChart(this);
    layout->addWidget(m_chart, 1);
    auto* keys = new QLabel(tr("Space runs again  ·  \u2190 \u2192 other demos  ·  T light/dark  ·  Esc leaves"), this);
    keys->setObjectName(QStringLiteral("revealKeys"));
    layout->addWidget(keys);
}

void RevealView::reveal(const claims::Demo& demo, double guess, const QString& article,
                        const std::vector<std::vector<double>>& samples, const QStringList& problems,
                        const PresentationTheme& theme, int height)
{
    const claims::DemoReveal numbers = claims::revealDemo(demo, samples);
    m_title->setText(toQString(demo.title));
    m_title->setFont(PresentationTheme::font(height, 1.6, true));
    m_guess->setText(toQString(claims::guessSentence(demo, QString::number(guess, 'g', 3).toStdString())));
    m_measured->setText(measuredRatioText(numbers));
    m_article->setText(article);
    for (QLabel* heading : findChildren<QLabel*>(QStringLiteral("figureHeading"))) {
        heading->setFont(PresentationTheme::font(height, 0.9));
        heading->setStyleSheet(QStringLiteral("color: %1;").arg(theme.muted.name()));
    }
    m_guess->setFont(PresentationTheme::font(height, 1.2, true));
    m_measured->setFont(PresentationTheme::font(height, 1.5, true));
    m_measured->setStyleSheet(QStringLiteral("color: %1;").arg(theme.accent.name()));
    m_article->setFont(PresentationTheme::font(height, 1.2, true));
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
    m_problems->setFont(PresentationTheme::font(height, 0.7));
    findChild<QLabel*>(QStringLiteral("revealKeys"))->setFont(PresentationTheme::font(height, 0.7));
    findChild<QLabel*>(QStringLiteral("revealKeys"))
        ->setStyleSheet(QStringLiteral("color: %1;").arg(theme.muted.name()));
    layout()->activate();  // the new fonts' heights first: the chart gets the room left and is drawn at that size
    m_chart->show(demo, samples, numbers, theme, height);
}

QString RevealView::guessText() const
{
    return m_guess->text();
}

QString RevealView::measuredText() const
{
    return m_measured->text();
}

QString RevealView::articleText() const
{
    return m_article->text();
}

}  // namespace versus::gui
