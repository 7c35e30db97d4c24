// Run > Check the article: runs core's check of the article's claims (claims/claims_check.h, the same plan and rules
// as `versus claims`) on a worker thread, with progress and the time left, and shows the verdict table; saves the
// handout as HTML (with each claim's chart) or Markdown.
#pragma once

#include <QDialog>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

#include "claims_check.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace versus {
class Catalog;
class RuntimeRegistry;
}  // namespace versus

namespace versus::gui {

class ClaimsDialog : public QDialog {
    Q_OBJECT
public:
    /// The registry and catalog must outlive the dialog. `blockedReason` says why a check may not start now (a
    /// benchmark run or a start-up measurement is in progress); empty when it may.
    ClaimsDialog(RuntimeRegistry& registry, const Catalog& catalog, std::function<QString()> blockedReason,
                 QWidget* parent = nullptr);
    ~ClaimsDialog() override;  ///< stops a running check and waits for its thread

    /// Starts the check (tiny: the smoke budget, for tests). False, with the reason shown, when refused.
    bool start(bool tiny = false);
    void stop();
    bool isRunning() const { return m_running; }
    QTableWidget* table() const { return m_table; }
    QString statusText() const;
    /// Writes the handout: .html (self-contained, with charts) or .md, by the file name. False with `error` set.
    bool saveHandout(const QString& file, QString* error);

signals:
    void finished();

private:
    void showProgress(int perMille, const QString& text);
    void showOutcome(std::shared_ptr<const claims::ClaimsCheck> check);

    RuntimeRegistry& m_registry;
    const Catalog& m_catalog;
    std::function<QString()> m_blockedReason;
    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_stop = nullptr;
    QPushButton* m_save = nullptr;
    bool m_running = false;
    std::atomic<bool> m_stopRequested{false};
    std::thread m_worker;
    std::shared_ptr<const claims::ClaimsCheck> m_check;
};

}  // namespace versus::gui
