#pragma once

#include <QAbstractScrollArea>
#include <QByteArray>

namespace wsscope {

// Offset | 16 hex bytes | ASCII, painted line by line for the visible rows only, so the cost of a
// paint does not depend on the payload size and no text of the whole payload is ever built.
// The data is held as a shared QByteArray (no copy).
class HexView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    static constexpr int BytesPerLine = 16;

    explicit HexView(QWidget *parent = nullptr);

    void setData(const QByteArray &data);
    const QByteArray &data() const { return m_data; }

    // Selection as a half-open byte range [start, end); empty when nothing is selected.
    qint64 selectionStart() const;
    qint64 selectionEnd() const;
    void setSelection(qint64 start, qint64 end);
    qint64 cursorOffset() const { return m_cursor; }

    QString selectedHex() const;  // "48 65 6c 6c 6f"
    QString selectedText() const; // the selected bytes as UTF-8 (invalid bytes become U+FFFD)

    // Number of hex digits in the offset column: 8 up to 4 GiB, more for larger (64-bit) offsets.
    static int offsetDigits(qint64 size);
    // The text of one line as it is painted (and copied by "Copy lines"):
    // "00000010  48 65 6c 6c 6f 20 77 6f  72 6c 64 0a 00 01 02 03  |Hello world.....|"
    static QString formatLine(const QByteArray &data, qint64 lineOffset, int offsetDigits);

    int firstVisibleLine() const;
    int visibleLineCount() const;

public slots:
    void gotoOffset(qint64 offset);
    void copyHex();
    void copyText();
    void selectAll();
    void askGotoOffset();

signals:
    void cursorMoved(qint64 offset);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    enum class Area { Hex, Ascii };
    qint64 lineCount() const;
    qint64 topLine() const;
    void updateMetrics();
    void updateScrollBars();
    void moveCursor(qint64 offset, bool extend);
    void ensureVisible(qint64 offset);
    qint64 offsetAt(const QPoint &pos, Area *area) const;
    int hexX(int column) const;   // x of hex column (0..15) in content coordinates
    int asciiX(int column) const; // x of ascii column

    QByteArray m_data;
    qint64 m_anchor = 0;
    qint64 m_cursor = 0;
    bool m_hasSelection = false;
    bool m_dragging = false;
    Area m_area = Area::Hex;
    int m_digits = 8;
    int m_charWidth = 8;
    int m_lineHeight = 16;
    int m_ascent = 12;
    int m_headerHeight = 16;
    int m_hexStart = 0;
    int m_asciiStart = 0;
    int m_lineWidth = 0;
    // Lines per scroll bar step, so that more than INT_MAX lines (32 GiB) still scroll.
    qint64 m_scrollScale = 1;
};

} // namespace wsscope
