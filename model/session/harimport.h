#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

class QIODevice;

namespace wsscope {

class EventLog;

// Reads the WebSocket connections of a HAR file (Chrome DevTools, mitmproxy, our HarExport) into an
// EventLog; see docs/export-formats.md. Each entry with "_resourceType": "websocket", a ws:// or
// wss:// URL, or a "_webSocketMessages" array becomes a connection with source "import": a
// Connection event, the two Handshake events, and one Frame (FIN set, unmasked) per message.
// HAR keeps messages, not frames, so the connection details say "framing": "message-only".
class HarImport
{
    Q_DECLARE_TR_FUNCTIONS(wsscope::HarImport)
public:
    static constexpr char Framing[] = "message-only";

    bool read(const QString &path, EventLog *log);
    bool read(QIODevice *device, EventLog *log);
    // Returns false with errorString() when the data is not JSON, not a HAR, or has no WebSocket
    // entry; the log is left untouched then.
    bool readData(const QByteArray &data, EventLog *log);

    QString errorString() const { return m_error; }
    // Connection numbers given by the log, in the order of the entries.
    QList<quint32> connections() const { return m_connections; }
    qsizetype messagesRead() const { return m_messages; }
    // Entries that are not WebSocket connections (plain HTTP requests), skipped.
    qsizetype otherEntries() const { return m_otherEntries; }
    // Messages that could not be read (unknown type, opcode or data) and were skipped.
    qsizetype skippedMessages() const { return m_skipped; }

private:
    QString m_error;
    QList<quint32> m_connections;
    qsizetype m_messages = 0;
    qsizetype m_otherEntries = 0;
    qsizetype m_skipped = 0;
};

} // namespace wsscope
