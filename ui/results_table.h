// The Results tab: one row per result in arrival order until the user sorts, with columns sized for their numbers.
#pragma once

#include <QTableView>

namespace versus::gui {

class ResultsTable final : public QTableView {
    Q_OBJECT
public:
    /// Shows `model` (a sort proxy over ResultsModel).
    explicit ResultsTable(QAbstractItemModel* model, QWidget* parent = nullptr);
};

}  // namespace versus::gui
