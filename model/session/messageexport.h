#pragma once

#include "eventlog.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <functional>
#include <optional>

class QIODevice;

namespace wsscope {

// One WebSocket message rebuilt from the frames of an EventLog (RFC 6455 §5.4): a text or binary
// frame and the continuation frames after it in the same direction, up to the frame with FIN.
// A control frame is a message of its own frame.
struct AssembledMessage
{
    quint32 conn = 0;
    Direction dir = Direction::Out;
    quint8 opcode = 0;      // of the first frame: Text, Binary, a control opcode, or Continuation
                            // for continuation frames that no text/binary frame began
    qint64 timeNs = 0;      // of the final frame, since the connection's start: when the message
                            // was complete, which is when a browser reports it
    qint64 firstTimeNs = 0; // of the first frame
    quint64 length = 0;     // sum of the lengths the frame headers announced
    QByteArray data;        // the stored payloads joined; shorter than length when truncated
    int frames = 0;
    bool truncated = false;  // a frame's payload was stored shorter than announced
    bool compressed = false; // RSV1 on the first frame (permessage-deflate): data is still compressed
    bool complete = true;    // false: the log ended, or a new message began, before a frame with FIN
    qsizetype firstIndex = -1;
    qsizetype lastIndex = -1;
};

// Rebuilds messages from frame records fed in log order; hands each one over when it is complete.
class MessageAssembler
{
public:
    using Handler = std::function<void(const AssembledMessage &)>;
    MessageAssembler(const EventLog &log, Handler handler);

    // Control frames (close, ping, pong) are dropped unless this is set.
    void setIncludeControlFrames(bool include) { m_includeControl = include; }
    // index must be a frame record of the log; other records are ignored.
    void addFrame(qsizetype index);
    // Hands over the messages still waiting for their final frame, marked incomplete.
    void finish();

private:
    void begin(AssembledMessage &m, const EventRecord &record, qsizetype index);
    void append(AssembledMessage &m, const EventRecord &record, qsizetype index);

    const EventLog &m_log;
    Handler m_handler;
    bool m_includeControl = false;
    QHash<quint64, AssembledMessage> m_pending; // by connection and direction
};

// Bulk export of the messages of a log: NDJSON, CSV (RFC 4180), or one file per message.
// Formats are described in docs/export-formats.md.
class MessageExport
{
    Q_DECLARE_TR_FUNCTIONS(wsscope::MessageExport)
public:
    // 0: every connection.
    void setConnection(quint32 conn) { m_conn = conn; }
    // Empty: both directions.
    void setDirection(std::optional<Direction> dir) { m_dir = dir; }
    void setIncludeControlFrames(bool include) { m_includeControl = include; }

    bool writeNdjson(const EventLog &log, QIODevice *device);
    bool writeCsv(const EventLog &log, QIODevice *device);
    // Creates directory if needed; files are named 000001-out-text.txt, 000002-in-binary.bin...
    bool writePayloadFiles(const EventLog &log, const QString &directory);

    qsizetype messagesWritten() const { return m_written; }
    QString errorString() const { return m_error; }

    // "text", "binary", "close", "ping", "pong", "continuation", "0x3"...
    static QByteArray typeName(quint8 opcode);
    // RFC 4180: quoted when it holds a comma, a quote, CR or LF; quotes doubled.
    static void appendCsvField(QByteArrayView field, QByteArray &out);
    // JSON string of valid UTF-8 text, with the escapes RFC 8259 §7 requires.
    static void appendJsonString(QByteArrayView utf8, QByteArray &out);
    // Microseconds since the epoch of a connection's "started" (ISO 8601) plus timeNs; 0 for no start.
    static qint64 epochMicroseconds(const QString &started, qint64 timeNs);
    // ISO 8601 UTC with microseconds: 2024-05-01T10:00:00.123456Z.
    static QByteArray isoTime(qint64 epochUs);

private:
    bool forEachMessage(const EventLog &log, const std::function<bool(const AssembledMessage &)> &write);
    bool fail(const QString &message);

    quint32 m_conn = 0;
    std::optional<Direction> m_dir;
    bool m_includeControl = false;
    qsizetype m_written = 0;
    QString m_error;
};

} // namespace wsscope
