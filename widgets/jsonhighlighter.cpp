#include "jsonhighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace wsscope {

JsonColors JsonColors::forPalette(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    JsonColors c;
    if (dark) {
        c.key = QColor(0x9c, 0xdc, 0xfe);
        c.string = QColor(0xce, 0x91, 0x78);
        c.number = QColor(0xb5, 0xce, 0xa8);
        c.boolean = QColor(0x56, 0x9c, 0xd6);
        c.null = QColor(0xc5, 0x86, 0xc0);
    } else {
        c.key = QColor(0x00, 0x45, 0x8a);
        c.string = QColor(0xa3, 0x15, 0x15);
        c.number = QColor(0x09, 0x86, 0x58);
        c.boolean = QColor(0x00, 0x00, 0xd0);
        c.null = QColor(0x8a, 0x2b, 0xa0);
    }
    c.punctuation = palette.color(QPalette::PlaceholderText);
    return c;
}

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document), m_colors(JsonColors::forPalette(QGuiApplication::palette()))
{}

void JsonHighlighter::setColors(const JsonColors &colors)
{
    m_colors = colors;
    rehighlight();
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    const int n = int(text.size());
    int i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"')) {
            int j = i + 1;
            while (j < n && text.at(j) != QLatin1Char('"'))
                j += text.at(j) == QLatin1Char('\\') ? 2 : 1;
            j = qMin(j + 1, n);
            int k = j;
            while (k < n && text.at(k).isSpace())
                ++k;
            const bool isKey = k < n && text.at(k) == QLatin1Char(':');
            setFormat(i, j - i, isKey ? m_colors.key : m_colors.string);
            i = j;
        } else if (c == QLatin1Char('-') || c.isDigit()) {
            int j = i + 1;
            while (j < n && (text.at(j).isDigit() || text.at(j) == QLatin1Char('.') ||
                             text.at(j) == QLatin1Char('e') || text.at(j) == QLatin1Char('E') ||
                             text.at(j) == QLatin1Char('+') || text.at(j) == QLatin1Char('-')))
                ++j;
            setFormat(i, j - i, m_colors.number);
            i = j;
        } else if (c.isLetter()) {
            int j = i + 1;
            while (j < n && text.at(j).isLetter())
                ++j;
            const QStringView word = QStringView(text).mid(i, j - i);
            if (word == QLatin1String("null"))
                setFormat(i, j - i, m_colors.null);
            else if (word == QLatin1String("true") || word == QLatin1String("false"))
                setFormat(i, j - i, m_colors.boolean);
            i = j;
        } else {
            if (!c.isSpace())
                setFormat(i, 1, m_colors.punctuation);
            ++i;
        }
    }
}

} // namespace wsscope
