// Tree model over the catalog. Internal id 0 marks a category row; n > 0 marks a workload of category n - 1.
#include "workload_tree_model.h"

namespace versus::gui {

WorkloadTreeModel::WorkloadTreeModel(const Catalog& catalog, QObject* parent) : QAbstractItemModel(parent)
{
    for (const std::string& name : catalog.categories()) {
        if (name == "test")
            continue;  // fixtures for the test suite, not workloads anyone wants to race
        Category category{name, {}};
        for (const Workload& w : catalog.workloads())
            if (w.category == name)
                category.workloads.push_back(&w);
        m_categories.push_back(std::move(category));
    }
}

QString WorkloadTreeModel::categoryTitle(const std::string& category)
{
    // One rule: the manifest's category with a capital first letter ("database" -> "Database"), so a new category
    // needs nothing here; only acronyms and names that read better otherwise are listed.
    static const std::pair<const char*, const char*> titles[] = {
        {"cpu", "CPU"},    {"json", "JSON"},        {"http", "HTTP"},
        {"file", "Files"}, {"startup", "Start-up"}, {"custom", "Your own code"},
    };
    for (const auto& [id, title] : titles)
        if (category == id)
            return tr(title);
    QString title = QString::fromStdString(category).replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!title.isEmpty())
        title[0] = title[0].toUpper();
    return title;
}

QModelIndex WorkloadTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex WorkloadTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int WorkloadTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_categories.size());
    if (parent.column() != 0 || parent.internalId() != 0)
        return 0;
    return int(m_categories[std::size_t(parent.row())].workloads.size());
}

int WorkloadTreeModel::columnCount(const QModelIndex&) const
{
    return 1;
}

const Workload* WorkloadTreeModel::workloadAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.internalId() == 0 || index.model() != this)
        return nullptr;
    const Category& c = m_categories[std::size_t(index.internalId() - 1)];
    return index.row() < int(c.workloads.size()) ? c.workloads[std::size_t(index.row())] : nullptr;
}

QModelIndex WorkloadTreeModel::indexOf(const QString& workloadId) const
{
    const std::string id = workloadId.toStdString();
    for (std::size_t c = 0; c < m_categories.size(); ++c)
        for (std::size_t w = 0; w < m_categories[c].workloads.size(); ++w)
            if (m_categories[c].workloads[w]->id == id)
                return createIndex(int(w), 0, quintptr(c + 1));
    return {};
}

Qt::CheckState WorkloadTreeModel::categoryState(const Category& category) const
{
    std::size_t checked = 0;
    for (const Workload* w : category.workloads)
        checked += m_checked.count(w->id);
    if (checked == 0)
        return Qt::Unchecked;
    return checked == category.workloads.size() ? Qt::Checked : Qt::PartiallyChecked;
}

QVariant WorkloadTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0) {
        const Category& c = m_categories[std::size_t(index.row())];
        switch (role) {
        case Qt::DisplayRole:
            return categoryTitle(c.name);
        case Qt::CheckStateRole:
            return categoryState(c);
        case SearchTextRole:
            return categoryTitle(c.name) + QLatin1Char(' ') + QString::fromStdString(c.name);
        case WorkloadIdRole:
            return QString();
        default:
            return {};
        }
    }
    const Workload* w = workloadAt(index);
    if (!w)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return QString::fromStdString(w->title);
    case Qt::ToolTipRole:
        return QStringLiteral("<b>%1</b> (%2)<br>%3")
            .arg(QString::fromStdString(w->title).toHtmlEscaped(), QString::fromStdString(w->id),
                 QString::fromStdString(w->description).toHtmlEscaped());
    case Qt::CheckStateRole:
        return m_checked.count(w->id) ? Qt::Checked : Qt::Unchecked;
    case WorkloadIdRole:
        return QString::fromStdString(w->id);
    case SearchTextRole:
        return QString::fromStdString(w->title + " " + w->id + " " + w->category + " " + w->description);
    default:
        return {};
    }
}

bool WorkloadTreeModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::CheckStateRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const bool check = value.value<Qt::CheckState>() != Qt::Unchecked;
    if (index.internalId() == 0) {
        for (const Workload* w : m_categories[std::size_t(index.row())].workloads) {
            if (check)
                m_checked.insert(w->id);
            else
                m_checked.erase(w->id);
        }
    } else if (const Workload* w = workloadAt(index)) {
        if (check)
            m_checked.insert(w->id);
        else
            m_checked.erase(w->id);
    }
    emitCheckChanges();
    return true;
}

void WorkloadTreeModel::emitCheckChanges()
{
    for (std::size_t c = 0; c < m_categories.size(); ++c) {
        const QModelIndex category = index(int(c), 0);
        emit dataChanged(category, category, {Qt::CheckStateRole});
        const int n = int(m_categories[c].workloads.size());
        if (n > 0)
            emit dataChanged(index(0, 0, category), index(n - 1, 0, category), {Qt::CheckStateRole});
    }
    emit checkedChanged();
}

Qt::ItemFlags WorkloadTreeModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
    if (index.internalId() == 0)
        f |= Qt::ItemIsAutoTristate;
    else
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QVariant WorkloadTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Workload");
    return {};
}

QStringList WorkloadTreeModel::checkedWorkloadIds() const
{
    QStringList ids;
    for (const Category& c : m_categories)
        for (const Workload* w : c.workloads)
            if (m_checked.count(w->id))
                ids << QString::fromStdString(w->id);
    return ids;
}

void WorkloadTreeModel::setCheckedWorkloadIds(const QStringList& ids)
{
    m_checked.clear();
    for (const Category& c : m_categories)
        for (const Workload* w : c.workloads)
            if (ids.contains(QString::fromStdString(w->id)))
                m_checked.insert(w->id);
    emitCheckChanges();
}

}  // namespace versus::gui
