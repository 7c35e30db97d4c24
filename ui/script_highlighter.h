// Basic syntax colouring for the "Your own code" editors: keywords, strings, numbers and comments.
#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <vector>

namespace versus::gui {

class ScriptHighlighter final : public QSyntaxHighlighter {
    Q_OBJECT
public:
    enum class Language { Python, JavaScript };
    ScriptHighlighter(Language language, QTextDocument* document);
    /// Colours for the background of `palette` (light or dark), and the text recoloured with them.
    void followPalette(const QPalette& palette);

protected:
    void highlightBlock(const QString& text) override;

private:
    enum class Kind { Keyword, Number, String, Comment };
    struct Rule {
        QRegularExpression pattern;
        Kind kind;
        QTextCharFormat format;
    };
    std::vector<Rule> m_rules;  // applied in order; later rules (strings, comments) win
};

}  // namespace versus::gui
