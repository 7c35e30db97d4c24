// The "How to read these charts" page: one paragraph per chart, the words the charts use, and the README.
#include "chart_guide.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QUrl>
#include <QVBoxLayout>

#include "catalog.h"

namespace versus::gui {

QString chartGuideHtml(const QString& readmeUrl)
{
    QString html = QObject::tr(
        "<h3>How to read these charts</h3>"
        "<p><b>Headline</b>: each Python runtime against each Node.js runtime of the same kind (embedded with "
        "embedded, process with process): which is faster, by how much, with the 95% confidence interval of the "
        "ratio and a p-value. \"No clear difference\" means the numbers do not show one. A failed result never "
        "takes part; the headline says what failed.</p>"
        "<p><b>Summary</b>: one column per workload, one dot per runtime, at how many times slower than the fastest "
        "Python or Node.js run it is (log axis; error bars are 95% CIs). The native C++ reference is a dashed line "
        "across its column, a yardstick rather than a contender. A shaded band labelled \"article\" is where CPython "
        "would sit if the article's claim held; hover over it for the claim.</p>"
        "<p><b>Throughput</b>: calls per second of every sample over time (requests per second for the HTTP "
        "servers, with the article's figure for each framework as a dashed line in its colour). The shaded start is "
        "warm-up (not measured); \"steady\" marks where a series settled. Series more than 10x apart get a log "
        "axis. The flavours of one runtime (Express, Fastify...) are shades of its colour, each with its own dash "
        "pattern and marker.</p>"
        "<p><b>Heap</b> and <b>Distribution</b>: memory while a workload ran, and the spread of the measured "
        "samples (box: quartiles; whiskers: 1.5 IQR; dots: every sample).</p>"
        "<p><b>Raced</b> results ran both runtimes at the same time: they shared the CPU, so their times are not "
        "comparable with sequential or interleaved runs.</p>");
    if (!readmeUrl.isEmpty())
        html += QObject::tr("<p>More in the <a href=\"%1\">README</a>.</p>").arg(readmeUrl);
    else
        html += QObject::tr("<p>More in README.md in the Versus sources.</p>");
    return html;
}

QString readmeUrl()
{
    const QFileInfo readme(QString::fromStdString((dataDirectory() / "README.md").string()));
    return readme.exists() ? QUrl::fromLocalFile(readme.absoluteFilePath()).toString() : QString();
}

void showChartGuide(QWidget* parent)
{
    auto* dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("chartGuide"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QObject::tr("How to read these charts"));
    auto* layout = new QVBoxLayout(dialog);
    auto* text = new QLabel(chartGuideHtml(readmeUrl()), dialog);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setOpenExternalLinks(true);
    text->setMinimumWidth(520);
    layout->addWidget(text);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(buttons);
    dialog->show();
}

}  // namespace versus::gui
