#pragma once

#include <QByteArray>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace wsscope {

// A binary payload decoded as CBOR (RFC 8949) and shown in diagnostic notation. Data that follows
// the first item is decoded as a CBOR sequence (RFC 8742) until the end or the first error.
class CborView : public QWidget
{
    Q_OBJECT
public:
    struct Decoded
    {
        QString diagnostic;      // items in diagnostic notation, one after the other
        int items = 0;           // items decoded without error
        qint64 firstItemEnd = 0; // bytes used by the first item
        qint64 consumed = 0;     // bytes used by all decoded items
        QString error;           // empty when everything up to consumed decoded
        qint64 errorOffset = -1; // where the reader stopped on error
        bool truncatedOutput = false;
        // One item that uses every byte: what "this payload is CBOR" means for picking a tab.
        bool isSingleItem(qint64 size) const { return items == 1 && error.isEmpty() && firstItemEnd == size; }
    };

    explicit CborView(QWidget *parent = nullptr);

    void setData(const QByteArray &data);
    QString text() const;
    QString noteText() const;

    // maxItems and maxChars bound the work on a hostile or merely huge payload.
    static Decoded decode(const QByteArray &data, int maxItems = 10000, qint64 maxChars = qint64(8) << 20);
    // True when the first item decodes without error (the CBOR tab has something to show).
    static bool firstItemDecodes(const QByteArray &data, qint64 *firstItemEnd = nullptr);

private:
    QLabel *m_note;
    QPlainTextEdit *m_text;
};

} // namespace wsscope
