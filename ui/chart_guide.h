// Help > How to read these charts: a short page on what each chart shows, with a link to the README.
#pragma once

#include <QString>

class QWidget;

namespace versus::gui {

/// The page's text (rich text); `readmeUrl` is the README it links to, or empty when none was found.
QString chartGuideHtml(const QString& readmeUrl);
/// The README next to the workloads (the source tree, or an install that ships it); empty when there is none.
QString readmeUrl();
/// Shows the page as a non-modal dialog over `parent`.
void showChartGuide(QWidget* parent);

}  // namespace versus::gui
