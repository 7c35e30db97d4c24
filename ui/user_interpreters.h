// The interpreters the user added as runtimes (Run > Add interpreter...): registered as external-process runtimes
// and remembered in QSettings ("runtimes/userInterpreters") so the next start has them again.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <string>

namespace versus {
class RuntimeRegistry;
}

namespace versus::gui {

class UserInterpreters {
    Q_DECLARE_TR_FUNCTIONS(UserInterpreters)
public:
    /// `registry` must outlive this. With `persist`, added interpreters are saved in QSettings.
    UserInterpreters(RuntimeRegistry& registry, bool persist);

    /// Registers the interpreter at `path` as runtime `name` (letters, digits, '-' and '_') and remembers it. False
    /// with `error` set, and nothing added, when the name is invalid or taken or the interpreter does not work.
    bool add(const QString& name, const QString& path, QString* error);
    /// Registers the saved interpreters not registered yet; returns one line per interpreter skipped, saying why.
    QStringList restore();

private:
    /// Registers `name` only when the interpreter works: empty, or why not.
    std::string registerIfItWorks(const QString& name, const QString& path);

    RuntimeRegistry& m_registry;
    bool m_persist;
};

}  // namespace versus::gui
