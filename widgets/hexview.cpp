#include "hexview.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QScrollBar>

namespace wsscope {

namespace {

// Character layout of one line; painting and formatLine() share it so that what is copied is
// what is seen.
constexpr int kGap = 2;                              // spaces between columns
constexpr int kHexChars = HexView::BytesPerLine * 3; // "xx " * 16, one extra space after 8
constexpr int kAsciiLead = kGap + 1;                 // "  |"
constexpr qint64 kMaxScrollValue = qint64(1) << 30;  // keep scroll bar values far from INT_MAX
constexpr qint64 kMaxCopyBytes = qint64(64) << 20;   // refuse to put more on the clipboard
const char kHexDigits[] = "0123456789abcdef";

inline int hexColumnChar(int column)
{
    return column * 3 + (column >= 8 ? 1 : 0);
}

inline QChar printable(char c)
{
    const uchar u = uchar(c);
    return (u >= 0x20 && u < 0x7f) ? QChar(u) : QChar('.');
}

} // namespace

HexView::HexView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    updateMetrics();
}

void HexView::setData(const QByteArray &data)
{
    m_data = data;
    m_anchor = m_cursor = 0;
    m_hasSelection = false;
    m_digits = offsetDigits(data.size());
    updateMetrics();
    verticalScrollBar()->setValue(0);
    viewport()->update();
}

int HexView::offsetDigits(qint64 size)
{
    const quint64 last = size > 0 ? quint64(size - 1) : 0;
    int digits = 1;
    while (digits < 16 && (last >> (4 * digits)) != 0)
        ++digits;
    digits = qMax(8, digits);
    return digits + (digits & 1); // even widths read as whole bytes
}

QString HexView::formatLine(const QByteArray &data, qint64 lineOffset, int digits)
{
    QString line;
    line.reserve(digits + kGap + kHexChars + kAsciiLead + BytesPerLine + 1);
    for (int i = digits - 1; i >= 0; --i)
        line += QLatin1Char(kHexDigits[(quint64(lineOffset) >> (4 * i)) & 0xf]);
    line += QLatin1String("  ");
    const qint64 count = qBound<qint64>(0, data.size() - lineOffset, qint64(BytesPerLine));
    for (int i = 0; i < BytesPerLine; ++i) {
        if (i == 8)
            line += QLatin1Char(' ');
        if (i < count) {
            const uchar b = uchar(data.at(lineOffset + i));
            line += QLatin1Char(kHexDigits[b >> 4]);
            line += QLatin1Char(kHexDigits[b & 0xf]);
        } else {
            line += QLatin1String("  ");
        }
        line += QLatin1Char(' ');
    }
    line += QLatin1String(" |");
    for (int i = 0; i < count; ++i)
        line += printable(data.at(lineOffset + i));
    line += QLatin1Char('|');
    return line;
}

qint64 HexView::lineCount() const
{
    return (m_data.size() + BytesPerLine - 1) / BytesPerLine;
}

int HexView::visibleLineCount() const
{
    return qMax(1, (viewport()->height() - m_headerHeight) / m_lineHeight);
}

qint64 HexView::topLine() const
{
    return qMin(qint64(verticalScrollBar()->value()) * m_scrollScale, qMax<qint64>(0, lineCount() - 1));
}

int HexView::firstVisibleLine() const
{
    return int(qMin<qint64>(topLine(), INT_MAX));
}

int HexView::hexX(int column) const
{
    return m_hexStart + hexColumnChar(column) * m_charWidth;
}

int HexView::asciiX(int column) const
{
    return m_asciiStart + column * m_charWidth;
}

void HexView::updateMetrics()
{
    const QFontMetrics fm(font());
    m_charWidth = qMax(1, fm.horizontalAdvance(QLatin1Char('0')));
    m_lineHeight = fm.height() + 2;
    m_ascent = fm.ascent() + 1;
    m_headerHeight = m_lineHeight + 4;
    const int margin = m_charWidth / 2;
    m_hexStart = margin + (m_digits + kGap) * m_charWidth;
    m_asciiStart = m_hexStart + (kHexChars + kAsciiLead) * m_charWidth;
    m_lineWidth = m_asciiStart + (BytesPerLine + 1) * m_charWidth + margin;
    updateScrollBars();
}

void HexView::updateScrollBars()
{
    const qint64 visible = visibleLineCount();
    const qint64 maxTop = qMax<qint64>(0, lineCount() - visible);
    m_scrollScale = qMax<qint64>(1, (maxTop + kMaxScrollValue - 1) / kMaxScrollValue);
    verticalScrollBar()->setRange(0, int((maxTop + m_scrollScale - 1) / m_scrollScale));
    verticalScrollBar()->setPageStep(int(qMax<qint64>(1, visible / m_scrollScale)));
    verticalScrollBar()->setSingleStep(1);
    horizontalScrollBar()->setRange(0, qMax(0, m_lineWidth - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setSingleStep(m_charWidth);
}

qint64 HexView::selectionStart() const
{
    return m_hasSelection ? qMin(m_anchor, m_cursor) : 0;
}

qint64 HexView::selectionEnd() const
{
    return m_hasSelection ? qMax(m_anchor, m_cursor) + 1 : 0;
}

void HexView::setSelection(qint64 start, qint64 end)
{
    start = qBound<qint64>(0, start, m_data.size());
    end = qBound<qint64>(0, end, m_data.size());
    if (end <= start) {
        m_hasSelection = false;
        m_anchor = m_cursor = qMin(start, qMax<qint64>(0, m_data.size() - 1));
    } else {
        m_hasSelection = true;
        m_anchor = start;
        m_cursor = end - 1;
    }
    ensureVisible(m_cursor);
    viewport()->update();
    emit cursorMoved(m_cursor);
}

QString HexView::selectedHex() const
{
    const qint64 start = selectionStart();
    const qint64 len = qMin(selectionEnd() - start, kMaxCopyBytes);
    if (len <= 0)
        return QString();
    QString out(len * 3 - 1, QLatin1Char(' '));
    QChar *o = out.data();
    const char *p = m_data.constData() + start;
    for (qint64 i = 0; i < len; ++i) {
        const uchar b = uchar(p[i]);
        o[i * 3] = QLatin1Char(kHexDigits[b >> 4]);
        o[i * 3 + 1] = QLatin1Char(kHexDigits[b & 0xf]);
    }
    return out;
}

QString HexView::selectedText() const
{
    const qint64 start = selectionStart();
    const qint64 len = qMin(selectionEnd() - start, kMaxCopyBytes);
    if (len <= 0)
        return QString();
    return QString::fromUtf8(m_data.constData() + start, len);
}

void HexView::copyHex()
{
    if (m_hasSelection)
        QApplication::clipboard()->setText(selectedHex());
}

void HexView::copyText()
{
    if (m_hasSelection)
        QApplication::clipboard()->setText(selectedText());
}

void HexView::selectAll()
{
    setSelection(0, m_data.size());
}

void HexView::gotoOffset(qint64 offset)
{
    if (m_data.isEmpty())
        return;
    offset = qBound<qint64>(0, offset, m_data.size() - 1);
    m_hasSelection = false;
    m_anchor = m_cursor = offset;
    // Put the target line near the top third so its context stays visible.
    const qint64 line = offset / BytesPerLine;
    const qint64 top = qMax<qint64>(0, line - visibleLineCount() / 3);
    verticalScrollBar()->setValue(int(top / m_scrollScale));
    viewport()->update();
    emit cursorMoved(m_cursor);
}

void HexView::askGotoOffset()
{
    bool ok = false;
    const QString text =
        QInputDialog::getText(this, tr("Go to Offset"),
                              tr("Offset (decimal, or hexadecimal with 0x), 0 to %1:").arg(m_data.size() - 1),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok || text.isEmpty())
        return;
    qint64 offset = -1;
    bool parsed = false;
    if (text.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
        offset = text.mid(2).toLongLong(&parsed, 16);
    else
        offset = text.toLongLong(&parsed, 10);
    if (!parsed || offset < 0 || offset >= m_data.size()) {
        QMessageBox::warning(this, tr("Go to Offset"),
                             tr("'%1' is not an offset in this payload: enter a number from 0 to %2.")
                                 .arg(text)
                                 .arg(m_data.size() - 1));
        return;
    }
    gotoOffset(offset);
}

void HexView::ensureVisible(qint64 offset)
{
    const qint64 line = offset / BytesPerLine;
    const qint64 top = topLine();
    const qint64 visible = visibleLineCount();
    if (line < top)
        verticalScrollBar()->setValue(int(line / m_scrollScale));
    else if (line >= top + visible)
        verticalScrollBar()->setValue(int((line - visible + 1 + m_scrollScale - 1) / m_scrollScale));
}

void HexView::moveCursor(qint64 offset, bool extend)
{
    if (m_data.isEmpty())
        return;
    offset = qBound<qint64>(0, offset, m_data.size() - 1);
    if (extend) {
        if (!m_hasSelection)
            m_anchor = m_cursor;
        m_hasSelection = true;
    } else {
        m_hasSelection = false;
        m_anchor = offset;
    }
    m_cursor = offset;
    ensureVisible(offset);
    viewport()->update();
    emit cursorMoved(offset);
}

qint64 HexView::offsetAt(const QPoint &pos, Area *area) const
{
    const int x = pos.x() + horizontalScrollBar()->value();
    const qint64 line = topLine() + qMax(0, pos.y() - m_headerHeight) / m_lineHeight;
    int column = 0;
    if (x >= m_asciiStart - m_charWidth) {
        *area = Area::Ascii;
        column = (x - m_asciiStart) / m_charWidth;
    } else {
        *area = Area::Hex;
        const int ch = (x - m_hexStart) / m_charWidth;
        column = ch >= 25 ? (ch - 1) / 3 : ch / 3;
    }
    column = qBound(0, column, BytesPerLine - 1);
    return qBound<qint64>(0, line * BytesPerLine + column, qMax<qint64>(0, m_data.size() - 1));
}

void HexView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const QPalette &pal = palette();
    const int width = viewport()->width();
    p.fillRect(viewport()->rect(), pal.base());
    p.translate(-horizontalScrollBar()->value(), 0);
    p.setFont(font());

    const QColor dim = pal.color(QPalette::PlaceholderText);
    const QColor text = pal.color(QPalette::Text);
    const qint64 top = topLine();
    const int rows = visibleLineCount() + 1;
    const qint64 selStart = selectionStart();
    const qint64 selEnd = selectionEnd();
    const int hexTextX = m_hexStart;
    const int offsetX = m_charWidth / 2;

    for (int r = 0; r < rows; ++r) {
        const qint64 line = top + r;
        const qint64 lineOffset = line * BytesPerLine;
        if (lineOffset >= m_data.size())
            break;
        const int y = m_headerHeight + r * m_lineHeight;
        const int baseline = y + m_ascent;
        const QString s = formatLine(m_data, lineOffset, m_digits);
        const int count = int(qMin<qint64>(qint64(BytesPerLine), m_data.size() - lineOffset));
        const QString offsetText = s.left(m_digits);
        const QString hexText = s.mid(m_digits + kGap, kHexChars);
        const QString asciiText = s.mid(m_digits + kGap + kHexChars + kAsciiLead, count);

        p.setPen(dim);
        p.drawText(offsetX, baseline, offsetText);
        p.setPen(text);
        p.drawText(hexTextX, baseline, hexText);
        p.drawText(m_asciiStart, baseline, asciiText);

        // Selection: fill, then repaint the same glyphs clipped in the highlighted-text colour.
        const qint64 a = qMax(selStart, lineOffset);
        const qint64 b = qMin(selEnd, lineOffset + count);
        if (a < b) {
            const int c0 = int(a - lineOffset);
            const int c1 = int(b - lineOffset) - 1;
            const QRect hexRect(hexX(c0) - m_charWidth / 2, y,
                                hexX(c1) + 2 * m_charWidth - hexX(c0) + m_charWidth, m_lineHeight);
            const QRect asciiRect(asciiX(c0), y, (c1 - c0 + 1) * m_charWidth, m_lineHeight);
            const QColor hl =
                pal.color(hasFocus() ? QPalette::Active : QPalette::Inactive, QPalette::Highlight);
            p.fillRect(hexRect, hl);
            p.fillRect(asciiRect, hl);
            p.save();
            p.setPen(
                pal.color(hasFocus() ? QPalette::Active : QPalette::Inactive, QPalette::HighlightedText));
            p.setClipRect(hexRect);
            p.drawText(hexTextX, baseline, hexText);
            p.setClipRect(asciiRect);
            p.drawText(m_asciiStart, baseline, asciiText);
            p.restore();
        }
        if (m_cursor >= lineOffset && m_cursor < lineOffset + count) {
            const int c = int(m_cursor - lineOffset);
            const QRect hexCell(hexX(c) - 1, y, 2 * m_charWidth + 2, m_lineHeight - 1);
            const QRect asciiCell(asciiX(c), y, m_charWidth, m_lineHeight - 1);
            QPen pen(hasFocus() ? pal.color(QPalette::Text) : dim);
            p.setPen(pen);
            p.setBrush(Qt::NoBrush);
            // The active area gets a box, the other an underline, so the user sees where typing goes.
            if (m_area == Area::Hex) {
                p.drawRect(hexCell);
                p.drawLine(asciiCell.bottomLeft(), asciiCell.bottomRight());
            } else {
                p.drawRect(asciiCell);
                p.drawLine(hexCell.bottomLeft(), hexCell.bottomRight());
            }
        }
    }

    // Column header, painted last so that it stays on top while lines scroll under it.
    p.fillRect(QRect(0, 0, qMax(width + horizontalScrollBar()->value(), m_lineWidth), m_headerHeight),
               pal.alternateBase());
    p.setPen(dim);
    const int hb = 2 + m_ascent;
    p.drawText(offsetX, hb, tr("Offset"));
    QString hexHeader;
    QString asciiHeader;
    for (int i = 0; i < BytesPerLine; ++i) {
        if (i == 8)
            hexHeader += QLatin1Char(' ');
        hexHeader += QLatin1String("0");
        hexHeader += QLatin1Char(kHexDigits[i]);
        hexHeader += QLatin1Char(' ');
        asciiHeader += QLatin1Char(kHexDigits[i]);
    }
    p.drawText(hexTextX, hb, hexHeader);
    p.drawText(m_asciiStart, hb, asciiHeader);
    p.drawLine(0, m_headerHeight - 1, m_lineWidth + width, m_headerHeight - 1);
    // Separators between the three columns.
    const int sep1 = m_hexStart - m_charWidth;
    const int sep2 = m_asciiStart - m_charWidth - m_charWidth / 2;
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(sep1, 0, sep1, viewport()->height());
    p.drawLine(sep2, 0, sep2, viewport()->height());
}

void HexView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void HexView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_data.isEmpty())
        return QAbstractScrollArea::mousePressEvent(event);
    Area area;
    const qint64 offset = offsetAt(event->position().toPoint(), &area);
    m_area = area;
    const bool extend = event->modifiers() & Qt::ShiftModifier;
    moveCursor(offset, extend);
    m_dragging = true;
}

void HexView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return QAbstractScrollArea::mouseMoveEvent(event);
    Area area;
    const qint64 offset = offsetAt(event->position().toPoint(), &area);
    if (offset != m_cursor || !m_hasSelection)
        moveCursor(offset, true);
}

void HexView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mouseReleaseEvent(event);
    m_dragging = false;
}

void HexView::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        m_area == Area::Ascii ? copyText() : copyHex();
        return;
    }
    if (event == QKeySequence::SelectAll) {
        selectAll();
        return;
    }
    if (event->key() == Qt::Key_G && (event->modifiers() & Qt::ControlModifier)) {
        askGotoOffset();
        return;
    }
    if (event->key() == Qt::Key_Tab) {
        m_area = m_area == Area::Hex ? Area::Ascii : Area::Hex;
        viewport()->update();
        return;
    }
    const bool extend = event->modifiers() & Qt::ShiftModifier;
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    const qint64 page = qint64(visibleLineCount()) * BytesPerLine;
    const qint64 col = m_cursor % BytesPerLine;
    switch (event->key()) {
    case Qt::Key_Left:
        moveCursor(m_cursor - 1, extend);
        break;
    case Qt::Key_Right:
        moveCursor(m_cursor + 1, extend);
        break;
    case Qt::Key_Up:
        moveCursor(m_cursor - BytesPerLine, extend);
        break;
    case Qt::Key_Down:
        moveCursor(m_cursor + BytesPerLine, extend);
        break;
    case Qt::Key_PageUp:
        moveCursor(m_cursor - page, extend);
        break;
    case Qt::Key_PageDown:
        moveCursor(m_cursor + page, extend);
        break;
    case Qt::Key_Home:
        moveCursor(ctrl ? 0 : m_cursor - col, extend);
        break;
    case Qt::Key_End:
        moveCursor(ctrl ? m_data.size() - 1 : m_cursor - col + BytesPerLine - 1, extend);
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void HexView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *hex = menu.addAction(tr("Copy as Hex"), this, &HexView::copyHex);
    QAction *text = menu.addAction(tr("Copy as Text"), this, &HexView::copyText);
    hex->setEnabled(m_hasSelection);
    text->setEnabled(m_hasSelection);
    menu.addSeparator();
    menu.addAction(tr("Select All"), this, &HexView::selectAll);
    menu.addAction(tr("Go to Offset…"), this, &HexView::askGotoOffset)->setEnabled(!m_data.isEmpty());
    menu.exec(event->globalPos());
}

void HexView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateMetrics();
    QAbstractScrollArea::changeEvent(event);
}

void HexView::focusInEvent(QFocusEvent *event)
{
    viewport()->update();
    QAbstractScrollArea::focusInEvent(event);
}

void HexView::focusOutEvent(QFocusEvent *event)
{
    viewport()->update();
    QAbstractScrollArea::focusOutEvent(event);
}

} // namespace wsscope
