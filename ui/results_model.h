// The results of the current run as a table: one row per workload implementation and runtime, running ones included.
#pragma once

#include <QAbstractTableModel>

#include <vector>

#include "result.h"

namespace versus::gui {

class ResultsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        WorkloadColumn,
        RuntimeColumn,
        MedianColumn,
        CiColumn,
        MadColumn,
        CallsPerSecondColumn,
        RatioColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1 };  ///< numbers for numeric columns, so sorting is numeric

    explicit ResultsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// A row for an item that started; replaced by its result when it ends.
    void addRunning(int itemIndex, const QString& workloadTitle, const QString& seriesName, const QString& runtimeId,
                    const QString& flavour);
    /// Adds or replaces (same itemIndex) the row of a finished or failed item; ratios of its workload are updated.
    void addResult(const Result& result);
    void clear();

    /// Finished results (running rows excluded), in the order they ended.
    std::vector<Result> results() const;
    const Result& resultAt(int row) const { return m_rows[std::size_t(row)].result; }
    bool isRunning(int row) const { return m_rows[std::size_t(row)].running; }
    /// Median per call over the fastest median of the same workload and parameters (fastestOf(): never a failed
    /// result nor the native reference); NaN when unknown.
    double ratioToFastest(int row) const;

private:
    /// Finished Python or Node.js results of the row's workload and parameters that a headline may compare.
    int comparableInGroup(int row) const;

    struct Row {
        Result result;
        bool running = false;
        QString title;  // workload title while running
        QString series;  // series name while running
    };
    std::vector<Row> m_rows;
};

}  // namespace versus::gui
