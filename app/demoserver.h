#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QUrl>

class QWebSocketServer;
class QWebSocket;
class QTimer;

namespace wsscope {

// A built-in WebSocket server on 127.0.0.1 that streams a realistic mix: JSON ticker updates,
// CBOR binary frames, fragmented messages, server pings and an echo channel. It lets a newcomer
// see live traffic within seconds, and gives tests and benchmarks a peer in the same process.
class DemoServer : public QObject
{
    Q_OBJECT
public:
    explicit DemoServer(QObject *parent = nullptr);
    ~DemoServer() override;

    // Port 0 picks a free port. Returns false with errorString() set when it cannot listen.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    // The feed (path /feed: the streamed mix plus echo). echoUrl(): path /echo, a quiet channel that
    // only echoes what it is sent (and pings every 3 s), as a chat or command socket would.
    QUrl url() const;
    QUrl echoUrl() const;
    QString errorString() const;
    // Ticker updates per second for each client (default 5).
    void setTickRate(int perSecond);

private:
    void onNewConnection();
    void tick(QWebSocket *client);
    void onText(QWebSocket *client, const QString &text);

    QWebSocketServer *m_server;
    QList<QWebSocket *> m_clients;
    int m_tickRate = 5;
    quint64 m_seq = 0;
};

} // namespace wsscope
