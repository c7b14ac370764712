#pragma once

#include "eventlog.h"
#include "messages.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <functional>
#include <optional>

class QIODevice;

namespace wsscope {

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
