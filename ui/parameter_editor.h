// Edits the parameters of one workload: a field per manifest parameter, each refusing invalid values with the reason.
#pragma once

#include <QWidget>

#include <vector>

#include "catalog.h"

class QFormLayout;
class QLabel;

namespace versus::gui {

class ParameterValidator;

class ParameterEditor final : public QWidget {
    Q_OBJECT
public:
    explicit ParameterEditor(QWidget* parent = nullptr);

    /// Shows `workload`'s parameters with `overrides` on top of the defaults; null shows nothing.
    void setWorkload(const Workload* workload, const ParamValues& overrides);
    const Workload* workload() const { return m_workload; }
    /// The valid values the user set (an empty field means the manifest's default).
    ParamValues overrides() const;
    /// The first field's reason for refusing its text; empty when every field holds a valid value.
    QString firstError() const;

signals:
    /// A value or its validity changed.
    void edited();

private:
    struct Field {
        const ParameterSpec* spec = nullptr;
        QWidget* editor = nullptr;
        QLabel* error = nullptr;
        ParameterValidator* validator = nullptr;
    };
    void rebuild(const ParamValues& overrides);
    void updateError(Field& field);

    const Workload* m_workload = nullptr;
    QFormLayout* m_form = nullptr;
    QLabel* m_empty = nullptr;
    std::vector<Field> m_fields;
};

}  // namespace versus::gui
