// List model over RuntimeRegistry descriptors. Rows only grow (user interpreters are appended); reload() resets.
#include "runtime_list_model.h"

#include "runtime_palette.h"

namespace versus::gui {

RuntimeListModel::RuntimeListModel(const RuntimeRegistry& registry, QObject* parent)
    : QAbstractListModel(parent), m_registry(registry)
{
}

int RuntimeListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_registry.descriptors().size());
}

QVariant RuntimeListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RuntimeDescriptor& d = m_registry.descriptors()[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return QString::fromStdString(d.info.displayVersion());
    case Qt::ToolTipRole:
        if (!d.available())
            return tr("Unavailable: %1").arg(QString::fromStdString(d.unavailableReason));
        return tr("%1\nruns the %2 implementations of each workload")
            .arg(QString::fromStdString(d.info.displayVersion()), QString::fromStdString(d.info.language));
    case Qt::DecorationRole:
        return RuntimePalette::color(QString::fromStdString(d.info.id));
    case Qt::CheckStateRole:
        return d.available() && m_checked.count(d.info.id) ? Qt::Checked : Qt::Unchecked;
    case RuntimeIdRole:
        return QString::fromStdString(d.info.id);
    default:
        return {};
    }
}

bool RuntimeListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::CheckStateRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const RuntimeDescriptor& d = m_registry.descriptors()[std::size_t(index.row())];
    if (!d.available())
        return false;
    if (value.value<Qt::CheckState>() == Qt::Checked)
        m_checked.insert(d.info.id);
    else
        m_checked.erase(d.info.id);
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit checkedChanged();
    return true;
}

Qt::ItemFlags RuntimeListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const RuntimeDescriptor& d = m_registry.descriptors()[std::size_t(index.row())];
    if (!d.available())
        return Qt::ItemNeverHasChildren;  // greyed out: neither enabled nor checkable
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemNeverHasChildren;
}

QStringList RuntimeListModel::checkedRuntimeIds() const
{
    QStringList ids;
    for (const auto& d : m_registry.descriptors())
        if (d.available() && m_checked.count(d.info.id))
            ids << QString::fromStdString(d.info.id);
    return ids;
}

void RuntimeListModel::setCheckedRuntimeIds(const QStringList& ids)
{
    m_checked.clear();
    for (const auto& d : m_registry.descriptors())
        if (d.available() && ids.contains(QString::fromStdString(d.info.id)))
            m_checked.insert(d.info.id);
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {Qt::CheckStateRole});
    emit checkedChanged();
}

void RuntimeListModel::reload(const QString& checkId)
{
    beginResetModel();
    if (!checkId.isEmpty()) {
        const RuntimeDescriptor* d = m_registry.descriptor(checkId.toStdString());
        if (d && d->available())
            m_checked.insert(d->info.id);
    }
    endResetModel();
    emit checkedChanged();
}

}  // namespace versus::gui
