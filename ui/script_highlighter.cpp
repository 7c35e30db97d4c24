// Line-by-line regular expressions: enough for short functions, no multi-line strings or comments.
#include "script_highlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace versus::gui {

ScriptHighlighter::ScriptHighlighter(Language language, QTextDocument* document) : QSyntaxHighlighter(document)
{
    const QString keywords = language == Language::Python
        ? QStringLiteral("and|as|assert|break|class|continue|def|del|elif|else|except|False|finally|for|from|global|"
                         "if|import|in|is|lambda|None|nonlocal|not|or|pass|raise|return|True|try|while|with|yield")
        : QStringLiteral("break|case|catch|class|const|continue|default|delete|do|else|export|exports|false|for|"
                         "function|if|in|instanceof|let|new|null|of|return|switch|this|throw|true|try|typeof|"
                         "undefined|var|while|yield|require|module");
    m_rules.push_back({QRegularExpression(QStringLiteral("\\b(%1)\\b").arg(keywords)), Kind::Keyword, {}});
    m_rules.push_back(
        {QRegularExpression(QStringLiteral("\\b\\d[\\d_]*(\\.\\d+)?([eE][-+]?\\d+)?n?\\b")), Kind::Number, {}});
    m_rules.push_back(
        {QRegularExpression(QStringLiteral("\"(\\\\.|[^\"\\\\])*\"|'(\\\\.|[^'\\\\])*'|`[^`]*`")), Kind::String, {}});
    m_rules.push_back(
        {QRegularExpression(language == Language::Python ? QStringLiteral("#[^\\n]*") : QStringLiteral("//[^\\n]*")),
         Kind::Comment,
         {}});
    followPalette(QGuiApplication::palette());
}

void ScriptHighlighter::followPalette(const QPalette& palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    for (Rule& rule : m_rules) {
        QTextCharFormat& f = rule.format;
        f = QTextCharFormat();
        switch (rule.kind) {
        case Kind::Keyword:
            f.setForeground(dark ? QColor(0x56, 0xB4, 0xE9) : QColor(0x00, 0x72, 0xB2));
            f.setFontWeight(QFont::Bold);
            break;
        case Kind::Number:
            f.setForeground(dark ? QColor(0xF0, 0xB4, 0x50) : QColor(0xA0, 0x60, 0x00));
            break;
        case Kind::String:
            f.setForeground(dark ? QColor(0x7F, 0xD8, 0xB8) : QColor(0x00, 0x7A, 0x5A));
            break;
        case Kind::Comment:
            f.setForeground(dark ? QColor(0x9A, 0x9A, 0x9A) : QColor(0x70, 0x70, 0x70));
            f.setFontItalic(true);
            break;
        }
    }
    rehighlight();
}

void ScriptHighlighter::highlightBlock(const QString& text)
{
    for (const Rule& rule : m_rules) {
        auto matches = rule.pattern.globalMatch(text);
        while (matches.hasNext()) {
            const auto m = matches.next();
            setFormat(int(m.capturedStart()), int(m.capturedLength()), rule.format);
        }
    }
}

}  // namespace versus::gui
