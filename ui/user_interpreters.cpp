// Registers the user's own interpreters, after trying each on a scratch registry, and keeps the list in QSettings.
#include "user_interpreters.h"

#include <QRegularExpression>
#include <QSettings>

#include "external/external_process_runtime.h"
#include "runtime_registry.h"

namespace versus::gui {

namespace {
const QString kUserInterpretersKey = QStringLiteral("runtimes/userInterpreters");
}

UserInterpreters::UserInterpreters(RuntimeRegistry& registry, bool persist) : m_registry(registry), m_persist(persist)
{
}

std::string UserInterpreters::registerIfItWorks(const QString& name, const QString& path)
{
    // The registry keeps an interpreter that does not work (as unavailable): try it on a scratch registry first, so
    // a failure adds nothing. The version answer is cached, so registering for real does not start it again.
    {
        RuntimeRegistry trial;
        const auto tried = registerExternalInterpreter(trial, name.toStdString(), path.toStdString());
        if (!tried)
            return tried.error();
    }
    return registerExternalInterpreter(m_registry, name.toStdString(), path.toStdString()).error();
}

bool UserInterpreters::add(const QString& name, const QString& path, QString* error)
{
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9_-]+$"));
    if (!validName.match(name).hasMatch())
        return fail(tr("The name may hold only letters, digits, '-' and '_'."));
    if (path.trimmed().isEmpty())
        return fail(tr("Choose the interpreter's path."));
    if (m_registry.descriptor(name.toStdString()))
        return fail(tr("A runtime named '%1' exists already: choose another name.").arg(name));
    const std::string problem = registerIfItWorks(name, path);
    if (!problem.empty())
        return fail(QString::fromStdString(problem));
    if (m_persist) {
        QSettings settings;
        QStringList saved = settings.value(kUserInterpretersKey).toStringList();
        saved << name + QLatin1Char('=') + path;
        settings.setValue(kUserInterpretersKey, saved);
    }
    if (error)
        error->clear();
    return true;
}

QStringList UserInterpreters::restore()
{
    QStringList skipped;
    const QSettings settings;
    for (const QString& entry : settings.value(kUserInterpretersKey).toStringList()) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        const QString name = entry.left(eq);
        const QString path = eq < 0 ? QString() : entry.mid(eq + 1);
        if (m_registry.descriptor(name.toStdString()))
            continue;  // registered already (a second window of the process)
        const std::string problem = registerIfItWorks(name, path);
        if (!problem.empty())
            skipped << tr("Saved interpreter %1 skipped: %2").arg(entry, QString::fromStdString(problem));
    }
    return skipped;
}

}  // namespace versus::gui
