#pragma once

#include "eventlog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace wsscope {

// Text of timeline cells, produced on demand from a record and its stored bytes. Shared by the
// item models so that the same event reads the same in every view.
class EventFormat
{
    Q_DECLARE_TR_FUNCTIONS(EventFormat)
public:
    static constexpr int PreviewChars = 120;
    static constexpr int PreviewHexBytes = 40;

    // "→" for client to server, "←" for server to client.
    static QString directionArrow(Direction dir);
    // Type column: opcode names for frames ("Text", "Ping"), event names otherwise ("Violation").
    static QString typeName(const EventRecord &record);
    static QString kindName(EventKind kind, Direction dir);
    // "100" for RSV1 alone, "000" for none (RFC 6455 §5.2 bit order RSV1 RSV2 RSV3).
    static QString rsvBits(quint8 rsv);
    // Lower-case hex of the 4 key bytes in wire order, e.g. "a1b2c3d4".
    static QString maskKey(quint32 key);
    // Milliseconds with 3 decimals: "12.345".
    static QString relativeMs(qint64 ns);
    // Local wall time with microseconds: "13:04:05.123456".
    static QString wallTime(const QDateTime &start, qint64 ns);

    // One line of text, control characters escaped, cut at maxChars with an ellipsis.
    static QString textPreview(QByteArrayView bytes, bool truncated, int maxChars = PreviewChars);
    // "0a 1b 2c …".
    static QString hexPreview(QByteArrayView bytes, bool truncated, int maxBytes = PreviewHexBytes);
    // "1000 Normal Closure: reason"; a close frame without body reads "(no status code)".
    static QString closePreview(QByteArrayView body);
    // Close body parts (RFC 6455 §5.5.1): -1 when the body carries no code.
    static int closeCode(QByteArrayView body);
    static QByteArray closeReason(QByteArrayView body);
    // Preview column of a frame.
    static QString framePreview(const EventRecord &record, QByteArrayView payload);
    // Preview column of a non-frame event, from its details.
    static QString detailsPreview(EventKind kind, Direction dir, const QJsonObject &details);
    // "1000 Normal Closure".
    static QString closeCodeText(int code);
    // Round trip of an Rtt event in ns (on the wire, else as QWebSocket measured it); -1 if none.
    static qint64 rttNs(const QJsonObject &details);
};

} // namespace wsscope
