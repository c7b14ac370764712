#pragma once

#include <QColor>
#include <QSyntaxHighlighter>

class QPalette;

namespace wsscope {

// Token colours for JSON, chosen by whether the palette is dark so that they stay readable on
// both; the tree and the pretty text use the same set.
struct JsonColors
{
    QColor key;
    QColor string;
    QColor number;
    QColor boolean;
    QColor null;
    QColor punctuation;
    static JsonColors forPalette(const QPalette &palette);
};

// Colours one line at a time; the pretty-printer never splits a token across lines, so no state
// needs to carry from one block to the next.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit JsonHighlighter(QTextDocument *document);
    void setColors(const JsonColors &colors);

protected:
    void highlightBlock(const QString &text) override;

private:
    JsonColors m_colors;
};

} // namespace wsscope
