// The results table's look: sorting, row selection, and column widths in em.
#include "results_table.h"

#include <QHeaderView>

namespace versus::gui {

ResultsTable::ResultsTable(QAbstractItemModel* model, QWidget* parent) : QTableView(parent)
{
    setObjectName(QStringLiteral("resultsTable"));
    setModel(model);
    setSortingEnabled(true);
    sortByColumn(-1, Qt::AscendingOrder);  // arrival order until the user sorts
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAlternatingRowColors(true);
    verticalHeader()->setVisible(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int widths[] = {20, 22, 9, 17, 8, 9, 8};  // workload, runtime, median, CI, MAD, calls/s, vs fastest
    for (int c = 0; c < 7; ++c)
        setColumnWidth(c, widths[c] * em);
}

}  // namespace versus::gui
