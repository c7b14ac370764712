#pragma once

#include "orderedjson.h"

#include <QByteArray>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTabWidget;

namespace wsscope {

class CborView;
class HexView;
class JsonView;

// The payload of one frame or message as Text, JSON, Hex and CBOR tabs. setPayload() picks the tab
// that fits the bytes; tabs that do not apply are disabled rather than hidden so the layout stays
// put from one frame to the next. Pages are filled when first shown, so a 16 MiB payload costs
// only the page the user looks at.
class PayloadView : public QWidget
{
    Q_OBJECT
public:
    enum Tab { TextTab, JsonTab, HexTab, CborTab };

    // Text longer than this is cut in the Text tab: QPlainTextEdit needs seconds per MiB to lay out
    // one long line (measured on Qt 6.4). Hex always shows every byte.
    static constexpr qint64 MaxTextBytes = qint64(1) << 20;

    explicit PayloadView(QWidget *parent = nullptr);

    // opcode as on the wire (1 text, 2 binary, 8-10 control); truncated when the stored payload is
    // shorter than the frame's, trueLength being the length the frame announced.
    void setPayload(const QByteArray &data, quint8 opcode, bool truncated = false, quint64 trueLength = 0);
    void clear();

    Tab currentTab() const;
    void setCurrentTab(Tab tab);
    bool isTabEnabled(Tab tab) const;
    QString noteText() const;
    const QByteArray &payload() const { return m_data; }

    QTabWidget *tabWidget() const { return m_tabs; }
    QPlainTextEdit *textView() const { return m_text; }
    JsonView *jsonView() const { return m_json; }
    HexView *hexView() const { return m_hex; }
    CborView *cborView() const { return m_cbor; }

    // "16 MiB", "1.5 KiB", "200 bytes"
    static QString formatSize(quint64 bytes);
    // Offset of the first byte that cannot be UTF-8, or -1. A code point cut off by the end of the
    // data counts as invalid unless allowIncompleteTail (a truncated payload may end inside one).
    static qint64 firstInvalidUtf8(const QByteArray &data, bool allowIncompleteTail);

private:
    void fillPage(int tab);

    QByteArray m_data;
    OrderedJson m_doc;
    quint8 m_opcode = 0;
    bool m_truncated = false;
    unsigned m_filled = 0;
    QLabel *m_note;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_text;
    JsonView *m_json;
    HexView *m_hex;
    CborView *m_cbor;
};

} // namespace wsscope
