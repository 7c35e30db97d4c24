// The verdict pane: the shown workload's headlines, bounded in height so that the charts keep their room whatever
// the results hold (a database run once had some twenty verdicts that pushed the charts off a 900 px window).
#include "verdict_pane.h"

#include <QLabel>
#include <QResizeEvent>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

#include "qstring_conversion.h"
#include "result_analysis.h"

namespace versus::gui {

VerdictPane::VerdictPane(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("verdictScroll"));
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_scroll->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_content = new QWidget;
    auto* lines = new QVBoxLayout(m_content);
    lines->setContentsMargins(0, 0, 0, 0);
    lines->setSpacing(2);
    m_headline = new QLabel(m_content);
    m_headline->setObjectName(QStringLiteral("headline"));
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_headline->setFont(big);
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::PlainText);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_headline->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_failures = new QLabel(m_content);
    m_failures->setObjectName(QStringLiteral("failureNotes"));
    m_failures->setWordWrap(true);
    m_failures->setTextFormat(Qt::PlainText);
    m_failures->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_failures->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    lines->addWidget(m_headline);
    lines->addWidget(m_failures);
    lines->addStretch(1);
    m_scroll->setWidget(m_content);
    layout->addWidget(m_scroll);
    m_others = new QLabel(this);
    m_others->setObjectName(QStringLiteral("otherVerdicts"));
    m_others->setWordWrap(true);
    m_others->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QPalette muted = m_others->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_others->setPalette(muted);
    layout->addWidget(m_others);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Maximum);
    updateText();
}

VerdictPane::~VerdictPane() = default;

void VerdictPane::setVerdicts(std::vector<Verdict> verdicts, const QString& fallback)
{
    m_verdicts = std::move(verdicts);
    m_fallback = fallback;
    m_message.clear();
    updateText();
}

void VerdictPane::setMessage(const QString& message)
{
    m_message = message;
    updateText();
}

void VerdictPane::showWorkload(const QString& workloadId)
{
    m_workloadId = workloadId;
    updateText();
}

QString VerdictPane::shownText() const
{
    return m_headline->text();
}

QString VerdictPane::othersText() const
{
    return m_others->isHidden() ? QString() : m_others->text();
}

void VerdictPane::updateText()
{
    QStringList shown, failures, all;
    std::set<std::string> otherWorkloads;
    int others = 0;
    const std::string workload = m_workloadId.toStdString();
    // With no workload picked yet, every verdict is this workload's: a run of one workload reads as before.
    const bool everything = m_workloadId.isEmpty()
        || std::none_of(m_verdicts.begin(), m_verdicts.end(),
                        [&](const Verdict& v) { return v.workloadId == workload; });
    for (const Verdict& v : m_verdicts) {
        all << toQString(v.sentence);
        if (everything || v.workloadId == workload) {
            (v.failure ? failures : shown) << toQString(v.sentence);
        } else {
            ++others;
            otherWorkloads.insert(v.workloadId);
        }
    }
    if (!m_message.isEmpty()) {
        shown = QStringList{m_message};
        failures.clear();
        others = 0;
    } else if (shown.isEmpty() && failures.isEmpty()) {
        shown << m_fallback;
    }
    m_headline->setText(shown.join(QLatin1Char('\n')));
    m_headline->setVisible(!shown.isEmpty());
    m_failures->setText(failures.join(QLatin1Char('\n')));
    m_failures->setVisible(!failures.isEmpty());
    const int workloads = int(otherWorkloads.size());
    m_others->setText((others == 1 ? tr("1 more verdict") : tr("%1 more verdicts").arg(others))
                      + (workloads == 1 ? tr(" on 1 other workload") : tr(" on %1 other workloads").arg(workloads))
                      + tr(": pick one in Show (hover for all)"));
    m_others->setVisible(others > 0);
    const QString tip = all.join(QLatin1Char('\n'));
    m_headline->setToolTip(tip);
    m_failures->setToolTip(tip);
    m_others->setToolTip(tip);
    updateHeight();
}

void VerdictPane::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (event->size().width() != event->oldSize().width())
        updateHeight();
}

void VerdictPane::updateHeight()
{
    // The scrolled part is as tall as its lines at the pane's width, and never taller than kVisibleLines lines of the
    // headline's font: the charts below keep their room however many verdicts there are.
    // Measured at the whole width: when the lines fit, no scroll bar takes any of it.
    const int width = std::max(1, this->width());  // the scrolled part spans the pane
    const int wanted = m_content->layout()->hasHeightForWidth() ? m_content->layout()->heightForWidth(width)
                                                                : m_content->sizeHint().height();
    // On a small window the layout may take it down to two lines (it scrolls) rather than grow the window.
    const int line = QFontMetrics(m_headline->font()).lineSpacing();
    // Four lines and the labels' own few pixels of padding are shown whole, without a scroll bar.
    const int bound = line * kVisibleLines;
    const int height = std::max(1, wanted <= bound + line / 2 ? wanted : bound);
    m_scroll->setMaximumHeight(height);
    m_scroll->setMinimumHeight(std::min(height, 2 * line));
}

}  // namespace versus::gui
