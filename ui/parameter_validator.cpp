// The field-level check reuses core's parser, so the GUI and the CLI refuse exactly the same values.
#include "parameter_validator.h"

#include <QRegularExpression>

namespace versus::gui {

ParameterValidator::ParameterValidator(const ParameterSpec& spec, QObject* parent)
    : QValidator(parent), m_spec(spec) { }

bool ParameterValidator::parse(const QString& text, ParamValue& out) const
{
    auto parsed = parseParamValue(m_spec, text.trimmed().toStdString());
    if (parsed)
        out = *parsed;
    return parsed.ok();
}

QValidator::State ParameterValidator::validate(QString& input, int&) const
{
    ParamValue value;
    if (parse(input, value))
        return Acceptable;
    static const QRegularExpression integerPrefix(QStringLiteral("^\\s*-?\\d*\\s*$"));
    static const QRegularExpression floatPrefix(QStringLiteral("^\\s*-?\\d*\\.?\\d*([eE][-+]?\\d*)?\\s*$"));
    switch (m_spec.type) {
    case ParamType::Int:
        return integerPrefix.match(input).hasMatch() ? Intermediate : Invalid;
    case ParamType::Float:
        return floatPrefix.match(input).hasMatch() ? Intermediate : Invalid;
    case ParamType::Bool:
    case ParamType::Choice:
        return Intermediate;
    }
    return Intermediate;
}

QString ParameterValidator::reason(const QString& text) const
{
    if (text.trimmed().isEmpty())
        return tr("parameter '%1' needs a value: %2")
            .arg(QString::fromStdString(m_spec.name), QString::fromStdString(m_spec.describeLimits()));
    return QString::fromStdString(parseParamValue(m_spec, text.trimmed().toStdString()).error());
}

}  // namespace versus::gui
