// The race: a lane per series.
#include "race_view.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

#include "presentation_theme.h"

namespace versus::gui {

RaceView::RaceView(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(60, 40, 60, 40);
    m_title = new QLabel(this);
    layout->addWidget(m_title);
    layout->addStretch(1);
    m_lanes = new QVBoxLayout;
    m_lanes->setSpacing(16);
    layout->addLayout(m_lanes);
    layout->addStretch(1);
    auto* hint = new QLabel(tr("The numbers stay hidden until every runtime is done  ·  Esc stops"), this);
    hint->setObjectName(QStringLiteral("raceHint"));
    layout->addWidget(hint);
}

void RaceView::setLanes(const QString& title, const QStringList& labels, const PresentationTheme& theme, int height)
{
    for (QLabel* l : m_labels)
        delete l;
    for (QProgressBar* b : m_bars)
        delete b;
    m_labels.clear();
    m_bars.clear();
    m_title->setText(tr("%1: racing...").arg(title));
    m_title->setFont(PresentationTheme::font(height, 2.0, true));
    findChild<QLabel*>(QStringLiteral("raceHint"))->setFont(PresentationTheme::font(height, 0.8));
    for (int i = 0; i < labels.size(); ++i) {
        auto* label = new QLabel(labels[i], this);
        label->setFont(PresentationTheme::font(height, 1.3, true));
        label->setStyleSheet(QStringLiteral("color: %1;").arg(theme.series(i).name()));
        auto* bar = new QProgressBar(this);
        bar->setRange(0, 1000);
        bar->setValue(0);
        bar->setTextVisible(false);
        bar->setMinimumHeight(height / 22);
        bar->setStyleSheet(QStringLiteral("QProgressBar { border: 3px solid %1; border-radius: 6px; background: %2; }"
                                          "QProgressBar::chunk { background: %3; }")
                               .arg(theme.text.name(), theme.background.name(), theme.series(i).name()));
        m_lanes->addWidget(label);
        m_lanes->addWidget(bar);
        m_labels.push_back(label);
        m_bars.push_back(bar);
    }
}

void RaceView::setProgress(const std::vector<double>& fractions)
{
    for (std::size_t i = 0; i < m_bars.size() && i < fractions.size(); ++i)
        m_bars[i]->setValue(int(fractions[i] * 1000));
}

QStringList RaceView::shownTexts() const
{
    QStringList out;
    for (const QLabel* l : findChildren<QLabel*>())
        out << l->text();
    for (const QProgressBar* b : m_bars)
        if (b->isTextVisible())
            out << b->text();
    return out;
}

}  // namespace versus::gui
