// The catalog as a two-level tree (category > workload) with check boxes; categories check all their workloads.
#pragma once

#include <QAbstractItemModel>
#include <QStringList>

#include <set>
#include <string>
#include <vector>

#include "catalog.h"

namespace versus::gui {

class WorkloadTreeModel final : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role {
        WorkloadIdRole = Qt::UserRole + 1,  ///< workload id; empty for a category row
        SearchTextRole,  ///< title, id, category and description, for the search filter
    };

    /// `catalog` must outlive the model.
    explicit WorkloadTreeModel(const Catalog& catalog, QObject* parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Null for category rows.
    const Workload* workloadAt(const QModelIndex& index) const;
    QModelIndex indexOf(const QString& workloadId) const;
    /// Checked workloads in catalog order.
    QStringList checkedWorkloadIds() const;
    void setCheckedWorkloadIds(const QStringList& ids);

    /// "CPU", "JSON", "Start-up"...
    static QString categoryTitle(const std::string& category);

signals:
    void checkedChanged();

private:
    struct Category {
        std::string name;
        std::vector<const Workload*> workloads;
    };
    Qt::CheckState categoryState(const Category& category) const;
    void emitCheckChanges();

    std::vector<Category> m_categories;
    std::set<std::string> m_checked;
};

}  // namespace versus::gui
