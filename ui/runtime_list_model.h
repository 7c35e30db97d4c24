// Every runtime the registry knows, with its version and a check box; unavailable ones are disabled with the reason.
#pragma once

#include <QAbstractListModel>
#include <QStringList>

#include <set>
#include <string>

#include "runtime_registry.h"

namespace versus::gui {

class RuntimeListModel final : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { RuntimeIdRole = Qt::UserRole + 1 };

    /// Reads descriptors only: listing runtimes never initialises an interpreter. `registry` must outlive the model.
    explicit RuntimeListModel(const RuntimeRegistry& registry, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    /// Checked and available runtimes, in registry order.
    QStringList checkedRuntimeIds() const;
    void setCheckedRuntimeIds(const QStringList& ids);
    /// Re-reads the registry after runtimes were added to it (user interpreters); `checkId` is checked when given.
    void reload(const QString& checkId = {});

signals:
    void checkedChanged();

private:
    const RuntimeRegistry& m_registry;
    std::set<std::string> m_checked;
};

}  // namespace versus::gui
