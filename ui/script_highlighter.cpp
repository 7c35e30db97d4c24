// Line-by-line regular expressions: enough for short functions, no multi-line strings or comments.
#include "script_highlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace versus::gui {

namespace {

QTextCharFormat charFormat(const QColor& color, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

} // namespace

ScriptHighlighter::ScriptHighlighter(Language language, QTextDocument* document) : QSyntaxHighlighter(document)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    const QColor keyword = dark ? QColor(0x56, 0xB4, 0xE9) : QColor(0x00, 0x72, 0xB2);
    const QColor string = dark ? QColor(0x7F, 0xD8, 0xB8) : QColor(0x00, 0x7A, 0x5A);
    const QColor number = dark ? QColor(0xF0, 0xB4, 0x50) : QColor(0xA0, 0x60, 0x00);
    const QColor comment = dark ? QColor(0x9A, 0x9A, 0x9A) : QColor(0x70, 0x70, 0x70);

    const QString keywords = language == Language::Python
        ? QStringLiteral("and|as|assert|break|class|continue|def|del|elif|else|except|False|finally|for|from|global|"
                         "if|import|in|is|lambda|None|nonlocal|not|or|pass|raise|return|True|try|while|with|yield")
        : QStringLiteral("break|case|catch|class|const|continue|default|delete|do|else|export|exports|false|for|"
                         "function|if|in|instanceof|let|new|null|of|return|switch|this|throw|true|try|typeof|"
                         "undefined|var|while|yield|require|module");
    m_rules.push_back({QRegularExpression(QStringLiteral("\\b(%1)\\b").arg(keywords)), charFormat(keyword, true)});
    m_rules.push_back({QRegularExpression(QStringLiteral("\\b\\d[\\d_]*(\\.\\d+)?([eE][-+]?\\d+)?n?\\b")),
                       charFormat(number)});
    m_rules.push_back({QRegularExpression(QStringLiteral("\"(\\\\.|[^\"\\\\])*\"|'(\\\\.|[^'\\\\])*'|`[^`]*`")),
                       charFormat(string)});
    m_rules.push_back({QRegularExpression(language == Language::Python ? QStringLiteral("#[^\\n]*")
                                                                       : QStringLiteral("//[^\\n]*")),
                       charFormat(comment, false, true)});
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

} // namespace versus::gui
