// Validates a workload parameter typed into a field against its manifest spec (type and limits), with the reason.
#pragma once

#include <QValidator>

#include "catalog.h"

namespace versus::gui {

class ParameterValidator final : public QValidator {
    Q_OBJECT
public:
    /// `spec` must outlive the validator (it lives in the catalog).
    explicit ParameterValidator(const ParameterSpec& spec, QObject* parent = nullptr);

    /// Acceptable when core's parseParamValue accepts the text; Intermediate while it could still become valid
    /// (empty, "-", a number out of range); Invalid for text no number starts with, which the field refuses.
    State validate(QString& input, int& pos) const override;
    /// Why the text is not acceptable, in core's words ("parameter 'n' must be an integer from 0 to 35 (got
    /// '99')"); empty when it is acceptable.
    QString reason(const QString& text) const;
    /// Parses acceptable text.
    bool parse(const QString& text, ParamValue& out) const;

private:
    const ParameterSpec& m_spec;
};

}  // namespace versus::gui
