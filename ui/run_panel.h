// The left-hand panel: workloads and their parameters, runtimes, the sampling and plan controls, Run and Stop, and
// the progress under them. It turns what is checked and set into a RunPlan and keeps its settings in QSettings.
#pragma once

#include <QWidget>

#include <map>
#include <string>

#include "catalog.h"
#include "expected.h"
#include "run_scheduler.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QPushButton;
class QSettings;
class QSortFilterProxyModel;
class QSpinBox;
class QTreeView;

namespace versus {
class RunProgress;
}

namespace versus::gui {

class ParameterEditor;
class RuntimeListModel;
class WorkloadTreeModel;

class RunPanel final : public QWidget {
    Q_OBJECT
public:
    /// `catalog` and `registry` must outlive the panel.
    RunPanel(const Catalog& catalog, const RuntimeRegistry& registry, QWidget* parent = nullptr);

    // Scripting surface for --screenshot and the tests; the same paths the widgets use.
    void setCheckedWorkloads(const QStringList& ids);
    void setCheckedRuntimes(const QStringList& ids);
    /// Makes `id` the current workload: its description and parameter editor are shown.
    void selectWorkload(const QString& id);
    /// Every workload's parameters set to the manifest's "tiny" values.
    void useTinyParameters();
    void setSampling(int warmupSamples, int samples, double minSampleTimeMs);
    /// The plan controls: order of the items, target CI in percent of the median (0 = off), time budget (0 = none),
    /// and the most measured samples adaptive sampling may take (0 = leave as it is).
    void setRunPlanOptions(RunOrder order, double targetCiPercent, double timeBudgetS, int maxSamples = 0);

    /// The checked workloads on the checked runtimes with the user's parameters and the plan controls' settings;
    /// the reason, for the user, when nothing is checked or a parameter is refused (its workload is then shown).
    Expected<RunPlan> checkedPlan();
    /// A plan of `items` with the plan controls' settings.
    RunPlan planOf(std::vector<PlanItem> items) const;

    /// Run and the settings are disabled while running, Stop enabled.
    void setRunning(bool running);
    /// Shows why a run was not started under the Run button, until the next run (or the refused field is fixed).
    void showRefusal(const QString& reason);
    void clearRefusal();
    /// Clears the refusal only when it is `reason` (a refusal whose cause has gone, e.g. a start-up study that ended).
    void clearRefusal(const QString& reason);
    /// The refusal shown under the Run button; empty when none is.
    QString runMessage() const;
    /// Fills the bar and the text under it: `currentItem`, then samples, results and time left while running.
    void showProgress(const RunProgress& progress, const QString& currentItem, double elapsedS);
    /// What the progress bar says under it.
    QString progressText() const;

    /// Shows the registry's runtimes again after one was added (`checked` is shown checked).
    void reloadRuntimes(const QString& checked = {});

    /// The checked workloads and runtimes, the sampling and plan controls, and the current workload.
    void restoreSettings(const QSettings& settings);
    void saveSettings(QSettings& settings) const;

    WorkloadTreeModel* workloadModel() const { return m_workloads; }
    RuntimeListModel* runtimeModel() const { return m_runtimes; }
    ParameterEditor* parameterEditor() const { return m_parameters; }

    /// Run and Stop, the progress bar and its text, the refusal: a widget of its own (the panel's child, not in its
    /// layout), which the window places below the scrolling panel so that Run is in view at any window height.
    QWidget* runControls() const { return m_controls; }

signals:
    void runClicked();
    void stopClicked();
    void addInterpreterClicked();

private:
    QWidget* buildWorkloadBox();
    QWidget* buildRuntimeBox();
    QWidget* buildRunBox();
    QWidget* buildRunControls();
    void onCurrentWorkloadChanged(const QModelIndex& current);
    void storeEditedParameters();
    void updateControls();
    void updateRuntimeListHeight();

    const Catalog& m_catalog;
    std::map<std::string, ParamValues> m_overrides;  // per workload id: the user's valid values
    std::map<std::string, QString> m_parameterErrors;  // per workload id: why a field is refused
    bool m_running = false;

    WorkloadTreeModel* m_workloads = nullptr;
    QSortFilterProxyModel* m_workloadProxy = nullptr;
    RuntimeListModel* m_runtimes = nullptr;

    QLineEdit* m_search = nullptr;
    QTreeView* m_tree = nullptr;
    QListView* m_runtimeList = nullptr;
    QLabel* m_description = nullptr;
    ParameterEditor* m_parameters = nullptr;
    QSpinBox* m_warmup = nullptr;
    QSpinBox* m_samples = nullptr;
    QDoubleSpinBox* m_minSampleTime = nullptr;
    QComboBox* m_order = nullptr;
    QDoubleSpinBox* m_targetCi = nullptr;
    QSpinBox* m_maxSamples = nullptr;
    QDoubleSpinBox* m_timeBudget = nullptr;
    QPushButton* m_runButton = nullptr;
    QPushButton* m_stopButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_progressText = nullptr;
    QLabel* m_message = nullptr;
    QWidget* m_controls = nullptr;
};

}  // namespace versus::gui
