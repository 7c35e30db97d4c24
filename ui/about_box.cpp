// The About box's text.
#include "about_box.h"

#include "runtime_registry.h"

#include <QCoreApplication>
#include <QMessageBox>

#ifndef VERSUS_VERSION
#define VERSUS_VERSION "0.0.0"
#endif

namespace versus::gui {

void showAboutBox(QWidget* parent, RuntimeRegistry& registry)
{
    const std::vector<RuntimeInfo> infos = registry.infos();
    const auto tr = [](const char* text) { return QCoreApplication::translate("AboutBox", text); };
    QString runtimes;
    for (std::size_t i = 0; i < infos.size() && i < registry.descriptors().size(); ++i) {
        const RuntimeDescriptor& d = registry.descriptors()[i];
        QString line = QString::fromStdString(infos[i].displayVersion()).toHtmlEscaped();
        if (!d.available())
            line += tr(" <i>(unavailable: %1)</i>").arg(QString::fromStdString(d.unavailableReason).toHtmlEscaped());
        runtimes += QStringLiteral("<li>%1</li>").arg(line);
    }
    QMessageBox::about(parent, tr("About Versus"),
                       tr("<h3>Versus %1</h3><p>Races Python and Node.js side by side on the same workloads, with "
                          "warm-up, calibration and every sample kept.</p><p>Runtimes:</p><ul>%2</ul>"
                          "<p>Qt %3</p>")
                           .arg(QStringLiteral(VERSUS_VERSION), runtimes, QString::fromLatin1(qVersion())));
}

}  // namespace versus::gui
