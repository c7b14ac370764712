#pragma once

#include "capturesink.h"
#include "messages.h"

#include <QList>
#include <QObject>
#include <QUrl>

class QHostAddress;
class QWebSocket;
class QWebSocketServer;

namespace wsscope {

class EventLog;

// Plays the server's side of one recorded connection to clients on 127.0.0.1: each recorded server
// message goes out once the client messages that preceded it in the recording have arrived (or on
// the recorded timing), then the server closes as it did in the recording. What the mock exchanges
// is recorded into the sink as a connection of its own, with source "mock", at message level (a
// server-side QWebSocket does not show its frames). See docs/replay-and-diff.md.
class MockServer : public QObject
{
    Q_OBJECT
public:
    enum class Timing {
        AfterClientMessages, // server message k once the client messages that preceded it arrived
        Original,            // server message k at its recorded time after the client connected
    };
    Q_ENUM(Timing)

    explicit MockServer(CaptureSink *sink, QObject *parent = nullptr);
    ~MockServer() override;

    // Takes the server messages, the chosen subprotocol and the close of connection conn of log.
    bool load(const EventLog &log, quint32 conn);

    void setTiming(Timing timing) { m_timing = timing; }
    Timing timing() const { return m_timing; }
    // Serve one client, then stop listening and emit finished().
    void setOnce(bool once) { m_once = once; }
    bool once() const { return m_once; }

    // Listens on 127.0.0.1; port 0 picks a free one.
    bool listen(quint16 port = 0);
    // Any other address, for clients on other hosts; the caller decides whether that is wanted.
    bool listen(const QHostAddress &address, quint16 port);
    void stop();
    bool isListening() const;
    quint16 port() const;
    QUrl url() const; // ws://<listen address>:port plus the recorded path (127.0.0.1 for "any")
    QString errorString() const { return m_error; }

    int serverMessageCount() const { return int(m_serverMessages.size()); }
    int clientMessageCount() const { return m_clientMessages; }
    QString subprotocol() const { return m_subprotocol; }
    int clientsServed() const { return m_served; }

signals:
    void clientConnected(quint32 conn);
    void progress(quint32 conn, int sent, int total);
    void clientFinished(quint32 conn, const QString &summary);
    void finished(); // once mode: the client is gone and the server stopped listening

private:
    struct Step
    {
        DataMessage message;
        int clientBefore = 0; // client messages logged before this server message began
    };
    struct Client;
    void onNewConnection();
    void onClientMessage(Client *client, quint8 opcode, const QByteArray &payload);
    void pump(Client *client);
    void onClientDisconnected(Client *client);
    void recordMessage(Client *client, Direction dir, quint8 opcode, const QByteArray &payload);
    qint64 dueMs(qint64 recordedNs) const;

    CaptureSink *m_sink;
    QWebSocketServer *m_server = nullptr;
    QList<Client *> m_clients;
    QList<Step> m_serverMessages;
    int m_clientMessages = 0;
    int m_clientBeforeClose = 0;
    quint32 m_recordedConn = 0;
    QString m_recordedPath;
    QString m_host = QStringLiteral("127.0.0.1"); // as url() names it
    QString m_subprotocol;
    QString m_closeInitiator;
    int m_closeCode = 1000;
    QString m_closeReason;
    qint64 m_openNs = 0;
    qint64 m_closeNs = -1;
    Timing m_timing = Timing::AfterClientMessages;
    bool m_once = false;
    int m_served = 0;
    QString m_error;
};

} // namespace wsscope
