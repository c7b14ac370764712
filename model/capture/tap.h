#pragma once

#include "capturesink.h"
#include "connectionoptions.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QUrl>

class QTcpServer;

namespace wsscope {

class Tunnel;

// Where one tunnel goes and how it is recorded. A ClientConnection queues one route per attempt
// before its QWebSocket connects; a CONNECT tunnel accepted with no route queued is an outside client
// (proxy mode) and becomes a new "proxy" connection aimed at its CONNECT target.
struct TapRoute
{
    quint32 conn = 0; // the sink's number for this connection
    QUrl url;         // ws:// or wss://: host, port and scheme decide the upstream
    TlsOptions tls;
    QNetworkProxy upstreamProxy = QNetworkProxy(QNetworkProxy::NoProxy);
    quint64 payloadCap = 16u * 1024u * 1024u;
    int connectTimeoutMs = 30000;
};

// What a tunnel learned that its client cannot see through the proxy connection. Written on the
// capture thread before the bytes that reveal it reach the client, so a reader that reacts to the
// client's socket always finds it.
struct TapOutcome
{
    QString failure;    // one sentence for the user; empty when none
    int httpStatus = 0; // status of the upgrade answer
    QByteArray httpReason;
    bool closeSent = false;     // a close frame went client -> server
    bool closeReceived = false; // a close frame went server -> client
    bool upstreamConnected = false;
    // Set when the tunnel ended, as in its Close event.
    bool finished = false;
    QString closeInitiator; // "client", "server", "none"
    int closeCode = 1006;
    QString closeReason;
    bool clean = false;
};

// A relay on 127.0.0.1 (ephemeral port) that records everything it relays. Two ways in:
// - direct: a ClientConnection's QWebSocket sends its upgrade request straight here; the tunnel takes the
//   queued route and sends the request on with the Host header of the route's URL. (Going through
//   QNetworkProxy would also work, but Qt 6.4's HTTP proxy socket engine is slow per write: see
//   docs/benchmarks.md, Capture.)
// - CONNECT (RFC 9110 §9.3.6): any HTTP-proxy-aware client (proxy mode).
// Lives on captureThread(); create with Tap::create() from any thread.
class Tap : public QObject
{
    Q_OBJECT
public:
    // Creates the tap on the capture thread and starts listening; nullptr when listening failed.
    static Tap *create(CaptureSink *sink, QString *error = nullptr);
    // Deletes the tap on its thread and returns when it is gone: the sink is not called afterwards.
    static void destroy(Tap *tap);
    ~Tap() override;

    quint16 port() const { return m_port; }
    CaptureSink *sink() const { return m_sink; }

    // Thread-safe.
    void addRoute(const TapRoute &route);
    // Forgets the routes of conn that no tunnel took (its attempt ended before its request reached
    // the Tap, or the request was refused unparsed), so a later tunnel cannot take them.
    void dropRoutes(quint32 conn);
    TapOutcome outcome(quint32 conn) const;

signals:
    // Emitted on the capture thread; connect with a queued or auto connection.
    void upstreamFailed(quint32 conn, const QString &message);
    // A ping client -> server answered by a pong with the same payload, wire times (monotonicNs).
    void pingAnswered(quint32 conn, const QByteArray &payload, qint64 pingNs, qint64 pongNs);
    // The tunnel ended: both TCP connections are closed.
    void tunnelFinished(quint32 conn);

private:
    explicit Tap(CaptureSink *sink);
    Q_INVOKABLE bool listen(QString *error);
    void onNewConnection();

    friend class Tunnel;
    bool takeRoute(TapRoute *route);
    template <typename F> void updateOutcome(quint32 conn, F &&f)
    {
        QMutexLocker locker(&m_mutex);
        f(m_outcomes[conn]);
    }

    CaptureSink *m_sink;
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    mutable QMutex m_mutex;
    QList<TapRoute> m_routes;
    QHash<quint32, TapOutcome> m_outcomes;
};

} // namespace wsscope
