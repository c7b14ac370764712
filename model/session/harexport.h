#pragma once

#include "redaction.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QIODevice;

namespace wsscope {

class EventLog;

// Writes connections of an EventLog as HAR 1.2 with the WebSocket extension of Chrome DevTools
// ("_resourceType": "websocket", "_webSocketMessages"), one entry per connection; see
// docs/export-formats.md. The JSON is written as it goes, so 100k messages never exist as one
// document in memory.
class HarExport
{
    Q_DECLARE_TR_FUNCTIONS(wsscope::HarExport)
public:
    // Default: Redaction(), which hides the credentials headers.
    void setRedaction(const Redaction &redaction) { m_redaction = redaction; }
    const Redaction &redaction() const { return m_redaction; }
    // Empty (the default): every connection.
    void setConnections(const QList<quint32> &ids) { m_connections = ids; }
    // Close, ping and pong frames are not messages for Chrome; with this (the default) they go to a
    // "_wsscopeFrames" array beside "_webSocketMessages" so that importing the file keeps them.
    void setIncludeControlFrames(bool include) { m_includeControl = include; }
    // The handshake as it was on the wire, redacted, in "_wsscopeRawRequest" / "_wsscopeRawResponse".
    void setIncludeRawHandshake(bool include) { m_includeRaw = include; }

    bool write(const EventLog &log, QIODevice *device);
    // Through a temporary file renamed over path, so an existing file is never left half-written.
    bool save(const EventLog &log, const QString &path);

    QString errorString() const { return m_error; }
    qsizetype entriesWritten() const { return m_entries; }
    qsizetype messagesWritten() const { return m_messages; }

private:
    Redaction m_redaction;
    QList<quint32> m_connections;
    bool m_includeControl = true;
    bool m_includeRaw = false;
    QString m_error;
    qsizetype m_entries = 0;
    qsizetype m_messages = 0;
};

} // namespace wsscope
