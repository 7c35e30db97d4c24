// Help > Instrument check: runs core's instrument check on a worker thread and shows its report, the same text as
// `versus selftest`.
#pragma once

#include <QDialog>

#include <atomic>
#include <memory>
#include <thread>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace versus {
class Catalog;
class RuntimeRegistry;
}  // namespace versus

namespace versus::gui {

class InstrumentCheckDialog : public QDialog {
    Q_OBJECT
public:
    /// The registry and catalog must outlive the dialog; the check uses the window's embedded runtimes.
    InstrumentCheckDialog(RuntimeRegistry& registry, const Catalog& catalog, QWidget* parent = nullptr);
    ~InstrumentCheckDialog() override;  ///< stops a running check and waits for its thread

    /// Starts the check (quick: tiny parameters, for tests). False when one runs already or `blockedReason` is set.
    bool start(bool quick = false);
    bool isRunning() const { return m_running; }
    /// Non-empty: starting is refused with this text (a benchmark run would disturb the check, and the reverse).
    void setBlockedBy(const QString& reason);
    QString reportText() const;

signals:
    void finished();

private:
    void showReport(const QString& text, bool allMeetGoals);

    RuntimeRegistry& m_registry;
    const Catalog& m_catalog;
    QLabel* m_status = nullptr;
    QPlainTextEdit* m_report = nullptr;
    QPushButton* m_run = nullptr;
    QString m_blockedBy;
    bool m_running = false;
    std::atomic<bool> m_cancelled{false};
    std::thread m_worker;
};

}  // namespace versus::gui
